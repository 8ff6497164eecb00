"""A text cut into word tokens once per call, with the few facts every word detector asks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from casetable.scrub.lexicon import Lexicon

# Letters with inner hyphens or apostrophes (Jean-Pierre, D'Hondt); a possessive 's stays apart
# so "Papa's" and "Oma's" read as the plain word.
TOKEN_RE = re.compile(r"[^\W\d_]+(?:(?:-|['’](?![sS]\b))[^\W\d_]+)*")
_OPENERS = set("'\"‘’“”«(„[")
_SENTENCE_ENDS = set(".!?:;\n•*")


@dataclass(slots=True)
class Token:
    """One word; `lower` is casefolded, `cap` means capitalised but not all capitals."""

    text: str
    start: int
    end: int
    lower: str
    cap: bool
    upper: bool
    sent_start: bool


@dataclass(slots=True)
class Doc:
    """The text, its tokens and the lexicon; built fresh for every scrub call."""

    text: str
    lex: Lexicon
    tokens: list[Token] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, lex: Lexicon) -> Doc:
        toks = []
        for m in TOKEN_RE.finditer(text):
            w = m.group()
            first = w[0]
            upper = len(w) > 1 and w.isupper()
            toks.append(
                Token(
                    w,
                    m.start(),
                    m.end(),
                    w.casefold(),
                    first.isupper() and not upper,
                    upper,
                    _starts_sentence(text, m.start()),
                )
            )
        return cls(text, lex, toks)

    def gap(self, i: int) -> str:
        """The characters between token i and token i+1."""
        return self.text[self.tokens[i].end : self.tokens[i + 1].start]

    def joined(self, i: int) -> bool:
        """True when token i+1 follows token i after one space (a name or phrase goes on)."""
        return i + 1 < len(self.tokens) and self.gap(i) == " "

    def prev_word(self, i: int) -> str:
        """Casefolded previous token when only spaces/commas separate it, else ''."""
        if i == 0:
            return ""
        gap = self.text[self.tokens[i - 1].end : self.tokens[i].start]
        return self.tokens[i - 1].lower if gap.strip(" ,") == "" else ""

    def followed_by(self, i: int, rx: re.Pattern[str]) -> bool:
        return rx.match(self.text, self.tokens[i].end) is not None


def _starts_sentence(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and (text[j] == " " or text[j] == "\t" or text[j] in _OPENERS):
        j -= 1
    return (
        j < 0 or text[j] in _SENTENCE_ENDS or (text[j] == "-" and (j == 0 or text[j - 1] == "\n"))
    )
