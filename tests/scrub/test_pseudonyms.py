"""Per-table pseudonyms: same person, same number; digests only; preview binds nothing."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from casetable.scrub import MemoryPseudonymStore, Pseudonymizer, PseudonymStore, Scrubber

KEY = b"k" * 32


def test_memory_store_implements_the_protocol() -> None:
    assert isinstance(MemoryPseudonymStore(), PseudonymStore)


def test_same_person_same_number_across_texts(scrubber: Scrubber) -> None:
    table = Pseudonymizer(KEY, MemoryPseudonymStore())
    first = scrubber.scrub("Mevrouw Sandra Vanhoutte en papa Dirk Verstraete.", table).text
    assert first == "Mevrouw [persoon 1] en papa [persoon 2]."
    assert scrubber.scrub("Is dat niet Sandra?", table).text == "Is dat niet [persoon 1]?"
    assert scrubber.scrub("mevrouw Vanhoutte belde", table).text == "mevrouw [persoon 1] belde"
    assert (
        scrubber.scrub("Dirk en Jens kwamen.", table).text == "[persoon 2] en [persoon 3] kwamen."
    )


def test_first_name_then_full_name(scrubber: Scrubber) -> None:
    table = Pseudonymizer(KEY, MemoryPseudonymStore())
    assert scrubber.scrub("Mama Sandra belde.", table).text == "Mama [persoon 1] belde."
    assert scrubber.scrub("Sandra Vanhoutte belde.", table).text == "[persoon 1] belde."


def test_relatives_sharing_a_family_name_stay_apart(scrubber: Scrubber) -> None:
    table = Pseudonymizer(KEY, MemoryPseudonymStore())
    out = scrubber.scrub("Jayden Van Damme (9) en mama Cindy Van Damme.", table).text
    assert out == "[persoon 1] (9) en mama [persoon 2]."


def test_table_knowledge_finds_lowercase_names_later(scrubber: Scrubber) -> None:
    table = Pseudonymizer(KEY, MemoryPseudonymStore())
    scrubber.scrub("De jeugdwerker kent Youssef als 'Yoyo'.", table)
    assert (
        scrubber.scrub("die jongen, yoyo, ken ik", table).text == "die jongen, [persoon 2], ken ik"
    )


def test_a_known_name_that_is_a_verb_stays_a_verb(scrubber: Scrubber) -> None:
    table = Pseudonymizer(KEY, MemoryPseudonymStore())
    scrubber.scrub("Mevrouw Bel Peeters belde.", table)
    out = scrubber.scrub("Bel gerust naar de dienst. Bel Peeters komt ook.", table).text
    assert out == "Bel gerust naar de dienst. [persoon 1] komt ook."


def test_without_pseudonymizer_numbers_per_call(scrubber: Scrubber) -> None:
    assert scrubber.scrub("Papa Dirk.").text == "Papa [persoon 1]."
    assert scrubber.scrub("Mama Elif en papa Dirk.").text == "Mama [persoon 1] en papa [persoon 2]."


def test_store_sees_digests_not_names() -> None:
    store = MemoryPseudonymStore()
    Pseudonymizer(KEY, store).number_for(["sandra", "vanhoutte"])
    keys = list(store._numbers)
    assert keys and all(len(k) == 64 and "sandra" not in k for k in keys)
    other = Pseudonymizer(b"o" * 32, MemoryPseudonymStore())
    assert other.digest("sandra") != Pseudonymizer(KEY, store).digest("sandra")


@pytest.mark.parametrize("key", [b"k" * 32, b"short-key-16byte", bytes(range(100))])
def test_digest_is_plain_hmac_sha256(key: bytes) -> None:
    # digests are stored per table: they must stay HMAC-SHA256 whatever computes them
    p = Pseudonymizer(key, MemoryPseudonymStore())
    for form in ("sandra", "sandra vanhoutte", "yilmaz"):
        assert p.digest(form) == hmac.new(key, form.encode(), hashlib.sha256).hexdigest()
        assert p.for_one_call().digest(form) == p.digest(form)


def test_normalised_forms_match() -> None:
    p = Pseudonymizer(KEY, MemoryPseudonymStore())
    assert p.digest("Yılmaz") == p.digest("yilmaz") == p.digest(" YILMAZ ")


def test_preview_does_not_bind(scrubber: Scrubber) -> None:
    store = MemoryPseudonymStore()
    table = Pseudonymizer(KEY, store)
    scrubber.scrub("Papa Dirk.", table)
    preview = table.preview()
    assert scrubber.scrub("Papa Dirk en mama Elif.", preview).text == (
        "Papa [persoon 1] en mama [persoon 2]."
    )
    assert not table.knows("elif") and len(store) == 1
    assert scrubber.scrub("Mama Elif.", table).text == "Mama [persoon 2]."


def test_short_key_is_refused() -> None:
    with pytest.raises(ValueError):
        Pseudonymizer(b"short", MemoryPseudonymStore())
