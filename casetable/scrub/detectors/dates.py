"""Specific calendar dates (day + month, full dates, birth dates); months or years alone stay.

A weekday right before a date stays outside it, as the dev-set convention says ("op maandag
[datum]"); it only serves as a cue ("donderdag 23/1"). A month with its year ("oktober 2024")
is a date only in a text that names somebody (`detect_month_year`, called by the scrubber),
so a policy note keeps "sinds januari 2025".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from casetable.scrub.detectors.digits import Runs, digit_runs, matches_at, occurrences
from casetable.scrub.spans import Span

_MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|(?:jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"  # dot: short forms only
)

WORD_DATE_RE = re.compile(
    rf"""
    (?<![\w°.,/-])                           # not inside a number: "79.07.28-061.31 en 2 mei"
    (?:(?:[1-9]|[12]\d|3[01])\s?(?:en|tot|t/m|tem|-|–|&)\s?)?  # a range: 12 en 13 maart
    (?:[1-9]|[12]\d|3[01])(?:ste|de|e)?      # day: 2, 21ste
    \s+(?:{_MONTHS})                      # month in words, abbreviation with a dot
    (?:\s+(?:19|20)\d{{2}})?                 # optional year
    (?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)

NUMERIC_DATE_RE = re.compile(
    r"""
    (?<![\w./°-])
    (?P<d>0?[1-9]|[12]\d|3[01])
    (?P<sep>[./-])
    (?P<m>0?[1-9]|1[0-2])
    (?P=sep)
    (?P<y>(?:19|20)\d{2}|\d{2})              # 12/03/2024, 22.09.13
    (?![\w]|[./-]\d)
    """,
    re.VERBOSE,
)

ISO_DATE_RE = re.compile(
    r"(?<![\w./-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w])"
)

DAY_MONTH_RE = re.compile(
    r"""
    (?<![\w./°,-])
    (?P<d>0?[1-9]|[12]\d|3[01])
    /(?P<m>0?[1-9]|1[0-2])                   # 15/10 (a slash: 15.10 is a decimal number)
    (?![\w]|[./,-]\d)
    """,
    re.VERBOSE,
)
# Words after which d/m is a date rather than a fraction ("op 3/4" vs "3/4 van de gezinnen").
_DATE_CUE_RE = re.compile(
    r"(?i)\b(?:op|van|vanaf|tot|sinds|tegen|voor|na|tussen|en|tem|t\.e\.m\.|zitting|datum|d\.d\."
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s*$"
)

