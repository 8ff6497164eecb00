"""Detected spans and how overlapping detections are resolved (detection apart from replacement)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from casetable.scrub.context import PARTICLES

# Validated numbers and patterns are placed first, in this order; they never give way to a
# guess from the word lists.
STRUCTURED: dict[str, int] = {
    "EMAIL": 100,
    "URL": 95,
    "IBAN": 90,
    "NATIONAL_ID": 85,
    "PLATE": 80,
    "DATE": 75,
    "PHONE": 70,
    "CASE_ID": 65,
}
# Among word-list detections the longer span wins (it saw more context: "camping De Zonnehoek"
# beats the street-like "Zonnehoek"); on equal length, this order decides.
WORDS: dict[str, int] = {
    "ADDRESS": 60,
    "INSTITUTION": 55,
    "POSTCODE": 50,
    "PERSON": 40,
    "PLACE": 35,
}
# A range nothing may be replaced in (a placeholder, "Huis van het Kind"); never returned.
KEEP = "KEEP"
_TRIM = " \t\n,.;:'\"()-"


@dataclass(frozen=True, slots=True)
class Span:
    """A detected identifier in the *input* text; `key` carries a person's name forms."""

    start: int
    end: int
    category: str
    key: tuple[str, ...] = ()

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def _rank(s: Span) -> tuple[int, int, int, int]:
    if s.category == KEEP:
        return (-1, 0, 0, s.start)
    if s.category in STRUCTURED:
        return (0, -STRUCTURED[s.category], -(s.end - s.start), s.start)
    return (1, -(s.end - s.start), -WORDS.get(s.category, 0), s.start)


def resolve(spans: Iterable[Span], text: str) -> list[Span]:
    """Keep a non-overlapping subset sorted by start; a word span that runs into a number or a
    KEEP range is cut back rather than dropped.

    "Sandra Vanhoutte bart.claes@gmail.com": the e-mail address is kept whole and the name
    before it becomes "Sandra Vanhoutte"; in "Kind en Gezin Sandra", "Gezin Sandra" becomes
    "Sandra".
    """
    kept: list[Span] = []  # non-overlapping, so ordered by start and by end alike
    ends: list[int] = []
    for s in sorted(spans, key=_rank):
        while s is not None:
            i = bisect_right(ends, s.start)  # the first kept span that ends after s starts
            if i == len(kept) or kept[i].start >= s.end:
                kept.insert(i, s)
                ends.insert(i, s.end)
                break
            s = _cut(s, kept[i], text)
    return [s for s in kept if s.category != KEEP]


def _cut(s: Span, k: Span, text: str) -> Span | None:
    """What is left of s outside k (a name before an e-mail address), or None."""
    if s.category in STRUCTURED or s.category == "PERSON" == k.category:
        return None
    start, end = s.start, s.end
    if start < k.start:
        end = k.start
    elif end > k.end:
        start = k.end
    else:
        return None
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if s.category == "PERSON":  # "Hilde Bakker van [Kind en Gezin]": the particle goes too
        while True:
            cut = text.rfind(" ", start, end)
            if cut < 0 or text[cut + 1 : end].casefold() not in PARTICLES:
                break
            end = cut
            while end > start and text[end - 1] in _TRIM:
                end -= 1
    if end - start < 2:
        return None
    return replace(s, start=start, end=end, key=())
