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
