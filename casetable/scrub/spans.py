"""Detected spans and how overlapping detections are resolved (detection apart from replacement)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Between two overlapping detections of the same length, the higher priority wins: validated
# numbers beat guesses from word lists.
PRIORITY: dict[str, int] = {
    "EMAIL": 100,
    "URL": 95,
    "IBAN": 90,
    "NATIONAL_ID": 85,
    "PLATE": 80,
    "DATE": 75,
    "PHONE": 70,
    "CASE_ID": 65,
    "ADDRESS": 60,
    "INSTITUTION": 55,
    "POSTCODE": 50,
    "PERSON": 40,
    "PLACE": 35,
}


@dataclass(frozen=True, slots=True)
class Span:
    """A detected identifier in the *input* text; `key` carries a person's name forms."""

    start: int
    end: int
    category: str
    key: tuple[str, ...] = ()

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def resolve(spans: Iterable[Span]) -> list[Span]:
    """Keep a non-overlapping subset, preferring length then priority; sorted by start.

    Length first: a span that contains another one saw more context ("camping De Zonnehoek"
    beats the street-like "Zonnehoek"), and a longer span never leaves part of a value behind.
    """
    ranked = sorted(
        spans, key=lambda s: (-(s.end - s.start), -PRIORITY.get(s.category, 0), s.start)
    )
    kept: list[Span] = []
    for s in ranked:
        if s.end > s.start and not any(s.overlaps(k) for k in kept):
            kept.append(s)
    kept.sort(key=lambda s: s.start)
    return kept
