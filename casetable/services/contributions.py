"""Contributions: idempotent posting, silent writing and reveal, votes, flags, moderation, sync."""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict, deque
from typing import Any

from flask import current_app
from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from casetable import seed_data
from casetable.extensions import db
from casetable.models import (
    Attribution,
    CaseTable,
    Contribution,
    Flag,
    TableStatus,
    Vote,
    utcnow,
)
from casetable.scrub.types import ScrubbedText
from casetable.services import audit, counters
from casetable.services.catalogue import catalogue_slugs
from casetable.services.errors import DomainError
from casetable.services.scrubbing import scrub_text
from casetable.services.tables import next_rev_value
from casetable.services.viewer import Viewer

CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
REDACTED_TEXT = "[verwijderd door de gespreksleider]"


class _RateWindow:
    """Per-participant sliding window; per process, which is what one table's worker sees."""

    def __init__(self) -> None:
        self._hits: dict[int, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: int, limit: int, seconds: float) -> bool:
        now = time.monotonic()
        with self._lock:
            hits = self._hits[key]
            while hits and now - hits[0] > seconds:
                hits.popleft()
            if len(hits) >= limit:
                return False
            hits.append(now)
            return True


_rate = _RateWindow()


def add_contribution(
    table: CaseTable,
    viewer: Viewer,
    *,
    client_id: object,
    kind: object,
    text: object,
    referral: object = None,
) -> tuple[Contribution, bool]:
    """Store a contribution once per client id; returns it and whether it is new.

    The sender's client resends unacknowledged contributions after a reconnect, so a known
    client id returns the stored contribution instead of a second copy.
    """
    if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
        raise DomainError("invalid")
    try:
        contribution = _new_contribution(table, viewer, client_id, kind, text, referral)
        contribution.id = db.session.execute(_INSERT, _row(contribution)).scalar_one()
        db.session.commit()
    except (DomainError, IntegrityError):
        # A resend of a stored contribution (its ack was lost) must get that contribution back,
        # also when the phase has moved on since; the unique (table, client id) constraint
        # catches a resend that raced in from a second connection. Looked up only here, so a
        # fresh post costs no extra query.
        db.session.rollback()
        existing = _by_client_id(table, client_id)
        if existing is None:
            raise
        return existing, False
    return contribution, True


def _new_contribution(
    table: CaseTable, viewer: Viewer, client_id: str, kind: object, text: object, referral: object
) -> Contribution:
    _check_may_post(table, viewer, kind)
    if viewer.participant is not None:
        limit, seconds = current_app.config["CONTRIBUTION_RATE"]
        if not _rate.allow(viewer.participant.id, limit, seconds):
            raise DomainError("rate_limited")
    if referral is not None and referral not in catalogue_slugs("service"):
        raise DomainError("invalid")
    body = scrub_text(text, table=table)
    phase = table.phase
    silent = bool(phase.get("silent")) and table.phase_index not in (table.revealed_phases or [])
    label = None
    if table.attribution == Attribution.ALIAS:
        label = viewer.participant.alias if viewer.participant else "Gespreksleider"
    return Contribution(
        table_id=table.id,
        client_id=client_id,
        rev=0,
        hidden=False,
        redacted=False,
        votes=0,
        flags=0,
        approved=False,
        created_at=utcnow(),
        phase_index=table.phase_index,
        kind=str(kind),
        body=body,
        author_label=label,
        author_service=viewer.participant.service_slug if viewer.participant else None,
        referral_service=referral if kind == "advies" else None,
        revealed=not silent,
        seq=None if silent else _take_seq(table),
    )


_CONTRIBUTIONS = Contribution.__table__
# A new contribution is written with one prebuilt INSERT, not through the session's unit of
# work: that flush was the largest single cost of a post (benchmarks/post_path.py). The object
# stays outside the session; it is only read (to_json) after this.
_INSERT = insert(_CONTRIBUTIONS).returning(_CONTRIBUTIONS.c.id)


_REVEAL = (
    update(_CONTRIBUTIONS)
    .where(_CONTRIBUTIONS.c.id == bindparam("cid"))
    .values(revealed=True, seq=bindparam("seq"))
)


_TABLES = CaseTable.__table__
_REVEAL_TABLE = (
    update(_TABLES)
    .where(_TABLES.c.id == bindparam("table_id"))
    .values(
        next_seq=_TABLES.c.next_seq + bindparam("count"),
        revealed_phases=bindparam("now_revealed"),
    )
    .returning(_TABLES.c.next_seq)
)


def _row(contribution: Contribution) -> dict[str, Any]:
    return {
        column.key: getattr(contribution, column.key)
        for column in _CONTRIBUTIONS.columns
        if column.key != "id"
    }


