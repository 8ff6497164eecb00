"""The audit log: who did what and when, never what was written."""

from __future__ import annotations

import logging
from typing import Any

from casetable.extensions import db
from casetable.models import AuditEvent, Participant, User

log = logging.getLogger("casetable.audit")

_ALLOWED_DETAIL_TYPES = (int, float, bool, type(None))


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
    """Add an audit event to the session (the caller commits); details must be short tokens."""
    safe: dict[str, Any] = {}
    for key, value in details.items():
        if isinstance(value, _ALLOWED_DETAIL_TYPES) or (
            isinstance(value, str) and len(value) <= 60
        ):
            safe[key] = value
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            safe[key] = [v[:60] for v in value][:20]
    db.session.add(
        AuditEvent(action=action, actor=actor_label(actor), table_id=table_id, details=safe)
    )
    log.info("audit %s by %s table=%s", action, actor_label(actor), table_id)
