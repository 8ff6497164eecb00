"""Value types shared by the scrubber and the app: what a scrub returns, never what it removed."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Category -> Dutch placeholder. PERSON is numbered per table: "[persoon 1]".
PLACEHOLDERS: dict[str, str] = {
    "PERSON": "[persoon {n}]",
    "ADDRESS": "[adres]",
    "POSTCODE": "[postcode]",
    "PLACE": "[plaats]",
    "PHONE": "[telefoon]",
    "EMAIL": "[e-mail]",
    "URL": "[link]",
    "NATIONAL_ID": "[rijksregisternr]",
    "IBAN": "[rekeningnr]",
    "DATE": "[datum]",
    "INSTITUTION": "[instelling]",
    "CASE_ID": "[dossiernr]",
    "PLATE": "[nummerplaat]",
}
CATEGORIES: tuple[str, ...] = tuple(PLACEHOLDERS)

_BY_LABEL = {v.split("{")[0].rstrip(" ]").lstrip("["): k for k, v in PLACEHOLDERS.items()}
PLACEHOLDER_RE = re.compile(
    r"\[(persoon \d+|adres|postcode|plaats|telefoon|e-mail|link|rijksregisternr|rekeningnr"
    r"|datum|instelling|dossiernr|nummerplaat)\]"
)


@dataclass(frozen=True, slots=True)
class Redaction:
    """One replaced span: its category and where its placeholder stands in the *output* text."""

    category: str
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {"category": self.category, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class ScrubbedText:
    """Text that has passed the scrubber; the only value models accept for free-text columns."""

    text: str
    redactions: tuple[Redaction, ...] = ()

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)

    @property
    def categories(self) -> list[str]:
        """Distinct categories replaced, in the order of CATEGORIES (for 'we replaced ...')."""
        seen = {r.category for r in self.redactions}
        return [c for c in CATEGORIES if c in seen]

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "redactions": [r.to_json() for r in self.redactions]}

    @classmethod
    def from_stored(cls, text: str) -> ScrubbedText:
        """Rebuild the value of text read back from storage (it was scrubbed when written)."""
        return cls(text, redactions_in(text))


def category_of_placeholder(inner: str) -> str:
    """'persoon 3' -> 'PERSON', 'adres' -> 'ADDRESS'."""
    return _BY_LABEL[inner.split(" ")[0]]


def redactions_in(text: str) -> tuple[Redaction, ...]:
    """Find the placeholders in a text that has already been scrubbed."""
    return tuple(
        Redaction(category_of_placeholder(m.group(1)), m.start(), m.end())
        for m in PLACEHOLDER_RE.finditer(text)
    )
