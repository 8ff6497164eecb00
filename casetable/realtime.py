"""Every Socket.IO event, authorised at connect and re-checked on each event (docs/protocol.md).

Handlers translate an event into one service call and back. The room comes from server-side
state (the table the sender joined), never from the payload alone.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from collections.abc import Callable
from typing import Any

from flask import request, session
from flask_login import current_user
from flask_socketio import emit, join_room
from sqlalchemy import Select, and_, bindparam, select
from sqlalchemy.orm import defer, lazyload, load_only

from casetable.extensions import db, socketio
from casetable.models import CaseTable, Participant, utcnow
from casetable.services import contributions as contribution_service
from casetable.services import notes as note_service
from casetable.services import tables as table_service
from casetable.services.errors import DomainError
from casetable.services.participants import remove_participant, token_digest
from casetable.services.scrubbing import scrub_text
from casetable.services.state import presence_list, table_state
from casetable.services.viewer import Viewer

log = logging.getLogger(__name__)

Payload = dict[str, Any]
Reply = dict[str, Any]

# sid -> (table public id, participant id or None, staff?) for the sockets of this process.
_joined: dict[str, tuple[str, int | None, bool]] = {}
_lock = threading.Lock()


def public_room(public_id: str) -> str:
    return f"t:{public_id}:p"


def staff_room(public_id: str) -> str:
    return f"t:{public_id}:s"


def _lang() -> str:
    lang = session.get("lang")
    return lang if lang in ("nl", "en") else "nl"


@socketio.on("connect")
def on_connect(auth: Any = None) -> bool:
    """Anyone with a staff login or a seat at some table may connect; others are refused."""
    return bool(current_user.is_authenticated or session.get("seats"))


@socketio.on("disconnect")
def on_disconnect(*_args: Any) -> None:
    """Update the presence list of the table the socket was in."""
    with _lock:
        entry = _joined.pop(request.sid, None)
    if entry is not None:
        with contextlib.suppress(DomainError):
            _broadcast_presence(table_service.table_by_public_id(entry[0]))


def table_event(
    name: str, *, manager: bool = False, joined: bool = True, load: str = "table"
) -> Callable[..., Any]:
    """Register a handler that gets (table, viewer, payload) after every check has passed.

    `load`: what of the table the handler reads. "state" for handlers that reply with the full
    state (join, sync: with vignette and question), "table" for those that change or broadcast
    the table (everything but the texts), "light" for the frequent events that only read a few
    columns (_LIGHT_COLUMNS).

    Refusals come back as the event's ack ({"ok": false, "error", "message"}) and as a
    `failed` event, so a client without an ack callback sees them too. Nothing is stored when a
    handler fails: the session is rolled back.
    """

    def register(fn: Callable[[CaseTable, Viewer, Payload], Reply | None]) -> Callable[..., Reply]:
        @functools.wraps(fn)
        def handler(payload: Any = None, *_extra: Any) -> Reply:
            try:
                if not isinstance(payload, dict):
                    raise DomainError("invalid")
                table, viewer = _event_table_and_viewer(payload.get("table"), load)
                if not viewer.in_room(table) or (manager and not viewer.manages(table)):
                    raise DomainError("forbidden")
                if joined and _joined.get(request.sid, ("",))[0] != table.public_id:
                    raise DomainError("forbidden")
                return {"ok": True, **(fn(table, viewer, payload) or {})}
            except DomainError as err:
                db.session.rollback()
                reply = err.to_json(_lang())
            except Exception:
                db.session.rollback()
                log.exception("socket event %s failed", name)
                reply = DomainError("server_error").to_json(_lang())
            emit("failed", {"event": name, **reply})
            return reply

        socketio.on(name)(handler)
        return handler

    return register


# The columns the frequent events (contribute, preview, vote, flag, approve, reveal) read; they load
# nothing else of the table (tests/test_hot_path.py counts their statements).
_LIGHT_COLUMNS = (
    CaseTable.id,
    CaseTable.public_id,
    CaseTable.status,
    CaseTable.attribution,
    CaseTable.facilitator_id,
    CaseTable.network_id,
    CaseTable.phase_index,
    CaseTable.phases,
    CaseTable.revealed_phases,
    CaseTable.case_bringer_id,
    CaseTable.note_taker_id,
    CaseTable.pseudonym_salt,
    CaseTable.next_person,
    CaseTable.next_seq,
    CaseTable.next_rev,
)
LOADS = ("light", "table", "state")


def _event_table_query(with_seat: bool, load: str) -> Select[Any]:
    options = [lazyload(CaseTable.network), lazyload(CaseTable.facilitator)]
    if load == "light":
        options.append(load_only(*_LIGHT_COLUMNS))
    else:
        options.append(defer(CaseTable.summary_json))
        if load == "table":
            options += [defer(CaseTable.vignette), defer(CaseTable.question)]
    query = select(CaseTable).options(*options)
    if with_seat:
        query = query.add_columns(Participant).outerjoin(
            Participant,
            and_(
                Participant.table_id == CaseTable.id,
                Participant.token_hash == bindparam("digest"),
            ),
        )
    return query.where(CaseTable.public_id == bindparam("public_id"))


# Built once: constructing these statements (options, join, cache key) cost more CPU than
# running them (benchmarks/post_path.py). Keyed by (seat, load).
_EVENT_TABLE = {
    (seat, load): _event_table_query(seat, load) for seat in (False, True) for load in LOADS
}


def _event_table_and_viewer(public_id: object, load: str = "table") -> tuple[CaseTable, Viewer]:
    """The table an event names and who sends it, in one SELECT.

    Like table_by_public_id + current_viewer, but the sender's seat comes along in the same
    query, and the table's network, facilitator, vignette, question and frozen summary are not
    loaded (no contribution needs them; the state loads them when it does). Load test
    (benchmarks/load.py, post_path.py): those joins, the separate seat lookup and parsing the
    vignette's placeholders were a quarter of a post's CPU.
    """
    if not isinstance(public_id, str) or not public_id.isalnum() or len(public_id) > 32:
        raise DomainError("not_found")
    token = (session.get("seats") or {}).get(public_id)
    participant = None
    if isinstance(token, str) and token:
        row = db.session.execute(
            _EVENT_TABLE[True, load], {"public_id": public_id, "digest": token_digest(token)}
        ).first()
        table, participant = row if row is not None else (None, None)
        if participant is not None and participant.removed:
            participant = None
    else:
        table = db.session.scalar(_EVENT_TABLE[False, load], {"public_id": public_id})
    if table is None:
        raise DomainError("not_found")
    user = current_user._get_current_object() if current_user.is_authenticated else None
    return table, Viewer(user=user, participant=participant)


def _send_update(table: CaseTable, contribution: Any) -> None:
    """A changed contribution to both rooms (participants do not see flags or hidden text)."""
    socketio.emit(
        "contribution_update",
        contribution_service.to_json(contribution, staff=False),
        to=public_room(table.public_id),
    )
    socketio.emit(
        "contribution_update",
        contribution_service.to_json(contribution, staff=True),
        to=staff_room(table.public_id),
    )


def _broadcast_state(table: CaseTable, *, texts: bool = False) -> None:
    """Send the changed table state to both rooms; `texts` when the vignette or question changed.

    Screens merge it into the state they have (docs/protocol.md); the phase list is left out.
    """
    state = table_state(table, phases=False, texts=texts)
    socketio.emit("state", state, to=public_room(table.public_id))
    socketio.emit("state", state, to=staff_room(table.public_id))


def _online_ids(public_id: str) -> set[int]:
    with _lock:
        return {pid for t, pid, _ in _joined.values() if t == public_id and pid is not None}


def _broadcast_presence(table: CaseTable) -> None:
    people = presence_list(table, _online_ids(table.public_id))
    socketio.emit("presence", people, to=public_room(table.public_id))
    socketio.emit("presence", people, to=staff_room(table.public_id))


@table_event("join", joined=False, load="state")
def on_join(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Sender joins the table's room; gets the state and everything after its last seen seq."""
    staff = viewer.manages(table)
    join_room(staff_room(table.public_id) if staff else public_room(table.public_id))
    with _lock:
        _joined[request.sid] = (
            table.public_id,
            viewer.participant.id if viewer.participant and not staff else None,
            staff,
        )
    _broadcast_presence(table)
    return _sync_reply(table, viewer, data)


