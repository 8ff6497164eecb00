"""Streets that are ordinary words, handles without "@", names that are words, school
acronyms, and what must stay (months with a year, eponymous scales, ordinals)."""

from __future__ import annotations

import pytest


def _check(scrub, text: str, expected: str | None) -> None:
    assert scrub(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb after the house number: a relative clause
        ("Haar neef, die aan de Loop 17 woont.", "Haar neef, die aan de [adres] woont."),
        # a box number makes any capitalised word + number a street
        ("Papa woont Hoek 8 bus 4.", "Papa woont [adres]."),
        # "wonen" is a cue as well as "woont"
        ("zij wonen op kerkdorp 5 in balen", "zij wonen op [adres] in [plaats]"),
        # lowercase compounds with a street ending where an address goes
        ("mama woont op de korenmarkt in gent", "mama woont op de [adres] in [plaats]"),
        ("hij woont op de veemarkt", "hij woont op de [adres]"),
        # ordinary words stay
        ("Ze woont in het dorp.", None),
        ("Hij kreeg een pas en 12 bus 3 ritten.", None),
        ("In het dorp 23 mensen ziek.", None),
        ("we gingen naar de korenmarkt om kaas te kopen", None),
        ("ze wonen op de markt", None),
        ("Ze wonen al 12 jaar in het dorp.", None),
    ],
)
def test_streets(scrub, text: str, expected: str | None) -> None:
    _check(scrub, text, expected)
