"""Scrubber cases as data (ftfy style): positive, negative (must not change), known misses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casetable.scrub import MemoryPseudonymStore, Pseudonymizer, Scrubber

CASES = Path(__file__).parent / "cases"
MARK = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]+?)\]\]")
PLACEHOLDER = r"\[[a-z-]+(?: \d+)?\]"


def load(name: str) -> list[dict]:
    with open(CASES / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def plain(marked: str) -> str:
    return MARK.sub(lambda m: m.group(2), marked)


def expected_pattern(marked: str) -> re.Pattern[str]:
    """Unmarked text verbatim, one placeholder (of any category) per marked span."""
    parts, pos = [], 0
    for m in MARK.finditer(marked):
        parts += [re.escape(marked[pos : m.start()]), PLACEHOLDER]
        pos = m.end()
    parts.append(re.escape(marked[pos:]))
    return re.compile("".join(parts))


def check(scrubber: Scrubber, record: dict, before: list[dict] = ()) -> None:
    """Scrub the record as a text of one table in which the records `before` came first."""
    table = Pseudonymizer(b"t" * 32, MemoryPseudonymStore())
    for earlier in before:
        scrubber.scrub(plain(earlier["marked"]), table)
    out = scrubber.scrub(plain(record["marked"]), table).text
    assert expected_pattern(record["marked"]).fullmatch(out), out
    for term in record["keep"]:
        assert term in out


POSITIVE = load("positive.jsonl")


@pytest.mark.parametrize("index", range(len(POSITIVE)), ids=[r["id"] for r in POSITIVE])
def test_positive(scrubber: Scrubber, index: int) -> None:
    # the file is one table: a name seen in an earlier record is known in later ones
    check(scrubber, POSITIVE[index], POSITIVE[:index])


@pytest.mark.parametrize(
    "line",
    [
        ln
        for ln in (CASES / "negative.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ],
)
def test_negative_unchanged(scrubber: Scrubber, line: str) -> None:
    assert scrubber.scrub(line).text == line


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=r.get("why", "known miss")))
        for r in load("known_misses.jsonl")
    ],
    ids=lambda r: r["id"],
)
def test_known_misses(scrubber: Scrubber, record: dict) -> None:
    check(scrubber, record)
