"""Brussels neighbourhoods, licence plates in looser shapes, social handles with dots/digits."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ze woont in Scheut sinds de zomer.", "Ze woont in [plaats] sinds de zomer."),
        ("Verhuisd van Moortebeek naar Osseghem.", "Verhuisd van [plaats] naar [plaats]."),
        ("De wijk Scheut in Anderlecht.", "De wijk [plaats] in [plaats]."),
    ],
)
def test_brussels_neighbourhoods(scrub, text: str, expected: str) -> None:
    assert scrub(text) == expected
