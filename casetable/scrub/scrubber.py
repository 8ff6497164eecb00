"""The choke point: detect spans with every detector, resolve overlaps, put in placeholders."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable

from casetable.scrub.detectors import dates, institutions, locations, numbers, persons
from casetable.scrub.detectors.digits import Runs
from casetable.scrub.detectors.facilities import (
    detect_attended_schools,
    detect_chains,
    detect_tail_names,
)
from casetable.scrub.detectors.institutions import detect_institutions, with_name_acronyms
from casetable.scrub.detectors.locations import detect_addresses, detect_places
from casetable.scrub.detectors.persons import detect_persons
from casetable.scrub.doc import TOKEN_RE, Doc
from casetable.scrub.lexicon import Lexicon, load_lexicon
from casetable.scrub.pseudonyms import MemoryPseudonymStore, Pseudonymizer
from casetable.scrub.spans import KEEP, Span, resolve
from casetable.scrub.types import PLACEHOLDER_RE, PLACEHOLDERS, Redaction, ScrubbedText

# A number detector gets the text and its runs of digits (where its patterns may start).
NumberDetector = Callable[[str, Runs], Iterable[Span]]


class Scrubber:
    """Replaces identifying details in Dutch (Flemish) text; holds no per-call state."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self._digit_detectors: tuple[NumberDetector, ...] = (
            numbers.DIGIT_DETECTORS + dates.DETECTORS
        )
        # never-scrub phrases as token sequences, keyed by their first two words
        self._never: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        for phrase in self.lex.never_phrases:
            if phrase in self.lex.chains:
                continue  # "Albert Heijn" is an employer (facilities.py), not a kept phrase
            words = tuple(w.casefold() for w in TOKEN_RE.findall(phrase))
            if len(words) > 1:
                self._never.setdefault(words[:2], []).append(words)
        self._never_first = frozenset(k[0] for k in self._never)
        self._plain = plain_words(self.lex, self._never_first)

    def detect(self, text: str, pseudonyms: Pseudonymizer | None = None) -> list[Span]:
        """All spans to replace, non-overlapping and sorted (detection without replacement)."""
        spans: list[Span] = [*numbers.detect_email(text), *numbers.detect_url(text)]
        doc = Doc.parse(text, self.lex, self._plain)
        if doc.runs:
            for detector in self._digit_detectors:
                spans.extend(detector(text, doc.runs))
        known = pseudonyms.knows if pseudonyms is not None else None
        persons = detect_persons(doc, known)
        spans.extend(persons)
        if persons and doc.runs:
            # a text about somebody: a month and year dates an event of that family
            spans.extend(dates.detect_month_year(text, doc.runs))
        spans.extend(detect_addresses(doc))
        spans.extend(detect_places(doc))
        spans.extend(detect_institutions(doc))
        spans.extend(detect_tail_names(doc))
        spans.extend(detect_chains(doc, names_someone=bool(persons)))
        spans.extend(detect_attended_schools(doc))
        # placeholders already in the text and never-scrub phrases stay as they are
        if "[" in text:  # every placeholder opens with "["
            spans.extend(Span(m.start(), m.end(), KEEP) for m in PLACEHOLDER_RE.finditer(text))
        spans.extend(Span(s, e, KEEP) for s, e in self._protected(doc))
        return with_name_acronyms(resolve(spans, text), text)

    def warm_up(self) -> None:
        """Scrub a made-up text once so lazy metadata (phone regions, regex caches) loads now."""
        self.scrub(
            "Mevrouw Ann Peeters woont aan de Kerkstraat 1, 9000 Gent; gsm 0470 12 34 56,"
            " +31 6 12345678 of +40 745 312 908, BE68 5390 0754 7034, 2 mei 2024,"
            " ann@voorbeeld.be, www.voorbeeld.be, dossier AB/2024-0001, 1-ABC-123."
        )

    def _protected(self, doc: Doc) -> list[tuple[int, int]]:
        """Ranges of never-scrub phrases ("Huis van het Kind"): no name or place inside them."""
        toks, out = doc.tokens, []
        never, first = self._never, self._never_first
        last = len(toks) - 1
        for i in doc.focus:  # a plain word starts no never-scrub phrase
            t = toks[i]
            if i == last or t.lower not in first:
                continue
            for words in never.get((t.lower, toks[i + 1].lower), ()):
                k = len(words)
                if (
                    i + k <= len(toks)
                    and all(
                        toks[i + j].lower == words[j] and len(doc.gap(i + j)) <= 3
                        for j in range(k - 1)
                    )
                    and toks[i + k - 1].lower == words[-1]
                ):
                    out.append((t.start, toks[i + k - 1].end))
        return out

    def scrub(self, text: str, pseudonyms: Pseudonymizer | None = None) -> ScrubbedText:
        """Scrub one text; persons are numbered by `pseudonyms` (per table) or per call."""
        if pseudonyms is None:
            pseudonyms = Pseudonymizer(os.urandom(32), MemoryPseudonymStore())
        pseudonyms = pseudonyms.for_one_call()
        out: list[str] = []
        redactions: list[Redaction] = []
        pos = length = 0
        for span in self.detect(text, pseudonyms):
            out.append(text[pos : span.start])
            length += span.start - pos
            if span.category == "PERSON":
                key = span.key or (text[span.start : span.end].casefold(),)
                label = PLACEHOLDERS["PERSON"].format(n=pseudonyms.number_for(key))
            else:
                label = PLACEHOLDERS[span.category]
            out.append(label)
            redactions.append(Redaction(span.category, length, length + len(label)))
            length += len(label)
            pos = span.end
        out.append(text[pos:])
        return ScrubbedText("".join(out), tuple(redactions))


# Plain words are looked up in the Dutch frequency list down to this Zipf value: rarer words
# are few in any text, and below 3.0 a lowercase word may also be a name confirmed elsewhere
# in the text (persons.py), so it must stay in focus.
PLAIN_MIN_ZIPF = 3.0


def plain_words(lex: Lexicon, never_first: frozenset[str]) -> frozenset[str]:
    """Everyday lowercase words that no word detector acts on in lowercase.

    Such a word is skipped by the detectors' loops (`Doc.focus`); each exclusion below is a
    lowercase word some detector does look at. `tests/scrub/test_plain_words.py` checks that
    the result of a scrub does not change.
    """
    common = {w for w, z in lex.zipf.items() if z >= PLAIN_MIN_ZIPF}
    names = (common & lex.first_names) | (common & lex.surnames)
    # persons.py: a name that is also a word only reads as a word in lowercase from Zipf 5.0
    words = (common - names) | {
        w for w in names if lex.zipf[w] >= 5.0 and w not in persons.FREQUENT_NAMES
    }
    words -= lex.places  # locations.py: "in gent", "naar boom"
    words -= never_first  # never-scrub phrases: "huis van het kind"
    words -= lex.chains  # facilities.py: "bij de gamma"
    ends = locations.STREET_ENDS + institutions.DESCRIPTOR_ENDS  # "kerkstraat", "basisschool"
    return frozenset(
        w
        for w in words
        if w.islower() and not w.endswith(ends) and w != "t" and not w.startswith("sint-")
    )


_default: Scrubber | None = None
_lock = threading.Lock()


def get_scrubber() -> Scrubber:
    """The process-wide Scrubber, built on first use (the word lists load once)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                scrubber = Scrubber()
                scrubber.warm_up()
                _default = scrubber
    return _default
