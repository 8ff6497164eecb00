"""Structured identifiers: pattern plus validation (check digits, phone numbering plans)."""

from __future__ import annotations

import pytest

from casetable.scrub.detectors import dates, numbers


def found(detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector(text)]


@pytest.mark.parametrize(
    "phone",
    [
        "0478 21 36 54",  # mobile, spaces
        "0478/21.36.54",  # slash and dots
        "0478213654",  # compact
        "0478-21-36-54",
        "+32 478 21 36 54",
        "+32478213654",
        "0032 478 21 36 54",
        "+32 (0)478 21 36 54",
        "02 520 14 87",  # Brussels landline
        "03 231 22 11",  # Antwerp
        "09/223.45.67",  # Ghent
        "056 35 78 12",  # zonal number
        "051/40.12.77",
        "011 22 33 44",
        "06-12345678",  # Dutch mobile
        "+31 6 12345678",
        "+40 745 312 908",  # Romanian mobile
    ],
)
def test_phone_formats(phone: str) -> None:
    assert found(numbers.detect_phone, f"bel {phone} na 17u") == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "dossier 2023/4471 werd afgesloten",
        "een schuld van 2.300 euro en 25.000 euro",
        "geboren op 12/03/2024",
        "score 6/20, 13u30, 3 kinderen",
        "rijksregisternummer 79.07.28-061.31",
        "0478 21 36",  # too short
        "+32 123",
    ],
)
def test_not_a_phone(text: str) -> None:
    assert found(numbers.detect_phone, text) == []


@pytest.mark.parametrize(
    "nid",
    ["79.07.28-061.31", "79072806131", "790728 061 31", "79.07.28-061-31", "07.45.09-213.08"],
)
def test_national_numbers_with_valid_check_digits(nid: str) -> None:
    assert found(numbers.detect_national_id, f"RRN: {nid}.") == [nid]


@pytest.mark.parametrize("nid", ["79072806130", "12345678901", "790728 061 30"])
def test_bare_numbers_with_bad_check_digits_are_left(nid: str) -> None:
    assert found(numbers.detect_national_id, f"nummer {nid}") == []


@pytest.mark.parametrize(
    "text", ["nummer 79.07.28-061.32", "rrn: 79072806130", "INSZ 790728 061 30"]
)
def test_mistyped_national_numbers_in_rrn_format_or_after_a_cue(text: str) -> None:
    assert len(found(numbers.detect_national_id, text)) == 1


def test_dutch_bsn() -> None:
    assert found(numbers.detect_national_id, "zijn BSN, 725763863, staat") == ["725763863"]
    assert found(numbers.detect_national_id, "BSN 725763864") == []


@pytest.mark.parametrize(
    "iban", ["BE67 7354 1298 7487", "BE67735412987487", "be67 7354 1298 7487", "NL91ABNA0417164300"]
)
def test_iban(iban: str) -> None:
    assert found(numbers.detect_iban, f"rekening {iban}, graag") == [iban]


def test_iban_bad_check_and_old_format() -> None:
    # a Belgian or Dutch layout is scrubbed even with a mistyped check; others must validate
    assert found(numbers.detect_iban, "BE68 7354 1298 7487") == ["BE68 7354 1298 7487"]
    assert found(numbers.detect_iban, "FR14 2004 1010 0505 0001 3M02 607") == []  # check digit off
    assert found(numbers.detect_iban, "oude rekening 068-9045213-87") == ["068-9045213-87"]
    assert found(numbers.detect_iban, "oude rekening 068-9045213-88") == []


def test_two_ibans_in_a_row() -> None:
    text = "BE67 7354 1298 7487 BE05001263548975"
    assert found(numbers.detect_iban, text) == ["BE67 7354 1298 7487", "BE05001263548975"]


@pytest.mark.parametrize("plate", ["1-KLV-482", "2HBT917", "2-hbt-917"])
def test_plates(plate: str) -> None:
    assert found(numbers.detect_plate, f"de auto ({plate}) staat") == [plate]


def test_old_plate_needs_a_vehicle_word() -> None:
    assert found(numbers.detect_plate, "nummerplaat ABC-123") == ["ABC-123"]
    assert found(numbers.detect_plate, "code ABC-123") == []


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("dossier 2023/4471 bij het OCMW", "2023/4471"),
        ("onder nummer GNK/2024-0387.", "GNK/2024-0387"),
        ("rolnummer 24/1187/A", "24/1187/A"),
        ("PV TU.55.L7.004512/23", "TU.55.L7.004512/23"),
        ("referentie OKG-24-10932", "OKG-24-10932"),
        ("het DVZ-dossier heeft nummer 7.654.321.", "7.654.321"),
    ],
)
def test_case_ids(text: str, ident: str) -> None:
    assert ident in found(numbers.detect_case_id, text)


