"""Skipping plain lowercase words (`Doc.focus`) is only a speed-up: detections stay the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetable.scrub import Scrubber
from casetable.scrub.context import words
from casetable.scrub.scrubber import plain_words

CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="module")
def unfocused(scrubber: Scrubber) -> Scrubber:
    """A scrubber whose detectors look at every token."""
    full = Scrubber(scrubber.lex)
    full._plain = frozenset()
    return full


def case_texts() -> list[str]:
    texts = [
        ln
        for ln in (CASES / "negative.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    for name in ("positive.jsonl", "known_misses.jsonl"):
        with open(CASES / name, encoding="utf-8") as f:
            texts += [json.loads(ln)["marked"].replace("[[", "").replace("]]", "") for ln in f]
    return texts + [t.lower() for t in texts]


def test_plain_words_are_common_lowercase_words(scrubber: Scrubber) -> None:
    plain = scrubber._plain
    assert {"het", "van", "werkt", "moeder", "gisteren"} <= plain
    # names, places, streets, descriptors and never-scrub phrase starts stay in focus
    assert not {"roos", "gent", "boom", "kerkstraat", "basisschool", "huis", "t", "gamma"} & plain
    assert plain == plain_words(scrubber.lex, scrubber._never_first)


def test_case_texts_detect_the_same(scrubber: Scrubber, unfocused: Scrubber) -> None:
    for text in case_texts():
        assert scrubber.detect(text) == unfocused.detect(text), text


WORDS = words(
    "de het van in naar bij uit een en of die dat is was werkt woont school huis kind mama juf"
    " meester mevrouw dhr roos storm boom lier gent halle leeuw kerkstraat basisschool crèche"
    " t sint-jozef vonk klimop Van De Den Roos Storm Boom Lier Gent Peeters Janssens OCMW CAW"
    " Kind Gezin Huis Colruyt Kliniek Ziekenhuis AZ Sint-Jan jan an ben els hoop leen gamma"
    " mama werkt latem stationsstraat"
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(sorted(WORDS)), min_size=1, max_size=14),
    st.lists(st.sampled_from([" ", " ", " ", ", ", ". ", "'", " 't "]), min_size=14, max_size=14),
)
def test_random_word_sequences_detect_the_same(
    scrubber: Scrubber, unfocused: Scrubber, words: list[str], gaps: list[str]
) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False)).strip()
    assert scrubber.detect(text) == unfocused.detect(text)
