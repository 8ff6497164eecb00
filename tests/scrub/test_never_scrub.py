"""Never-scrub vocabulary: origins, languages, regions, feasts, services, eponymous diagnoses."""

from __future__ import annotations

import pytest

from casetable.scrub.lexicon import _inflect

KEPT_ORIGINS = [
    "Slovaakse moeder met drie kinderen, de vader is Tsjetsjeens.",
    "De grootouders zijn Irakese vluchtelingen.",
    "Tsjetsjeense buurvrouw brengt soep.",
    "Filipijnse verpleegster, haar man is Filipijns.",
    "Albanese tiener zoekt een vakantiejob.",
    "Hij is Koerd en zijn vrouw is Koerdische.",
    "Eritrese jongeren, Somalische moeders, Congolese vaders.",
    "Roemeense, Bulgaarse en Kosovaarse families in de opvang.",
    "Afghaanse, Oekraïense, Oekraiense en Russische nieuwkomers.",
    "Een Braziliaanse moeder met een Guinese partner en een Rwandese vriendin.",
    "De Eritrese gemeenschap kookt voor het buurthuis.",
    "Zij is van Congolese origine.",
    "Indiase en Pakistaanse gezinnen, ook Bengaalse.",
    "Kameroense, Georgische en Armeense asielzoekers.",
    "Een Slowaak, twee Bulgaren en een Pool delen een studio.",
    "Een Noor en een Zweed geven les.",
    "Ingoesjen en Tsjetsjenen wonen in hetzelfde blok.",
    "Thuis spreken ze Romanes, Slovaaks en een beetje Tigrinya.",
    "Mama spreekt Lingala, Kinyarwanda en Dari; papa Pashto.",
    "Ze spreken Arabisch, Berbers of Tamazight, soms Turks, Pools of Roemeens.",
    "Het gezin komt uit Slovakije en woont nu in de Ardennen.",
    "Van de Kempen verhuisd naar de Westhoek en dan naar Limburg.",
    "Ze vieren Diwali, Sint-Maarten, Sinterklaas en het Suikerfeest.",
    "Tijdens het Offerfeest en de Ramadan is het rustig.",
    "Met Pasen, het Orthodox Paasfeest, Chanoeka en Nieuwjaar is het dicht.",
]


@pytest.mark.parametrize("text", KEPT_ORIGINS)
def test_origins_languages_regions_feasts_are_kept(scrub, text: str) -> None:
    assert scrub(text) == text


def test_origin_noun_that_is_a_first_name_stays_a_name(scrub) -> None:
    assert scrub("Noor en haar broer komen morgen.") == "[persoon 1] en haar broer komen morgen."


@pytest.mark.parametrize(
    ("adj", "inflected"),
    [("Slowaaks", "Slowaakse"), ("Congolees", "Congolese"), ("Indiaas", "Indiase"),
     ("Russisch", "Russische"), ("Marokkaans", "Marokkaanse"), ("Pools", "Poolse")],
)
def test_inflect(adj: str, inflected: str) -> None:
    assert _inflect(adj) == inflected


KEPT_SERVICES_AND_DIAGNOSES = [
    "Een budget van het VAPH, hij zit in het BuSO en zijn zus in het BuBaO.",
    "Ze leert mailen in het Digipunt van de bib.",
    "Het CLB, het CGG en het CAR overleggen.",
    "Aanmelding bij een MFC, het OCJ en het OOOC.",
    "PAB en PVF aangevraagd; na school naar de IBO of de BKO.",
    "DAVO int het onderhoudsgeld, het RIZIV betaalt terug.",
    "Via de VDAB, een OKAN-klas en GON-begeleiding.",
    "Teleonthaal, Awel en Child Focus zijn bereikbaar.",
    "Fedasil en het Rode Kruis, Samenlevingsopbouw en Welzijnsschakels.",
    "Les in het Huis van het Nederlands, via het Agentschap Integratie en Inburgering.",
    "Het Sociaal Verhuurkantoor (SVK) zoekt een woning.",
    "De Vlaamse Sociale Bescherming keert het zorgbudget uit. Zorgbudget loopt.",
    "Hij heeft het syndroom van Angelman.",
    "Het syndroom van Down, het syndroom van Asperger, het syndroom van Rett.",
    "De ziekte van Crohn, de ziekte van Parkinson en de ziekte van Alzheimer.",
    "Ze heeft de ziekte van Lyme, hij het syndroom van Tourette.",
    "Syndroom van Klinefelter en ziekte van Huntington.",
    "Mama vulde de Edinburgh-vragenlijst in; de EPDS gaf 14.",
    "De Edinburgh Postnatale Depressie Schaal was verhoogd.",
]


@pytest.mark.parametrize("text", KEPT_SERVICES_AND_DIAGNOSES)
def test_services_and_eponymous_diagnoses_are_kept(scrub, text: str) -> None:
    assert scrub(text) == text


def test_name_after_van_without_diagnosis_is_a_name(scrub) -> None:
    assert scrub("Het verslag van Huntington kwam laat.") != "Het verslag van Huntington kwam laat."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bel gerust met sofie op de kerck", "bel gerust met [persoon 1]"),
        ("ik sprak met samira bou zidane", "ik sprak met [persoon 1]"),
        ("die liam mcbride belde nog", "die [persoon 1] belde nog"),
        ("met nadia ait brahimi gesproken", "met [persoon 1] gesproken"),
        # a preposition and a word stay outside the name
        ("ik ga met lotte op de bus", "ik ga met [persoon 1] op de bus"),
        ("vraag naar els van de crèche", "vraag naar [persoon 1] van de crèche"),
    ],
)
def test_lowercase_chat_surnames_with_particles(scrub, text: str, expected: str) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Onze dochter Sterre (7) is ziek.", "Onze dochter [persoon 1] (7) is ziek."),
        ("Ze heet Zon en woont bij oma.", "Ze heet [persoon 1] en woont bij oma."),
        ("Zoon Beer zit in het derde leerjaar.", "Zoon [persoon 1] zit in het derde leerjaar."),
        ("Het is lente en de zon schijnt.", None),
    ],
)
def test_word_names_in_name_context(scrub, text: str, expected: str | None) -> None:
    assert scrub(text) == (text if expected is None else expected)
