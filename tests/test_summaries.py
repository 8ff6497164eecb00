"""Session summaries: built from stored rows, downloaded in four formats, free of identifiers."""

from __future__ import annotations

import io
import json
import secrets
import zipfile
from datetime import UTC, datetime
from typing import Any

import pytest
from docx import Document
from flask import current_app
from pypdf import PdfReader
from sqlalchemy import select

from casetable.export.model import Summary
from casetable.extensions import db
from casetable.models import AuditEvent, CaseTable, Contribution, User
from casetable.services import contributions, notes, participants, summaries, tables
from casetable.services.viewer import Viewer
from tests.conftest import login

# Identifying values of structured categories the scrubber certainly replaces.
IDENTIFIERS = {
    "phone": "0478 12 34 56",
    "email": "sandra.peeters@example.be",
    "iban": "BE71 0961 2345 6769",
    "street": "Stationsstraat 12",
}
LEAKY = (
    "Mama is bereikbaar op 0478 12 34 56 of via sandra.peeters@example.be; de huur gaat naar "
    "BE71 0961 2345 6769 en het gezin woont in de Stationsstraat 12."
)
# What must never appear in any output (whole values and their telling parts).
FORBIDDEN = (
    "0478 12 34 56", "0478123456", "478 12 34", "sandra.peeters", "example.be",
    "BE71 0961 2345 6769", "BE71096123456769", "0961 2345", "Stationsstraat",
)
SERVICES = ("caw", "clb", "ocmw", "kind-en-gezin", "school")


