"""The audit log: who did what and when, never what was written."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import insert

from casetable.extensions import db
from casetable.models import AuditEvent, Participant, User, utcnow

log = logging.getLogger("casetable.audit")

_ALLOWED_DETAIL_TYPES = (int, float, bool, type(None))
# One prebuilt INSERT in the caller's transaction instead of an object for the unit of work: an
# audit line is written by nearly every event, and flushing the object cost more than the rest
# of a reveal's bookkeeping (benchmarks/load.py, burst scenario).
_INSERT = insert(AuditEvent.__table__)


def actor_label(actor: User | Participant | str | None) -> str:
    """A stable, non-identifying label: 'user:3', 'participant:17', 'system'."""
    if isinstance(actor, User):
        return f"user:{actor.id}"
    if isinstance(actor, Participant):
        return f"participant:{actor.id}"
    return actor or "system"


def record(
    action: str,
    actor: User | Participant | str | None = None,
    table_id: int | None = None,
    **details: Any,
) -> None:
    """Write an audit event in the current transaction (the caller commits, or a rollback takes
    it back); details must be short tokens."""
    safe: dict[str, Any] = {}
    for key, value in details.items():
        if isinstance(value, _ALLOWED_DETAIL_TYPES) or (
            isinstance(value, str) and len(value) <= 60
        ):
            safe[key] = value
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            safe[key] = [v[:60] for v in value][:20]
    label = actor_label(actor)
    db.session.execute(
        _INSERT,
        {"at": utcnow(), "action": action, "actor": label, "table_id": table_id, "details": safe},
    )
    log.info("audit %s by %s table=%s", action, label, table_id)
