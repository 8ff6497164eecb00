"""Learning notes and signals: propose, edit, merge, accept, approve, draft from a contribution."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from casetable import seed_data
from casetable.extensions import db
from casetable.models import CaseTable, Contribution, Note, TableStatus
from casetable.scrub.reident import assess
from casetable.scrub.types import ScrubbedText
from casetable.services import audit
from casetable.services.catalogue import catalogue_slugs
from casetable.services.contributions import CLIENT_ID
from casetable.services.errors import DomainError
from casetable.services.scrubbing import scrub_text
from casetable.services.tables import next_rev_value
from casetable.services.viewer import Viewer

ACTIONS = ("propose", "edit", "accept", "reject", "approve", "merge", "from_contribution")
TAG_FIELDS = {"themes": "theme", "target_groups": "target_group", "rights": "right"}


def handle(table: CaseTable, viewer: Viewer, data: dict[str, Any]) -> tuple[Note, bool]:
    """Dispatch one note action from the live room; returns the note and whether it is new."""
    action = data.get("action")
    if action not in ACTIONS:
        raise DomainError("invalid")
    if action == "propose":
        return propose(table, viewer, data), True
    if action == "from_contribution":
        return from_contribution(table, viewer, data.get("contribution"), data.get("client_id"))
    note = _note(table, data.get("id"))
    if action == "approve":
        if not (viewer.is_case_bringer(table) or viewer.manages(table)):
            raise DomainError("not_allowed")
        note.approved = bool(data.get("approved", True))
    else:
        _require_editor(table, viewer)
        if action == "edit":
            _apply_fields(table, note, data, partial=True)
        elif action in ("accept", "reject"):
            note.status = "accepted" if action == "accept" else "rejected"
        elif action == "merge":
            _merge(table, note, data.get("others"))
    note.rev = next_rev_value(table)
    audit.record("note_" + action, viewer.actor, table.id, note=note.id)
    db.session.commit()
    return note, False


def propose(table: CaseTable, viewer: Viewer, data: dict[str, Any]) -> Note:
    """Anyone in the room proposes a note in a notes phase; editors at any time."""
    client_id = data.get("client_id")
    if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
        raise DomainError("invalid")
    existing = db.session.scalar(
        select(Note).where(Note.table_id == table.id, Note.client_id == client_id)
    )
    if existing is not None:
        return existing
    editor = viewer.manages(table) or viewer.is_note_taker(table)
    if table.status != TableStatus.OPEN and not (editor and table.status == TableStatus.CLOSED):
        raise DomainError("closed")
    if not editor and not table.phase.get("notes"):
        raise DomainError("kind_closed")
    note = Note(
        table_id=table.id,
        client_id=client_id,
        kind="leerpunt",
        themes=[],
        target_groups=[],
        rights=[],
    )
    _apply_fields(table, note, data, partial=False)
    note.rev = next_rev_value(table)
    db.session.add(note)
    try:
        audit.record("note_propose", viewer.actor, table.id)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        again = db.session.scalar(
            select(Note).where(Note.table_id == table.id, Note.client_id == client_id)
        )
        if again is None:
            raise
        return again
    return note


def from_contribution(
    table: CaseTable, viewer: Viewer, contribution_id: object, client_id: object
) -> tuple[Note, bool]:
    """One click: turn a contribution into a note draft (its text is already scrubbed)."""
    _require_editor(table, viewer)
    if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
        raise DomainError("invalid")
    existing = db.session.scalar(
        select(Note).where(Note.table_id == table.id, Note.client_id == client_id)
    )
    if existing is not None:
        return existing, False
    if not isinstance(contribution_id, int):
        raise DomainError("invalid")
    contribution = db.session.get(Contribution, contribution_id)
    if contribution is None or contribution.table_id != table.id or not contribution.revealed:
        raise DomainError("no_such_contribution")
    kind = "signaal" if contribution.kind == "signaal" else "leerpunt"
    note = Note(
        table_id=table.id,
        client_id=client_id,
        kind=kind,
        body=contribution.body,
        source_contribution_id=contribution.id,
        themes=[],
        target_groups=[],
        rights=[],
        level="lokaal" if kind == "signaal" else None,
        urgency="normaal" if kind == "signaal" else None,
        rev=next_rev_value(table),
    )
    db.session.add(note)
    audit.record("note_from_contribution", viewer.actor, table.id)
    db.session.commit()
    return note, True


def _apply_fields(table: CaseTable, note: Note, data: dict[str, Any], *, partial: bool) -> None:
    if "text" in data or not partial:
        note.body = scrub_text(data.get("text"), table=table)
    if "kind" in data or not partial:
        kind = data.get("kind", "leerpunt")
        if kind not in seed_data.NOTE_KINDS:
            raise DomainError("invalid")
        note.kind = kind
    for field, catalogue_kind in TAG_FIELDS.items():
        if field in data:
            values = data[field]
            known = catalogue_slugs(catalogue_kind)
            if not isinstance(values, list) or any(v not in known for v in values):
                raise DomainError("invalid")
            setattr(note, field, sorted(set(values)))
    if note.kind == "signaal":
        level = data.get("level", note.level or "lokaal")
        urgency = data.get("urgency", note.urgency or "normaal")
        if level not in seed_data.SIGNAL_LEVELS or urgency not in seed_data.URGENCIES:
            raise DomainError("invalid")
        note.level, note.urgency = level, urgency
    else:
        note.level = note.urgency = None


def _merge(table: CaseTable, target: Note, others: object) -> None:
    if not isinstance(others, list) or not others:
        raise DomainError("invalid")
    texts = [target.body.text]
    for other_id in others:
        other = _note(table, other_id)
        if other.id == target.id:
            continue
        texts.append(other.body.text)
        for field in TAG_FIELDS:
            setattr(target, field, sorted({*getattr(target, field), *getattr(other, field)}))
        other.status = "merged"
        other.rev = next_rev_value(table)
    # Both parts passed the choke point when they were written; joining them adds no raw text.
    target.body = ScrubbedText.from_stored("\n\n".join(texts))


def _note(table: CaseTable, note_id: object) -> Note:
    if not isinstance(note_id, int) or isinstance(note_id, bool):
        raise DomainError("invalid")
    note = db.session.get(Note, note_id)
    if note is None or note.table_id != table.id:
        raise DomainError("no_such_note")
    return note


def _require_editor(table: CaseTable, viewer: Viewer) -> None:
    if not (viewer.manages(table) or viewer.is_note_taker(table)):
        raise DomainError("not_allowed")
    if table.status not in (TableStatus.OPEN, TableStatus.CLOSED):
        raise DomainError("not_open")


def notes_json(table: CaseTable, *, staff: bool) -> list[dict[str, Any]]:
    notes = db.session.scalars(select(Note).where(Note.table_id == table.id).order_by(Note.id))
    return [note_json(n, staff=staff) for n in notes]


def note_json(note: Note, *, staff: bool) -> dict[str, Any]:
    """A note as screens show it; staff also get a re-identification warning when one applies."""
    warning = None
    if staff:
        report = assess(note.body.text)
        if report.level in ("verhoogd", "hoog"):
            warning = report.message("nl")
    return {
        "warning": warning,
        "id": note.id,
        "client_id": note.client_id,
        "kind": note.kind,
        "text": note.body.text,
        "categories": note.body.categories,
        "status": note.status,
        "themes": note.themes,
        "target_groups": note.target_groups,
        "rights": note.rights,
        "level": note.level,
        "urgency": note.urgency,
        "approved": note.approved,
        "rev": note.rev,
    }
