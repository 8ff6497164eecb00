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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zijn auto met nummerplaat KL 19 XTV staat er.",
            "Zijn auto met nummerplaat [nummerplaat] staat er.",
        ),
        (
            "De bestelwagen met plaat QRM 418 is weg.",
            "De bestelwagen met plaat [nummerplaat] is weg.",
        ),
        (
            "Haar wagen is ingeschreven als 2 MNK 604.",
            "Haar wagen is ingeschreven als [nummerplaat].",
        ),
        ("Een camionette (HTZ 275) stond er.", "Een camionette ([nummerplaat]) stond er."),
        # without a vehicle word the loose shapes stay
        ("Lokaal ABC 123 is vrij.", None),
        ("Ze volgt module KL 19 XTV niet.", None),
    ],
)
def test_spaced_plates_near_a_vehicle_word(scrub, text: str, expected: str | None) -> None:
    assert scrub(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Op Insta is hij bram.kx21, zegt zijn zus.", "Op Insta is hij [link], zegt zijn zus."),
        ("Haar TikTok account eva.dmr_08 is open.", "Haar TikTok account [link] is open."),
        ("Via Snap als yo.sa_4 gestuurd.", "Via Snap als [link] gestuurd."),
        (
            "Op Instagram volgt ze mira.vl en haar klas.",
            "Op Instagram volgt ze [link] en haar klas.",
        ),
        ("Op Facebook staat veel, o.a. foto's.", None),
        ("Zijn account werd i.v.m. pesten geblokkeerd.", None),
        ("Op TikTok zag ik 3 filmpjes.", None),
    ],
)
def test_handles_a_few_words_after_the_network(scrub, text: str, expected: str | None) -> None:
    assert scrub(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ze woont aan de Vaart 31 in Tielt.", "Ze woont aan de [adres] in [plaats]."),
        ("Het adres is Dorp 8, 2460 Kasterlee.", "Het adres is [adres], [postcode] [plaats]."),
        ("ze woont op de kouter 14 bij haar oma", "ze woont op de [adres] bij haar oma"),
        ("mijn adres: grote markt 9 bus 2", "mijn adres: [adres]"),
        ("hij woont op de groenmarkt 3", "hij woont op de [adres]"),
        # no house number, or a duration: the generic word stays
        ("We spraken af op de markt, vlak bij het stadhuis.", None),
        ("ze woont al op de markt 3 jaar", None),
    ],
)
def test_streets_that_are_words_with_a_house_number(scrub, text, expected) -> None:
    assert scrub(text) == (text if expected is None else expected)