def _by_client_id(table: CaseTable, client_id: str) -> Contribution | None:
    return db.session.scalar(
        select(Contribution).where(
            Contribution.table_id == table.id, Contribution.client_id == client_id
        )
    )


def _check_may_post(table: CaseTable, viewer: Viewer, kind: object) -> None:
    if table.status == TableStatus.CLOSED or table.status == TableStatus.ARCHIVED:
        raise DomainError("closed")
    if table.status != TableStatus.OPEN:
        raise DomainError("not_open")
    if not viewer.in_room(table):
        raise DomainError("forbidden")
    phase = table.phase
    if not isinstance(kind, str) or kind not in seed_data.KINDS:
        raise DomainError("invalid")
    if kind not in phase.get("kinds", []):
        raise DomainError("kind_closed")
    if viewer.manages(table):
        return
    if kind in seed_data.BRINGER_KINDS and not viewer.is_case_bringer(table):
        raise DomainError("bringer_only")
    if phase.get("bringer_listens") and viewer.is_case_bringer(table):
        raise DomainError("bringer_listens")


def _take_seq(table: CaseTable) -> int:
    """Atomic per-table sequence: the row stays locked until commit, so numbers have no gaps.

    (A reveal takes all its numbers in its own UPDATE of the table row, _REVEAL_TABLE.)"""
    after = counters.take(table.id, "next_seq")
    set_committed_value(table, "next_seq", after)  # the state's last_seq reads it
    return after - 1


_HELD = (
    select(Contribution)
    .where(
        Contribution.table_id == bindparam("table_id"),
        Contribution.phase_index == bindparam("phase_index"),
        Contribution.revealed.is_(False),
    )
    .order_by(Contribution.id)
)


def reveal(table: CaseTable, viewer: Viewer) -> list[Contribution]:
    """Reveal the silently written contributions of the current phase, in the order written."""
    _require_manager(table, viewer)
    params = {"table_id": table.id, "phase_index": table.phase_index}
    held = list(db.session.scalars(_HELD, params))
    phases = sorted({*(table.revealed_phases or []), table.phase_index})
    # The sequence numbers and the revealed phase in one UPDATE of the table row (no unit of
    # work flush), the contributions in one executemany: 20 tables revealing at the same moment
    # wait on each other's reveals (benchmarks/load.py, burst scenario).
    after = db.session.execute(
        _REVEAL_TABLE, {"table_id": table.id, "count": len(held), "now_revealed": phases}
    ).scalar_one()
    set_committed_value(table, "next_seq", after)
    set_committed_value(table, "revealed_phases", phases)
    if held:
        first = after - len(held)
        db.session.execute(
            _REVEAL, [{"cid": c.id, "seq": first + i} for i, c in enumerate(held)]
        )
        for offset, contribution in enumerate(held):
            set_committed_value(contribution, "revealed", True)
            set_committed_value(contribution, "seq", first + offset)
    audit.record("reveal", viewer.actor, table.id, count=len(held))
    db.session.commit()
    return held


_HELD_COUNT = (
    select(func.count())
    .select_from(_CONTRIBUTIONS)
    .where(
        _CONTRIBUTIONS.c.table_id == bindparam("table_id"),
        _CONTRIBUTIONS.c.phase_index == bindparam("phase_index"),
        _CONTRIBUTIONS.c.revealed.is_(False),
    )
)


def held_count(table: CaseTable) -> int:
    """How many contributions wait to be revealed in the current phase (not who wrote them)."""
    params = {"table_id": table.id, "phase_index": table.phase_index}
    return int(db.session.scalar(_HELD_COUNT, params) or 0)


def toggle_vote(table: CaseTable, viewer: Viewer, contribution_id: object) -> Contribution:
    """A participant votes for a piece of advice, or takes the vote back."""
    contribution = _visible(table, contribution_id)
    if not viewer.sits_at(table) or table.status != TableStatus.OPEN:
        raise DomainError("not_allowed")
    if contribution.kind != "advies" or contribution.hidden:
        raise DomainError("voting_closed")
    assert viewer.participant is not None
    vote = db.session.scalar(
        select(Vote).where(
            Vote.contribution_id == contribution.id, Vote.participant_id == viewer.participant.id
        )
    )
    if vote is None:
        db.session.add(Vote(contribution_id=contribution.id, participant_id=viewer.participant.id))
    else:
        db.session.delete(vote)
    db.session.flush()
    votes = int(
        db.session.scalar(
            select(func.count()).select_from(Vote).where(Vote.contribution_id == contribution.id)
        )
        or 0
    )
    # Take the rev before changing the row: one UPDATE of it at commit, not an autoflush too.
    rev = next_rev_value(table)
    contribution.votes, contribution.rev = votes, rev
    db.session.commit()
    return contribution