@pytest.mark.parametrize(
    "text",
    [
        "het dossier loopt sinds 2022",
        "dossier: 6.000 euro schuld",
        "het dossier vermeldt 1.250.000 inwoners",
    ],
)
def test_case_id_is_not_a_year_or_amount(text: str) -> None:
    assert found(numbers.detect_case_id, text) == []


def test_email_and_urls() -> None:
    assert found(numbers.detect_email, "mail an.peeters@ocmw-gent.be.") == [
        "an.peeters@ocmw-gent.be"
    ]
    text = "zie www.facebook.com/jan.v.94, gofundme.com/f/help en @sofie.kvl."
    assert found(numbers.detect_url, text) == [
        "@sofie.kvl",
        "www.facebook.com/jan.v.94",
        "gofundme.com/f/help",
    ]


@pytest.mark.parametrize(
    "date",
    [
        "3 februari 2017",
        "2 december",
        "14/06/2022",
        "22.09.2013",
        "30-07-2023",
        "°2012",
        "°04/11/2020",
        "15/10",
        "21ste maart",
        "3 feb. 2017",
    ],
)
def test_dates(date: str) -> None:
    assert found(dates.detect_date, f"op {date} was er") == [date]


@pytest.mark.parametrize(
    "text",
    ["in maart", "in 2022", "Mei en juni", "om 13u30", "6/20 voor wiskunde", "1/3 van de gezinnen"],
)
def test_not_dates(text: str) -> None:
    assert found(dates.detect_date, text) == []


def test_birth_month_year_only_after_geboren() -> None:
    assert found(dates.detect_date, "geboren in mei 2023") == ["mei 2023"]
    assert found(dates.detect_date, "in mei 2023 verhuisd") == []


def test_date_ranges_and_handles() -> None:
    assert found(dates.detect_date, "op 12 en 13 maart") == ["12 en 13 maart"]
    assert found(numbers.detect_phone, "bel 0478 / 21 36 54") == ["0478 / 21 36 54"]
    text = "haar insta: sofie_123, zijn tiktok is noah.vdb, op Instagram post ze veel"
    assert found(numbers.detect_url, text) == ["sofie_123", "noah.vdb"]


def test_year_in_brackets_after_a_name_is_a_birth_year() -> None:
    assert found(dates.detect_date, "Jens (2012) en Lotte (2015); in 2019 (corona)") == [
        "2012",
        "2015",
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("de hoorzitting is op woensdag 8 januari.", "8 januari"),
        ("Afspraak vrijdag, 17 oktober om 9u.", "17 oktober"),
        ("overleg donderdag 23/1 in de namiddag", "23/1"),
        ("ze komt zaterdag 05.04.2025 langs", "05.04.2025"),
        ("op de 2de december en", "2de december"),
        ("tegen de 1ste mei", "1ste mei"),
        ("ze komt terug op de 14de.", "de 14de"),
        ("betalen tegen de 3e, om 12u", "de 3e"),
        ("79.07.28-061.31 en 2 december", "2 december"),
    ],
)
def test_weekdays_ordinals_and_days_of_the_month(text: str, date: str) -> None:
    assert date in found(dates.detect_date, text)


def test_weekday_stays_outside_the_date_span(scrub) -> None:
    assert scrub("We zien elkaar op dinsdag 11 maart terug.") == (
        "We zien elkaar op dinsdag [datum] terug."
    )


@pytest.mark.parametrize(
    "text",
    [
        "hij zit in het 5de leerjaar",
        "het is de 3de keer op de 2de verdieping",
        "begin maart en eind april",
        "elke maandag om 10u",
        "op maandag komt de thuisbegeleider",
    ],
)
def test_ordinals_and_weekdays_alone_are_no_dates(text: str) -> None:
    assert found(dates.detect_date, text) == []


def test_month_and_year_only_in_a_text_about_somebody(scrub) -> None:
    assert scrub("Mama Fatima verloor haar job in oktober 2024.") == (
        "Mama [persoon 1] verloor haar job in [datum]."
    )
    note = "Beleidssignaal: sinds januari 2025 zijn de wachtlijsten langer."
    assert scrub(note) == note


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("ze staat op Instagram als jolien_2010 met foto's", "jolien_2010"),
        ("op zijn TikTok-account dries.vdv post hij alles", "dries.vdv"),
        ("zijn snapchat is kobe_x en meer weet ik niet", "kobe_x"),
        ("ze stuurde het vanaf account mila_xo_09.", "mila_xo_09"),
    ],
)
def test_user_names_on_networks(text: str, handle: str) -> None:
    assert handle in found(numbers.detect_url, text)


