"""Runs of digits, found once per text: every number pattern starts at (or just before) one.

Most number patterns (dates, phones, national numbers, plates, postcodes) cannot start right
after a digit, so they are tried only where a run of digits starts instead of at every
position of the text; `matches_at` then gives what `finditer` would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# "\d\d*" rather than "\d+": the engine then skips straight to the next digit.
_RUN_RE = re.compile(r"\d\d*")
# In ASCII text a digit is [0-9]: a range test instead of a Unicode category (~25% faster).
_ASCII_RUN_RE = re.compile(r"[0-9][0-9]*")

Runs = list[tuple[int, int]]


def digit_runs(text: str) -> Runs:
    """(start, end) of every maximal run of digits, in order."""
    return [m.span() for m in (_ASCII_RUN_RE if text.isascii() else _RUN_RE).finditer(text)]


def matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What rx.finditer(text) finds, for a pattern that can only start at one of `starts`
    (sorted)."""
    end = -1
    for pos in starts:
        if pos >= end and (m := rx.match(text, pos)) is not None:
            yield m
            end = m.end()


def occurrences(text: str, cues: tuple[str, ...]) -> list[int]:
    """Sorted start offsets of every occurrence of every cue in `text`, overlaps included.

    For a pattern that can only start with one of `cues`, `matches_at(rx, text, occurrences(
    text, cues))` is what `rx.finditer(text)` finds, without trying the pattern everywhere.
    """
    found: set[int] = set()
    for cue in cues:
        k = text.find(cue)
        while k >= 0:
            found.add(k)
            k = text.find(cue, k + 1)
    return sorted(found)