def flag(table: CaseTable, viewer: Viewer, contribution_id: object) -> Contribution:
    """A participant signals that a contribution still identifies someone."""
    contribution = _visible(table, contribution_id)
    if not viewer.in_room(table):
        raise DomainError("forbidden")
    participant_id = viewer.participant.id if viewer.participant else None
    if participant_id is not None and db.session.scalar(
        select(Flag).where(
            Flag.contribution_id == contribution.id, Flag.participant_id == participant_id
        )
    ):
        return contribution
    rev = next_rev_value(table)  # before the changes below: no separate autoflush
    db.session.add(Flag(contribution_id=contribution.id, participant_id=participant_id))
    contribution.flags += 1
    contribution.rev = rev
    audit.record("flag", viewer.actor, table.id, contribution=contribution.id)
    db.session.commit()
    return contribution


def moderate(
    table: CaseTable, viewer: Viewer, contribution_id: object, action: str, text: object = None
) -> Contribution:
    """Facilitator: hide, unhide, redact (replace the stored text everywhere) or dismiss flags."""
    _require_manager(table, viewer)
    contribution = _any(table, contribution_id)
    if action == "hide":
        contribution.hidden = True
    elif action == "unhide":
        contribution.hidden = False
    elif action == "redact":
        if text:
            contribution.body = scrub_text(text, table=table)
        else:
            contribution.body = ScrubbedText(REDACTED_TEXT)
        contribution.redacted = True
        _resolve_flags(contribution)
    elif action == "dismiss":
        _resolve_flags(contribution)
        contribution.flags = 0
    else:
        raise DomainError("invalid")
    contribution.rev = next_rev_value(table)
    audit.record("moderate_" + action, viewer.actor, table.id, contribution=contribution.id)
    db.session.commit()
    return contribution


def _resolve_flags(contribution: Contribution) -> None:
    db.session.execute(
        update(Flag).where(Flag.contribution_id == contribution.id).values(resolved=True)
    )
    contribution.flags = 0


def approve(
    table: CaseTable, viewer: Viewer, contribution_id: object, approved: bool
) -> Contribution:
    """The case bringer (or facilitator) marks advice as taken into the summary."""
    contribution = _visible(table, contribution_id)
    if not (viewer.is_case_bringer(table) or viewer.manages(table)):
        raise DomainError("not_allowed")
    if contribution.kind != "advies":
        raise DomainError("invalid")
    contribution.approved = bool(approved)
    contribution.rev = next_rev_value(table)
    audit.record("approve_advice", viewer.actor, table.id, approved=bool(approved))
    db.session.commit()
    return contribution


def _any(table: CaseTable, contribution_id: object) -> Contribution:
    if not isinstance(contribution_id, int) or isinstance(contribution_id, bool):
        raise DomainError("invalid")
    contribution = db.session.get(Contribution, contribution_id)
    if contribution is None or contribution.table_id != table.id:
        raise DomainError("no_such_contribution")
    return contribution


def _visible(table: CaseTable, contribution_id: object) -> Contribution:
    contribution = _any(table, contribution_id)
    if not contribution.revealed:
        raise DomainError("no_such_contribution")
    return contribution


def _require_manager(table: CaseTable, viewer: Viewer) -> None:
    if not viewer.manages(table):
        raise DomainError("forbidden")


def since(table: CaseTable, after_seq: int, after_rev: int) -> list[Contribution]:
    """Visible contributions a reconnecting client misses: new ones and ones changed since."""
    return list(
        db.session.scalars(
            select(Contribution)
            .where(
                Contribution.table_id == table.id,
                Contribution.revealed.is_(True),
                (Contribution.seq > after_seq) | (Contribution.rev > after_rev),
            )
            .order_by(Contribution.seq)
        )
    )


def to_json(contribution: Contribution, *, staff: bool) -> dict[str, Any]:
    """What a screen receives; hidden bodies go to staff only, flags count to staff only."""
    hidden_for_viewer = contribution.hidden and not staff
    body: ScrubbedText = contribution.body
    return {
        "id": contribution.id,
        "seq": contribution.seq,
        "rev": contribution.rev,
        "client_id": contribution.client_id,
        "phase": contribution.phase_index,
        "kind": contribution.kind,
        "text": None if hidden_for_viewer else body.text,
        "categories": [] if hidden_for_viewer else body.categories,
        "author": contribution.author_label,
        "votes": contribution.votes,
        "hidden": contribution.hidden,
        "redacted": contribution.redacted,
        "approved": contribution.approved,
        "referral": contribution.referral_service,
        "flags": contribution.flags if staff else None,
        "at": contribution.created_at.isoformat(timespec="seconds"),
    }