def test_a_network_without_a_user_name() -> None:
    assert found(numbers.detect_url, "ze post op Instagram elke dag, op Facebook 2024 niet") == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("haar gsm is 0499 12 34 56 en vast 09 123 45 67", "09 123 45 67"),
        ("contact: 03 123 45 67 (secretariaat)", "03 123 45 67"),
    ],
)
def test_made_up_belgian_numbers_after_a_phone_word(text: str, phone: str) -> None:
    assert phone in found(numbers.detect_phone, text)


def test_a_number_without_a_phone_word_needs_a_valid_numbering_plan() -> None:
    assert found(numbers.detect_phone, "code 03 123 45 67 in het systeem") == []


def test_a_postcode_in_brackets_is_no_age(scrub) -> None:
    assert scrub("Ze woont in Gent (9000).") == "Ze woont in [plaats] ([postcode])."


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("Het vonnis kreeg rolnummer 24A1178 bij de familierechtbank.", "24A1178"),
        ("Zie PV 23K0097 van de lokale politie.", "23K0097"),
        ("onze referte is 7B55210, graag vermelden", "7B55210"),
        ("Het notitienummer: 25N004512.", "25N004512"),
    ],
)
def test_digits_letter_digits_after_a_reference_word(text: str, ident: str) -> None:
    assert found(numbers.detect_case_id, text) == [ident]


@pytest.mark.parametrize(
    "text",
    [
        "het dossier wordt om 14u30 besproken",
        "dossier: ze kreeg 2x150 euro terug",
        "Ze betaalt 25B per maand",
    ],
)
def test_times_and_counts_after_a_reference_word_stay(text: str) -> None:
    assert found(numbers.detect_case_id, text) == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Hij rijdt met een Peugeot, plaat FG-418-KT, naar Rijsel.", "FG-418-KT"),
        ("Ze zag GH-207-LM weer voor de deur staan.", "GH-207-LM"),
        ("de bestelwagen met 45-TKP-8 uit Breda", "45-TKP-8"),
        ("Een auto met 7-RTF-42 stond er.", "7-RTF-42"),
        ("Ze noteerde KL-302-D op een briefje.", "KL-302-D"),
        ("zijn wagen: 31-HB-77", "31-HB-77"),
        ("nummerplaat ZR-55-TN", "ZR-55-TN"),
    ],
)
def test_french_and_dutch_plates(text: str, plate: str) -> None:
    assert found(numbers.detect_plate, text) == [plate]


@pytest.mark.parametrize(
    "text",
    [
        "dossier AB-312-CD bij het parket",
        "Het formulier AB-12-CD ligt klaar.",
        "een Audi A4-12 en een Golf-7",
        "Zitting 12-34-56 werd verdaagd.",
    ],
)
def test_plate_shapes_that_are_no_plates(text: str) -> None:
    assert found(numbers.detect_plate, text) == []


def test_iban_with_a_space_after_the_country_code() -> None:
    text = "via zijn rekening BE 49 5230 8044 1771."
    assert found(numbers.detect_iban, text) == ["BE 49 5230 8044 1771"]
    assert found(numbers.detect_iban, "hij is 49 jaar en woont op nr 5230") == []
    assert found(numbers.detect_iban, "HET 49 5230 8044 1771") == []


@pytest.mark.parametrize(
    "text", ["een oude Opel (KZP-481)", "nummerplaat kzp481", "de auto kzp-481", "kenteken KZP481"]
)
def test_old_plate_after_a_car_word_or_brand(text: str) -> None:
    assert len(found(numbers.detect_plate, text)) == 1


def test_old_plate_shape_alone_is_no_plate() -> None:
    assert found(numbers.detect_plate, "dossier abc123 en code KZP481") == []


def test_bare_domain_with_a_path_is_a_url() -> None:
    text = "haar pagina is linktr.ee/fleur.zorgmama, daar staat alles"
    assert found(numbers.detect_url, text) == ["linktr.ee/fleur.zorgmama"]
    for plain in ("o.a./bv. de dingen", "bv./nv", "zie verslag.pdf/bijlage", "en/of 12/03"):
        assert found(numbers.detect_url, plain) == []