BIRTH_RE = re.compile(
    rf"""
    °\s?
    (?:
        (?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19|20)?\d{{2}}   # °04/11/2020
      | (?:[1-9]|[12]\d|3[01])\s+(?:{_MONTHS})\s+(?:19|20)\d{{2}}          # °3 mei 2017
      | (?:(?:{_MONTHS})\s+)?(?:19|20)\d{{2}}                                 # °mei 2023, °2012
    )
    (?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)

# "geboren in mei 2023" / "geboren in 2019": only a birth makes a month+year or a year identifying.
BORN_RE = re.compile(
    rf"""
    \b(?:geboren|geb\.)\s+(?:(?:op|in)\s+)?
    (?P<date>(?:(?:{_MONTHS})\s+)?(?:19|20)\d{{2}})
    (?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)


# "Jens (2012)": a year in brackets right after a name is a birth year.
YEAR_AFTER_NAME_RE = re.compile(r"(?<=[^\W\d_] \()(?:19[3-9]\d|20[0-2]\d)(?=\))")


# "op de 5de", "vrijdag de 13de": a day of the month by its ordinal alone, at the end of a phrase
# (not "het 5de leerjaar", "de 3de keer").
DAY_ORDINAL_RE = re.compile(
    r"""
    (?<![\w°])
    (?:[1-9]|[12]\d|3[01])(?:ste|de|e)
    (?=\s*(?:[.,;:!?)]|$|om\s\d|van\sde\smaand))
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Words before "de 5de" that make it a date: "op de 5de", "tegen de 12de".
_ORDINAL_CUE_RE = re.compile(
    r"(?i)\b(?:op|tegen|vanaf|tot|voor|na|sinds|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+(de\s+)$"
)

# Every date pattern below starts at the first digit of a number (its look-behind rules out a
# digit before it), so each is tried only where a run of digits starts.
_AT_DIGITS = (WORD_DATE_RE, NUMERIC_DATE_RE, ISO_DATE_RE, YEAR_AFTER_NAME_RE)


def _dated(text: str, start: int, end: int) -> Span:
    """A DATE span; a weekday before it stays outside ("maandag [datum]", the convention)."""
    return Span(start, end, "DATE")


def detect_date(text: str, runs: Runs | None = None) -> Iterator[Span]:
    """Day-month, full and birth dates; a month or a year alone is left for the group."""
    starts = [s for s, _ in (digit_runs(text) if runs is None else runs)]
    for rx in _AT_DIGITS:
        for m in matches_at(rx, text, starts):
            yield _dated(text, m.start(), m.end())
    if "°" in text:
        for m in BIRTH_RE.finditer(text):
            yield Span(m.start(), m.end(), "DATE")
    if "eb" in text or "EB" in text:  # geboren, geb.
        # in ASCII text (no letter that folds to an ASCII one) the pattern, in any case, starts
        # where "geb" does in the lowercased text: tried there only (~18 us of scanning before)
        born = (
            matches_at(BORN_RE, text, occurrences(text.lower(), ("geb",)))
            if text.isascii()
            else BORN_RE.finditer(text)
        )
        for m in born:
            yield Span(m.start("date"), m.end("date"), "DATE")
    if "/" in text:
        end = -1
        for pos in starts:
            if pos < end or (m := DAY_MONTH_RE.match(text, pos)) is None:
                continue
            end = m.end()
            day, month = int(m.group("d")), int(m.group("m"))
            cue = _DATE_CUE_RE.search(text, max(0, m.start() - 20), m.start())
            if cue or day > month or month > 10:
                yield _dated(text, m.start(), m.end())
    for m in matches_at(DAY_ORDINAL_RE, text, starts):
        cue = _ORDINAL_CUE_RE.search(text, max(0, m.start() - 14), m.start())
        if cue is not None:  # "op de 5de": the article goes too
            yield _dated(text, cue.start(1), m.end())


# A month and a year ("oktober 2024"): when a family had its baby, moved, lost an allowance.
# Only in a text that names a person (the scrubber decides): in a policy note it stays. Found
# from the year (a run of four digits) back to the month before it.
_MONTH_BEFORE_RE = re.compile(
    r"(?i)(?<![\w°])(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
    r"|november|december)\s+$"
)
_NO_YEAR_AFTER_RE = re.compile(r"\w|[./-]\d")
# a bound of a period, not an event: "loopt tot maart 2026", "vanaf juni 2025" (the dev set's
# README marks a month and year only as a birth date; "geboren in"/"stopgezet in" stay dates)
_BOUND_BEFORE_RE = re.compile(r"(?i)\b(?:tot|vanaf|tegen|uiterlijk)\s+$")


def detect_month_year(text: str, runs: Runs | None = None) -> Iterator[Span]:
    """ "in oktober 2024": a month with its year (full month names only, not "jan. 2024")."""
    for s, e in digit_runs(text) if runs is None else runs:
        if e - s == 4 and text[s : s + 2] in ("19", "20") and not _NO_YEAR_AFTER_RE.match(text, e):
            m = _MONTH_BEFORE_RE.search(text, max(0, s - 14), s)
            if m is not None and not _BOUND_BEFORE_RE.search(
                text, max(0, m.start() - 8), m.start()
            ):
                yield Span(m.start(), e, "DATE")


DETECTORS = (detect_date,)
