"""The table state a screen needs, as JSON: phase, timer, vignette, roles, counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from casetable.extensions import db
from casetable.models import CaseTable, Participant, utcnow
from casetable.services import contributions as contribution_service
from casetable.services.tables import format_code


def phase_json(phase: dict[str, Any], lang: str = "nl") -> dict[str, Any]:
    return {
        "key": phase.get("key"),
        "name": phase.get("name_en") if lang == "en" else phase.get("name_nl"),
        "goal": (lang == "en" and phase.get("goal_en")) or phase.get("goal_nl", ""),
        "prompt": (lang == "en" and phase.get("prompt_en")) or phase.get("prompt_nl", ""),
        "minutes": phase.get("minutes", 0),
        "kinds": phase.get("kinds", []),
        "silent": bool(phase.get("silent")),
        "bringer_listens": bool(phase.get("bringer_listens")),
        "voting": bool(phase.get("voting")),
        "rights_checklist": bool(phase.get("rights_checklist")),
        "notes": bool(phase.get("notes")),
    }


def table_state(
    table: CaseTable, lang: str = "nl", *, phases: bool = True, texts: bool = True
) -> dict[str, Any]:
    """Everything about the table that is the same for every screen in the room.

    Room broadcasts after a change leave out what did not change (docs/protocol.md): the phase
    list never changes after a table is created (`phases=False`), and the vignette and question
    only change when the facilitator posts them (`texts=False`). Join and sync replies carry
    everything. Sending the full state to every screen after every reveal or phase change was
    most of the bytes of a reveal (load test, burst scenario).
    """
    roles = {}
    for role in ("case_bringer", "note_taker"):
        pid = getattr(table, f"{role}_id")
        participant = db.session.get(Participant, pid) if pid else None
        roles[role] = {"id": pid, "alias": participant.alias} if participant else None
    state = {
        "table": table.public_id,
        "title": table.title.text,
        "status": table.status,
        "attribution": table.attribution,
        "method": table.method_name,
        "join_code": format_code(table.join_code),
        "phase_index": table.phase_index,
        "timer": {
            "running": table.timer_ends_at is not None,
            "ends_at": table.timer_ends_at.isoformat() if table.timer_ends_at else None,
            "remaining": table.timer_remaining,
            # Ever started in this phase: "paused" versus "not started", whatever is left.
            "started": table.timer_started_at is not None,
        },
        "server_now": utcnow().isoformat(),
        "reident_level": table.reident_level,
        "revealed_phases": table.revealed_phases or [],
        "held": contribution_service.held_count(table) if table.is_open else 0,
        "rights_checked": table.rights_checked or [],
        "roles": roles,
        "last_seq": table.next_seq - 1,
        "last_rev": table.next_rev - 1,
    }
    # Only read what is sent: the vignette and question are not loaded with the table for
    # most events, and reading them would cost a query each.
    if phases:
        state["phases"] = [phase_json(p, lang) for p in table.phases]
    if texts:
        state["vignette"] = table.vignette.text if table.vignette else None
        state["question"] = table.question.text if table.question else None
    return state


def presence_list(table: CaseTable, online_ids: set[int]) -> list[dict[str, Any]]:
    """The participants as the room sees them: alias, service, role, online."""
    people = db.session.scalars(
        select(Participant)
        .where(Participant.table_id == table.id, Participant.removed.is_(False))
        .order_by(Participant.id)
    )
    return [
        {
            "id": p.id,
            "alias": p.alias,
            "service": p.service_slug,
            "online": p.id in online_ids,
            "role": (
                "case_bringer"
                if p.id == table.case_bringer_id
                else "note_taker"
                if p.id == table.note_taker_id
                else "participant"
            ),
        }
        for p in people
    ]