@pytest.fixture(autouse=True)
def private_rate_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-participant rate window is process-wide and participant ids restart in every
    test database: give these busy tables their own, so later tests start from zero."""
    monkeypatch.setattr(contributions, "_rate", contributions._RateWindow())
NOTE_KINDS = ("leerpunt", "signaal", "goede_praktijk", "afspraak")


def play_table(
    facilitator: User,
    *,
    contributions_n: int = 20,
    notes_n: int = 4,
    title: str = "Gezin met huurachterstal",
    leak: bool = False,
    scheduled_for: datetime | None = None,
    themes: tuple[str, ...] = ("huisvesting", "kinderopvang"),
    rights: tuple[str, ...] = ("huurpremie", "verhoogde-tegemoetkoming"),
    services: tuple[str, ...] = SERVICES,
    referral: str = "ocmw",
    close: bool = True,
) -> CaseTable:
    """A whole table through the services (and so through the scrubber), then closed."""
    current_app.config["CONTRIBUTION_RATE"] = (1_000_000, 60)  # a whole meeting in a second
    table = tables.create_table(
        facilitator, title=title, network_id=facilitator.networks[0].id,
        method_slug="anonieme-casustafel", scheduled_for=scheduled_for or datetime.now(UTC))
    tables.open_table(facilitator, table)
    vignette = "Een alleenstaande mama met drie kinderen heeft een huurachterstal."
    tables.post_vignette(facilitator, table, vignette=vignette + (" " + LEAKY if leak else ""),
                         question="Hoe houden we mama mee aan boord?", consent="informed")
    staff = Viewer(user=facilitator)
    seats = [Viewer(participant=participants.join_table(table, s, True)[0]) for s in services]
    tables.set_role(facilitator, table, "case_bringer", seats[-1].participant.id)  # type: ignore[union-attr]
    plan = [(2, "vraag"), (3, "analyse"), (4, "advies"), (4, "hulpbron"), (6, "signaal")]
    per = max(contributions_n // len(plan), 1)
    made = 0
    advice_ids: list[int] = []
    for index, (phase, kind) in enumerate(plan):
        while table.phase_index < phase:
            if table.phase.get("silent"):
                contributions.reveal(table, staff)
            tables.control_phase(facilitator, table, "next")
        count = per if index < len(plan) - 1 else contributions_n - made
        for i in range(count):
            text = f"{kind.capitalize()} {made + 1}: de mama heeft nood aan rust."
            if leak and i == 0:
                text += " " + LEAKY
            item, _ = contributions.add_contribution(
                table, seats[i % (len(seats) - 1)], client_id=secrets.token_hex(8), kind=kind,
                text=text, referral=referral if kind == "advies" and i % 2 == 0 else None)
            made += 1
            if kind == "advies":
                advice_ids.append(item.id)
        if kind == "advies":
            for rank, advice_id in enumerate(advice_ids[:3]):
                for seat in seats[: 3 - rank]:
                    contributions.toggle_vote(table, seat, advice_id)
            if advice_ids:
                contributions.approve(table, seats[-1], advice_ids[0], True)
            tables.set_rights(facilitator, table, list(rights))
    for i in range(notes_n):
        kind = NOTE_KINDS[i % len(NOTE_KINDS)]
        data: dict[str, Any] = {
            "client_id": secrets.token_hex(8), "kind": kind,
            "text": f"Leerpunt {i + 1} van de tafel." + (" " + LEAKY if leak and i == 0 else ""),
            "themes": list(themes), "target_groups": ["alleenstaande-ouders"],
            "rights": list(rights[:1]),
        }
        if kind == "signaal":
            data.update(level="vlaams", urgency="hoog")
        note = notes.propose(table, staff, data)
        notes.handle(table, staff, {"action": "accept", "id": note.id})
    if close:
        tables.close_table(facilitator, table)
    return table


def all_formats(client: Any, table: CaseTable) -> dict[str, bytes]:
    """Download every format through the routes; each must answer 200 as an attachment."""
    out = {}
    for fmt in ("md", "docx", "pdf", "json"):
        response = client.get(f"/t/{table.public_id}/verslag.{fmt}")
        assert response.status_code == 200, (fmt, response.status_code)
        assert response.headers["Content-Disposition"].startswith("attachment; filename=")
        out[fmt] = response.data
    return out


def docx_text(data: bytes) -> str:
    """All paragraph and table text of a DOCX, read back with python-docx."""
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for t in document.tables:
        parts += [cell.text for row in t.rows for cell in row.cells]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    """All text of a PDF, read back with pypdf."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """Whitespace-free text, so a word wrapped across PDF lines still matches."""
    return "".join(text.split())


def test_large_table_downloads_in_four_formats(app, client, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, contributions_n=300, notes_n=20)
    login(client, facilitator)
    files = all_formats(client, table)

    summary = Summary.from_dict(json.loads(files["json"]))
    assert summary.counts.contributions == 300
    assert len(summary.notes) == 20
    assert summary.advice[0].votes == 3 and summary.advice[0].approved
    assert summary.advice[0].referral == "OCMW / Sociaal Huis"
    assert [a.votes for a in summary.advice] == sorted((a.votes for a in summary.advice),
                                                        reverse=True)
    assert dict(summary.services) == {
        "CAW": 1, "CLB": 1, "OCMW / Sociaal Huis": 1, "Opgroeien Kind en Gezin": 1, "School": 1}
    assert summary.rights == ("Verhoogde tegemoetkoming", "Huurpremie / huurwaarborg")
    assert "Casusvoorstelling en hulpvraag" in [p.name for p in summary.phases]

    docx, pdf = squash(docx_text(files["docx"])), squash(pdf_text(files["pdf"]))
    markdown = files["md"].decode("utf-8")
    for note in summary.notes:
        assert squash(note.text) in docx and squash(note.text) in pdf
        assert note.text in markdown
    top = [squash(a.text) for a in summary.advice[:5]]
    for body in (docx, pdf):
        positions = [body.index(t) for t in top]  # ranked advice, in rank order
        assert positions == sorted(positions)
    assert squash("Signaal naar beleid") in docx and squash("Vlaams") in pdf

    assert files["pdf"].startswith(b"%PDF")
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert sorted(e.details["format"] for e in events) == ["docx", "json", "md", "pdf"]
    assert all(e.table_id == table.id and e.actor == f"user:{facilitator.id}" for e in events)


def test_mimetypes_and_dutch_file_names(app, client, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, scheduled_for=datetime(2026, 11, 23, 9, tzinfo=UTC))
    login(client, facilitator)
    expected = {
        "md": "text/markdown; charset=utf-8",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
        "json": "application/json",
    }
    for fmt, mimetype in expected.items():
        response = client.get(f"/t/{table.public_id}/verslag.{fmt}")
        assert response.headers["Content-Type"] == mimetype
        assert response.headers["Content-Disposition"] == (
            f'attachment; filename="verslag-2026-11-23-gezin-met-huurachterstal.{fmt}"')
    assert client.get(f"/t/{table.public_id}/verslag.exe").status_code == 404


def test_summary_page_and_console_link(app, client, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, notes_n=4)
    login(client, facilitator)
    console = client.get(f"/t/{table.public_id}").get_data(as_text=True)
    assert f"/t/{table.public_id}/verslag" in console
    page = client.get(f"/t/{table.public_id}/verslag")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Leerpunt 1 van de tafel." in html and "Signaal naar beleid" in html
    assert "<script" not in html.split("<body", 1)[1].split("</main>")[0]
    for fmt in ("pdf", "docx", "md", "json"):
        assert f"/t/{table.public_id}/verslag.{fmt}" in html


def test_open_table_has_no_summary(app, client, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, close=False)
    login(client, facilitator)
    assert client.get(f"/t/{table.public_id}/verslag").status_code == 404
    assert client.get(f"/t/{table.public_id}/verslag.pdf").status_code == 404


def test_hidden_redacted_and_notes_selection(app, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, contributions_n=10, notes_n=2, close=False)
    staff = Viewer(user=facilitator)
    rows = db.session.scalars(select(Contribution).where(Contribution.table_id == table.id)
                              .order_by(Contribution.seq)).all()
    contributions.moderate(table, staff, rows[0].id, "hide")
    contributions.moderate(table, staff, rows[1].id, "redact")
    proposed = notes.propose(table, staff, {"client_id": secrets.token_hex(8), "kind": "afspraak",
                                            "text": "Nog niet aanvaard."})
    tables.close_table(facilitator, table)
    summary = summaries.build_summary(table)
    texts = [c.text for p in summary.phases for c in p.contributions]
    assert rows[0].body.text not in texts
    assert contributions.REDACTED_TEXT in texts
    assert summary.counts.contributions == 9
    # Accepted notes exist, so the merely proposed one stays out.
    assert "Nog niet aanvaard." not in [n.text for n in summary.notes]
    assert len(summary.notes) == 2
    # Without any accepted note, every proposed (not rejected, not merged) note goes in.
    for n in summaries.select_notes([]):
        raise AssertionError(n)
    assert summaries.select_notes([proposed]) == [proposed]


def test_anonymous_mode_has_no_aliases(app, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, close=False)
    tables.make_more_anonymous(facilitator, table)
    tables.close_table(facilitator, table)
    summary = summaries.build_summary(table)
    assert all(c.author is None for p in summary.phases for c in p.contributions)
    assert "CAW 1" not in json.dumps(summary.to_dict())


def test_no_identifier_survives_in_any_format(app, client, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, leak=True, notes_n=4)
    login(client, facilitator)
    files = all_formats(client, table)
    page = client.get(f"/t/{table.public_id}/verslag").get_data(as_text=True)
    docx_xml = "".join(
        zipfile.ZipFile(io.BytesIO(files["docx"])).read(name).decode("utf-8", "replace")
        for name in zipfile.ZipFile(io.BytesIO(files["docx"])).namelist())
    texts = {
        "md": files["md"].decode("utf-8"), "json": files["json"].decode("utf-8"),
        "docx": docx_text(files["docx"]) + docx_xml, "pdf": pdf_text(files["pdf"]),
        "html": page,
    }
    for fmt, text in texts.items():
        for value in FORBIDDEN:
            assert value not in text and squash(value) not in squash(text), (fmt, value)
    assert "[telefoon]" in texts["json"] and "[rekeningnr]" in texts["json"]


def test_summary_model_round_trip(app, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator)
    summary = summaries.build_summary(table)
    assert Summary.from_dict(summary.to_dict()) == summary
    assert summary.generated_at == table.closed_at
    assert summaries.slugify("Één gezin: [persoon 1] & co!") == "een-gezin-persoon-1-co"


@pytest.mark.parametrize("code,expected", [(("signaal", "lokaal"), ("signaal_beleid",
                                                                     "lokaal_bestuur")),
                                           (("leerpunt", None), ("leerpunt", None))])
def test_note_codes_map_to_export_codes(code, expected):
    assert summaries.note_codes(*code) == expected


def test_english_page_and_download(app, client, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, notes_n=4)
    login(client, facilitator)
    assert client.get(f"/t/{table.public_id}/verslag?lang=en").status_code == 200
    md = client.get(f"/t/{table.public_id}/verslag.md").get_data(as_text=True)
    assert "Advice, ranked by votes" in md and "Signal to policy" in md
    assert "Housing" in md  # catalogue labels in English while the table is not purged
