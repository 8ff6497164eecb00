"""Participants: join with a code, pick a service, accept the house rules."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from casetable import seed_data
from casetable.extensions import db
from casetable.models import CaseTable, Participant, TableStatus, utcnow
from casetable.services import audit
from casetable.services.catalogue import catalogue_slugs, labels
from casetable.services.errors import DomainError
from casetable.services.tables import normalise_code


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def find_table_by_code(code: object) -> CaseTable:
    """The open table with this join code, or bad_code (same answer for every failure)."""
    normal = normalise_code(code)
    if len(normal) < 8:
        raise DomainError("bad_code")
    table = db.session.scalar(select(CaseTable).where(CaseTable.join_code == normal))
    if table is None or table.status != TableStatus.OPEN:
        raise DomainError("bad_code")
    return table


def join_table(
    table: CaseTable, service_slug: str, rules_accepted: bool
) -> tuple[Participant, str]:
    """Create a participant with an alias like 'CAW 2'; returns it and its secret token."""
    if table.status != TableStatus.OPEN:
        raise DomainError("bad_code")
    if service_slug not in catalogue_slugs("service"):
        raise DomainError("invalid")
    if not rules_accepted:
        raise DomainError("rules_required")
    base = seed_data.SERVICE_ALIASES.get(service_slug) or labels("service").get(service_slug, "?")
    token = secrets.token_urlsafe(32)
    for _ in range(5):  # two people of one service joining at once: retry the number
        taken = db.session.scalar(
            select(func.count())
            .select_from(Participant)
            .where(Participant.table_id == table.id, Participant.service_slug == service_slug)
        )
        participant = Participant(
            table_id=table.id,
            token_hash=token_digest(token),
            service_slug=service_slug,
            alias=f"{base} {int(taken or 0) + 1}",
            rules_accepted_at=utcnow(),
        )
        db.session.add(participant)
        try:
            db.session.flush()
        except IntegrityError:
            db.session.rollback()
            continue
        audit.record("join", participant, table.id, service=service_slug)
        db.session.commit()
        return participant, token
    raise DomainError("server_error")


def participant_by_token(table: CaseTable, token: object) -> Participant | None:
    """The participant this browser is at this table, if any."""
    if not isinstance(token, str) or not token:
        return None
    participant = db.session.scalar(
        select(Participant).where(Participant.token_hash == token_digest(token))
    )
    if participant is None or participant.table_id != table.id or participant.removed:
        return None
    return participant


def remove_participant(table: CaseTable, participant_id: int, actor: object) -> Participant:
    """The facilitator removes someone from the room (their contributions stay, unattributed)."""
    participant = db.session.get(Participant, participant_id)
    if participant is None or participant.table_id != table.id:
        raise DomainError("no_such_participant")
    participant.removed = True
    if table.case_bringer_id == participant.id:
        table.case_bringer_id = None
    if table.note_taker_id == participant.id:
        table.note_taker_id = None
    audit.record("remove_participant", actor, table.id)  # type: ignore[arg-type]
    db.session.commit()
    return participant
