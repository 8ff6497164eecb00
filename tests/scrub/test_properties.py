"""Hypothesis properties: idempotent, no labelled token survives, placeholders never nest."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetable.scrub import Scrubber
from casetable.scrub.types import PLACEHOLDER_RE

# Made-up building blocks: (surface, labelled?) pieces joined into Flemish-looking sentences.
PII = [
    "Sandra Vanhoutte",
    "mevrouw Peeters",
    "Jens",
    "ilias",
    "0478 21 36 54",
    "+32 487 65 43 21",
    "79.07.28-061.31",
    "BE67 7354 1298 7487",
    "Meensesteenweg 112",
    "8800 Roeselare",
    "Kessel-Lo",
    "12/03/2024",
    "2 december",
    "bart.claes@gmail.com",
    "1-KLV-482",
    "dossier GNK/2024-0387",
    "basisschool De Vlinderboom",
    "AZ Ter Linde",
    "www.example.be/x",
]
PLAIN = [
    "het OCMW",
    "Kind en Gezin",
    "de mama",
    "leefloon",
    "in maart",
    "vier kinderen",
    "2.300 euro",
    "om 13u30",
    "de school",
    "het CAW",
    "Groeipakket",
    "een lange wachtlijst",
    "de huisarts",
    "vorig jaar",
    "elke donderdag",
    "budgetbeheer",
    "6/20",
]
# Word tokens of the identifying pieces that must be gone (not the context words around them).
SECRET = re.compile(
    r"Sandra|Vanhoutte|Peeters|Jens|ilias|Meensesteenweg|Roeselare|Kessel|Vlinderboom|Linde"
    r"|claes|KLV|GNK|example|december|0478|487|061|7354|8800|2024|482|0387"
)
pieces = st.lists(st.sampled_from(PII + PLAIN), min_size=1, max_size=8)
joiners = st.sampled_from([" ", ", ", ". ", " en ", " bij ", " van ", ": ", "\n"])


@st.composite
def texts(draw) -> str:
    parts = draw(pieces)
    out = parts[0]
    for p in parts[1:]:
        out += draw(joiners) + p
    return out + "."


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts())
def test_idempotent(scrubber: Scrubber, text: str) -> None:
    once = scrubber.scrub(text).text
    assert scrubber.scrub(once).text == once


@SETTINGS
@given(texts())
def test_no_labelled_token_survives(scrubber: Scrubber, text: str) -> None:
    out = PLACEHOLDER_RE.sub(" ", scrubber.scrub(text).text)
    assert SECRET.search(out) is None, out


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab[]()0123456789 .-/@persoon")), max_size=60))
def test_placeholders_never_nest_and_offsets_hold(scrubber: Scrubber, text: str) -> None:
    result = scrubber.scrub(text)
    for r in result.redactions:
        inner = result.text[r.start + 1 : r.end - 1]
        assert "[" not in inner and "]" not in inner
        assert PLACEHOLDER_RE.fullmatch(result.text[r.start : r.end])
