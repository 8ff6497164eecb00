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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # handle shape without a network word: letters, a dot, letters ending in digits
        ("Ze chat met lina.b22 over school.", "Ze chat met [link] over school."),
        ("Hij volgt tom.vds04 en nog wat vrienden.", "Hij volgt [link] en nog wat vrienden."),
        # after a network word in brackets or after a colon: any shape
        ("Hij antwoordt enkel via TikTok (jonasbeat).", "Hij antwoordt enkel via TikTok ([link])."),
        ("insta: marieke", "insta: [link]"),
        # what stays: abbreviations, numbers, times, files, a note in brackets
        ("Zie art.12 en blz.4, o.a. de bv. en z.n. vermeld.", None),
        ("Het weegt 3.5 kg en ze komt om 13u30.", None),
        ("Het verslag staat in verslag_2023.pdf en nota.docx.", None),
        ("Ze zit op Snapchat (zie ook hierboven).", None),
        ("insta: geen", None),
    ],
)
def test_handles(scrub, text: str, expected: str | None) -> None:
    _check(scrub, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a season as a child's name: with a birth date, beside a name, after a family word
        ("Lente (°3 februari 2021) is ziek.", "[persoon 1] ([datum]) is ziek."),
        ("Lente en Jules gaan naar de opvang.", "[persoon 1] en [persoon 2] gaan naar de opvang."),
        ("Haar dochtertje Lente is ziek.", "Haar dochtertje [persoon 1] is ziek."),
        # lowercase chat names that are words, after cues
        ("ik heb met roos gebeld gisteren", "ik heb met [persoon 1] gebeld gisteren"),
        ("haar zus ('storm') helpt mee", "haar zus ('[persoon 1]') helpt mee"),
        # lowercase surnames after an honorific
        ("mvr op de weerdt komt niet", "mvr [persoon 1] komt niet"),
        ("dhr. mcdonagh belde", "dhr. [persoon 1] belde"),
        ("ik sprak met mevr. o'sullivan", "ik sprak met mevr. [persoon 1]"),
        # what stays
        ("In de lente gaan we wandelen. Lente is een mooi seizoen.", None),
        ("Lente en zomer zijn drukke seizoenen.", None),
        ("de beer in de zoo was groot", None),
        ("we hebben met de school gebeld", None),
        ("de meester van de zorgklas is er niet", None),
        ("dhr. op de hoogte brengen", None),
    ],
)
def test_names_that_are_words(scrub, text: str, expected: str | None) -> None:
    _check(scrub, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letters that belong to the facility's name go into the span
        ("Hij gaat naar MFC Het Anker.", "Hij gaat naar [instelling]."),
        ("Ze zit op GO! De Toekomst.", "Ze zit op [instelling]."),
        ("Ze zit in KTA De Brug in Gent.", "Ze zit in [instelling] in [plaats]."),
        # a school known by its letters in chat, also after "'t" and a club-like shape
        ("mijn zoon zat in 't VTS vorig jaar", "mijn zoon zat in 't [instelling] vorig jaar"),
        ("Hij zit op het SLC.", "Hij zit op het [instelling]."),
        ("Ze volgt les in het TSM.", "Ze volgt les in het [instelling]."),
        # services and kinds of school stay
        ("Het CLB De Wegwijzer belt.", "Het CLB [instelling] belt."),
        ("Ze zit in een MFC in de buurt.", None),
        ("Hij gaat naar de BuSO-school in de buurt.", None),
        ("Ze zit in het BSO en gaat naar het CLB.", None),
    ],
)
def test_name_acronyms(scrub, text: str, expected: str | None) -> None:
    _check(scrub, text, expected)
