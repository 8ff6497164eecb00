"""Classes a held-out set leaked or over-scrubbed: languages, services, origin compounds,
seasons after a word of time, and what must still be scrubbed beside them."""

from __future__ import annotations

import os

import pytest

from casetable.scrub.pseudonyms import MemoryPseudonymStore, Pseudonymizer


@pytest.mark.parametrize(
    "text",
    [
        "Hij spreekt Pular, Fula, Mandinka, Susu, Soninke en Frans.",
        "Ze spreekt Wolof, Bambara, Tigre, Amhaars, Somali en Oromo.",
        "Thuis: Kurmanji, Sorani, Pasjtoe, Dari, Farsi, Urdu, Punjabi, Tamil en Bengaals.",
        "Diende een beroep in bij de RvV (Raad voor Vreemdelingenbetwistingen).",
        "Ze staat op de wachtlijst van het COS.",
        "Signaal: voor de Romagemeenschap blijft schoolverzuim een probleem.",
        "De Roma-families en de Koerdengemeenschap in de wijk.",
    ],
)
def test_kept(scrub, text: str) -> None:
    assert scrub(text) == text


def test_service_with_its_place_keeps_the_service(scrub) -> None:
    assert scrub("op de wachtlijst van het COS Genk.") == "op de wachtlijst van het COS [plaats]."


def test_season_after_a_word_of_time_is_no_known_name(scrubber) -> None:
    p = Pseudonymizer(os.urandom(32), MemoryPseudonymStore())
    assert scrubber.scrub("De verpleegkundige, Ilse Winter, belt.", pseudonyms=p).text == (
        "De verpleegkundige, [persoon 1], belt."
    )
    out = scrubber.scrub("bij tomasz vorige winter ook al geprobeerd", pseudonyms=p).text
    assert out == "bij [persoon 2] vorige winter ook al geprobeerd"
    assert scrubber.scrub("ik bel winter morgen", pseudonyms=p).text == "ik bel [persoon 1] morgen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hij woont op kot in de Pas 112. Hij", "Hij woont op kot in de [adres]. Hij"),
        ("Ze woont sinds kort aan de Kouter 3.", "Ze woont sinds kort aan de [adres]."),
        ("Hij woont al drie jaar in de Kempen 12 kinderen", None),
        ("Hij woont in het Huis 3 dagen per week", None),
        # two lowercase places with a verb of lying, or "van X naar Y"
        ("boom en lier liggen niet ver", "[plaats] en [plaats] liggen niet ver"),
        ("ze verhuist van boom naar lier", "ze verhuist van [plaats] naar [plaats]"),
        ("een boom en lier liggen", None),
        ("van boom tot boom", None),
    ],
)
def test_streets_and_places_that_are_words(scrub, text: str, expected: str | None) -> None:
    assert scrub(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("leen, hebben jullie al gewerkt?", "[persoon 1], hebben jullie al gewerkt?"),
        ("roos, kan jij dat bekijken?", "[persoon 1], kan jij dat bekijken?"),
        ("boom, je weet wel", None),
        ("leen, dat is een lening", None),
        ("we gaan naar leen, hebben jullie zin", None),
    ],
)
def test_message_opening_with_a_lowercase_name(scrub, text: str, expected: str | None) -> None:
    assert scrub(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capitalised words before a legal form are the firm, the form with them
        ("Ze poetst bij Net & Fris bv, 19 uur.", "Ze poetst bij [instelling], 19 uur."),
        ("Hij werkt bij Diestse Vleeswaren nv. Hij", "Hij werkt bij [instelling]. Hij"),
        ("Hij werkt bij Bouw Peeters comm.v. sinds mei", "Hij werkt bij [instelling] sinds mei"),
        ("ik doe dat bv morgen", None),
        ("Wonen & Welzijn is een thema", None),
        # an origin word opening a longer employer's name after a work verb
        ("Ze werkt bij Brussels Clean Team.", "Ze werkt bij [instelling]."),
        ("Ze gaat naar Brussels Clean Team.", None),
        ("Hij werkt bij Kind en Gezin.", None),
        # GO! with a lowercase kind of school and the name
        ("Hij zit in het GO! atheneum Luchtbal.", "Hij zit in het [instelling]."),
        ("Hij zit in het atheneum Luchtbal.", "Hij zit in het atheneum [instelling]."),
    ],
)
def test_firms_and_schools(scrub, text: str, expected: str | None) -> None:
    assert scrub(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan loopt tot maart 2026.", "[persoon 1] loopt tot maart 2026."),
        ("Jan werkt vanaf juni 2024 bij ons.", "[persoon 1] werkt vanaf juni 2024 bij ons."),
        ("Jan woont sinds juni 2024 hier.", "[persoon 1] woont sinds [datum] hier."),
        ("Jan is geboren in mei 2023.", "[persoon 1] is geboren in [datum]."),
        ("Mevrouw Peeters stopte in oktober 2024.", "Mevrouw [persoon 1] stopte in [datum]."),
    ],
)
def test_month_year_bounding_a_period_is_no_date(scrub, text: str, expected: str) -> None:
    assert scrub(text) == expected
