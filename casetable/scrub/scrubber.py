"""The choke point: detect spans with every detector, resolve overlaps, put in placeholders."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable

from casetable.scrub.detectors import dates, numbers
from casetable.scrub.detectors.institutions import detect_institutions
from casetable.scrub.detectors.locations import detect_addresses, detect_places
from casetable.scrub.detectors.persons import detect_persons
from casetable.scrub.doc import Doc
from casetable.scrub.lexicon import Lexicon, load_lexicon
from casetable.scrub.pseudonyms import MemoryPseudonymStore, Pseudonymizer
from casetable.scrub.spans import Span, resolve
from casetable.scrub.types import PLACEHOLDER_RE, PLACEHOLDERS, Redaction, ScrubbedText

TextDetector = Callable[[str], Iterable[Span]]
WORD_CATEGORIES = frozenset({"PERSON", "PLACE", "ADDRESS", "INSTITUTION", "POSTCODE"})


class Scrubber:
    """Replaces identifying details in Dutch (Flemish) text; holds no per-call state."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self._text_detectors: tuple[TextDetector, ...] = numbers.DETECTORS + dates.DETECTORS
        never = "|".join(re.escape(p) for p in self.lex.never_phrases)
        self._protect_re = re.compile(rf"(?<!\w)(?:{never})(?!\w)", re.IGNORECASE)

    def detect(self, text: str, pseudonyms: Pseudonymizer | None = None) -> list[Span]:
        """All spans to replace, non-overlapping and sorted (detection without replacement)."""
        spans: list[Span] = []
        for detector in self._text_detectors:
            spans.extend(detector(text))
        doc = Doc.parse(text, self.lex)
        known = pseudonyms.knows if pseudonyms is not None else None
        spans.extend(detect_persons(doc, known))
        spans.extend(detect_addresses(doc))
        spans.extend(detect_places(doc))
        spans.extend(detect_institutions(doc))
        placeholders = [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
        protected = placeholders + [(m.start(), m.end()) for m in self._protect_re.finditer(text)]
        if protected:
            spans = [
                s
                for s in spans
                if not _hits(s, placeholders if s.category not in WORD_CATEGORIES else protected)
            ]
        return resolve(spans)

    def scrub(self, text: str, pseudonyms: Pseudonymizer | None = None) -> ScrubbedText:
        """Scrub one text; persons are numbered by `pseudonyms` (per table) or per call."""
        if pseudonyms is None:
            pseudonyms = Pseudonymizer(os.urandom(32), MemoryPseudonymStore())
        out: list[str] = []
        redactions: list[Redaction] = []
        pos = length = 0
        for span in self.detect(text, pseudonyms):
            out.append(text[pos : span.start])
            length += span.start - pos
            if span.category == "PERSON":
                label = PLACEHOLDERS["PERSON"].format(n=pseudonyms.number_for(span.key))
            else:
                label = PLACEHOLDERS[span.category]
            out.append(label)
            redactions.append(Redaction(span.category, length, length + len(label)))
            length += len(label)
            pos = span.end
        out.append(text[pos:])
        return ScrubbedText("".join(out), tuple(redactions))


def _hits(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(span.start < e and s < span.end for s, e in ranges)


_default: Scrubber | None = None
_lock = threading.Lock()


def get_scrubber() -> Scrubber:
    """The process-wide Scrubber, built on first use (the word lists load once)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Scrubber()
    return _default