def _sync_reply(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    after_seq = data.get("after_seq", 0)
    after_rev = data.get("after_rev", 0)
    if not isinstance(after_seq, int) or not isinstance(after_rev, int):
        raise DomainError("invalid")
    staff = viewer.manages(table)
    items = contribution_service.since(table, after_seq, after_rev)
    return {
        "state": table_state(table, _lang()),
        "you": {
            "role": viewer.role_at(table),
            "alias": viewer.participant.alias if viewer.participant and not staff else None,
            "participant": viewer.participant.id if viewer.participant and not staff else None,
        },
        "contributions": [contribution_service.to_json(c, staff=staff) for c in items],
        "notes": note_service.notes_json(table, staff=staff or viewer.is_note_taker(table)),
        "presence": presence_list(table, _online_ids(table.public_id)),
    }


@table_event("sync", load="state")
def on_sync(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """A reconnecting client asks for what it missed after its last seq and rev."""
    return _sync_reply(table, viewer, data)


@table_event("contribute", load="light")
def on_contribute(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Sender posts a contribution; ack after it is stored; the room receives the scrubbed text."""
    public_id, staff = table.public_id, viewer.manages(table)
    contribution, created = contribution_service.add_contribution(
        table,
        viewer,
        client_id=data.get("client_id"),
        kind=data.get("kind"),
        text=data.get("text"),
        referral=data.get("referral"),
    )
    body = contribution_service.to_json(contribution, staff=staff)
    if created and contribution.revealed:
        # A new contribution is the same for both rooms (not hidden, flag count 0), so it goes
        # out once: one JSON encoding and one emit per post instead of two.
        socketio.emit(
            "contribution",
            contribution_service.to_json(contribution, staff=True),
            to=[public_room(public_id), staff_room(public_id)],
        )
    if created and not contribution.revealed:
        socketio.emit(
            "held",
            {"count": contribution_service.held_count(table)},
            to=[public_room(public_id), staff_room(public_id)],
        )
    return {
        "id": contribution.id,
        "seq": contribution.seq,
        "status": "held" if not contribution.revealed else "stored",
        "duplicate": not created,
        "contribution": body,
    }


@table_event("preview", load="light")
def on_preview(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Sender gets its draft scrubbed back; nothing is stored or sent to anyone else."""
    scrubbed = scrub_text(data.get("text"), table=table, preview=True)
    db.session.rollback()
    return {"text": scrubbed.text, "categories": scrubbed.categories}


@table_event("vote", load="light")
def on_vote(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Participant votes (or un-votes) on advice; the room sees the new count."""
    contribution = contribution_service.toggle_vote(table, viewer, data.get("id"))
    _send_update(table, contribution)
    return {"votes": contribution.votes}


@table_event("flag", load="light")
def on_flag(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Someone flags identifying detail; the facilitator's moderation queue gets it."""
    contribution = contribution_service.flag(table, viewer, data.get("id"))
    socketio.emit(
        "contribution_update",
        contribution_service.to_json(contribution, staff=True),
        to=staff_room(table.public_id),
    )
    return {}


@table_event("moderate", manager=True)
def on_moderate(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Facilitator hides, redacts or dismisses; every screen replaces the contribution."""
    contribution = contribution_service.moderate(
        table, viewer, data.get("id"), str(data.get("action")), data.get("text")
    )
    _send_update(table, contribution)
    return {}


@table_event("approve", load="light")
def on_approve(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Case bringer marks advice for the summary."""
    contribution = contribution_service.approve(
        table, viewer, data.get("id"), bool(data.get("approved", True))
    )
    _send_update(table, contribution)
    return {}


@table_event("reveal", manager=True, load="light")
def on_reveal(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Facilitator reveals the silent phase: the room receives all held contributions at once."""
    public_id = table.public_id
    revealed = contribution_service.reveal(table, viewer)
    rooms = [public_room(public_id), staff_room(public_id)]
    # What a reveal changes in the state, built directly (the full state would query the roles
    # and the held count, which is 0 now). It rides along as the event's second argument: one
    # message per screen instead of two, because 20 tables revealing at once wait on each
    # other's writes (benchmarks/load.py, burst scenario).
    patch = {
        "table": public_id,
        "revealed_phases": table.revealed_phases or [],
        "held": 0,
        "last_seq": table.next_seq - 1,
        "last_rev": table.next_rev - 1,
        "server_now": utcnow().isoformat(),
    }
    staff_json = [contribution_service.to_json(c, staff=True) for c in revealed]
    if any(c.hidden or c.flags for c in revealed):  # participants must not see these details
        public_json = [contribution_service.to_json(c, staff=False) for c in revealed]
        socketio.emit("contributions", (public_json, patch), to=rooms[0])
        socketio.emit("contributions", (staff_json, patch), to=rooms[1])
    else:  # the usual case: the same message for both rooms, encoded and emitted once
        socketio.emit("contributions", (staff_json, patch), to=rooms)
    return {"count": len(revealed)}


@table_event("phase", manager=True)
def on_phase(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Facilitator starts, pauses, extends the timer or changes phase; every screen follows."""
    action = data.get("action")
    if action not in table_service.PHASE_ACTIONS:
        raise DomainError("invalid")
    table_service.control_phase(viewer.user, table, action, data.get("value"))  # type: ignore[arg-type]
    _broadcast_state(table)
    return {}


@table_event("set_role", manager=True)
def on_set_role(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Facilitator names the case bringer or the note-taker."""
    pid = data.get("participant")
    if pid is not None and (not isinstance(pid, int) or isinstance(pid, bool)):
        raise DomainError("invalid")
    table_service.set_role(viewer.user, table, str(data.get("role")), pid)  # type: ignore[arg-type]
    _broadcast_state(table)
    _broadcast_presence(table)
    return {}


@table_event("remove", manager=True)
def on_remove(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Facilitator removes a participant from the room."""
    pid = data.get("participant")
    if not isinstance(pid, int) or isinstance(pid, bool):
        raise DomainError("invalid")
    remove_participant(table, pid, viewer.user)
    with _lock:
        gone = [sid for sid, (t, p, _) in _joined.items() if t == table.public_id and p == pid]
    for sid in gone:  # their screens stop receiving the room at once (on this worker)
        socketio.emit("removed", {}, to=sid)
        socketio.server.leave_room(sid, public_room(table.public_id), namespace="/")
        with _lock:
            _joined.pop(sid, None)
    _broadcast_presence(table)
    _broadcast_state(table)
    return {}


@table_event("rights")
def on_rights(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Facilitator or note-taker ticks the rights worth exploring (rechtenverkenning)."""
    if not (viewer.manages(table) or viewer.is_note_taker(table)):
        raise DomainError("not_allowed")
    table_service.set_rights(viewer.actor, table, data.get("rights"))  # type: ignore[arg-type]
    _broadcast_state(table)
    return {}


@table_event("anonymize", manager=True)
def on_anonymize(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Facilitator makes the table fully anonymous; screens resync without aliases."""
    table_service.make_more_anonymous(viewer.user, table)  # type: ignore[arg-type]
    _broadcast_state(table)
    socketio.emit("resync", {}, to=[public_room(table.public_id), staff_room(table.public_id)])
    return {}


@table_event("close", manager=True)
def on_close(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Facilitator closes the table: no new contributions; every screen shows it closed."""
    table_service.close_table(viewer.user, table)  # type: ignore[arg-type]
    _broadcast_state(table)
    return {}


@table_event("note")
def on_note(table: CaseTable, viewer: Viewer, data: Payload) -> Reply:
    """Propose, edit, accept, reject or approve a learning note; the room sees the result."""
    note, created = note_service.handle(table, viewer, data)
    staff_json = note_service.note_json(note, staff=True)
    socketio.emit("note", staff_json, to=staff_room(table.public_id))
    socketio.emit(
        "note", note_service.note_json(note, staff=False), to=public_room(table.public_id)
    )
    return {"note": staff_json, "duplicate": not created}
