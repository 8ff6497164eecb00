"""Case tables: create, open, vignette, phases and timer, roles, attribution, close."""

from __future__ import annotations

import copy
import secrets
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.orm.attributes import set_committed_value

from casetable.extensions import db
from casetable.models import (
    Attribution,
    CaseTable,
    Contribution,
    MethodTemplate,
    Network,
    Participant,
    Role,
    TableStatus,
    User,
    utcnow,
)
from casetable.services import audit, counters
from casetable.services.errors import DomainError
from casetable.services.scrubbing import destroy_pseudonyms, scrub_text

# Crockford base32 without I, L, O, U: easy to read aloud and to type on a phone.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def normalise_code(code: object) -> str:
    """'abcde-fghjk ' -> 'ABCDEFGHJK'; tolerant of the usual misreadings."""
    if not isinstance(code, str):
        return ""
    return "".join(ch for ch in code.upper().translate(_CODE_FIXES) if ch in CODE_ALPHABET)[:32]


def format_code(code: str | None) -> str:
    """Show a join code in groups of five: 'ABCDE-FGHJK'."""
    if not code:
        return ""
    return "-".join(code[i : i + 5] for i in range(0, len(code), 5))


def _new_code() -> str:
    length = int(current_app.config["JOIN_CODE_LENGTH"])
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def can_manage(user: User, table: CaseTable) -> bool:
    """The facilitator of the table, or an administrator."""
    return user.role == Role.ADMIN or table.facilitator_id == user.id


def create_table(
    user: User,
    *,
    title: str,
    network_id: int,
    method_slug: str,
    scheduled_for: datetime,
    attribution: str = Attribution.ALIAS,
) -> CaseTable:
    """A facilitator creates a draft table from a method template in one of their networks."""
    if user.role not in (Role.FACILITATOR, Role.ADMIN):
        raise DomainError("not_allowed")
    network = db.session.get(Network, network_id)
    if network is None or (user.role != Role.ADMIN and network_id not in user.network_ids()):
        raise DomainError("forbidden")
    method = db.session.scalar(
        select(MethodTemplate).where(
            MethodTemplate.slug == method_slug, MethodTemplate.active.is_(True)
        )
    )
    if method is None:
        raise DomainError("invalid")
    if attribution not in (Attribution.ALIAS, Attribution.ANONYMOUS):
        raise DomainError("invalid")
    table = CaseTable(
        public_id=secrets.token_hex(8),
        title=scrub_text(title, table=None, limit=160),
        network_id=network.id,
        facilitator_id=user.id,
        method_slug=method.slug,
        method_name=method.name_nl,
        phases=copy.deepcopy(method.phases),
        scheduled_for=scheduled_for,
        attribution=attribution,
        pseudonym_salt=secrets.token_bytes(32),
        phase_seconds={},
        revealed_phases=[],
        rights_checked=[],
    )
    db.session.add(table)
    db.session.flush()
    audit.record("create_table", user, table.id, method=method.slug)
    db.session.commit()
    return table


def open_table(user: User, table: CaseTable) -> CaseTable:
    """Open the table: the join code becomes active and the first phase starts."""
    _require_manager(user, table)
    if table.status != TableStatus.DRAFT:
        raise DomainError("not_allowed")
    table.status = TableStatus.OPEN
    table.opened_at = utcnow()
    table.join_code = _unique_code()
    _start_phase(table, 0)
    audit.record("open_table", user, table.id)
    db.session.commit()
    return table


def _unique_code() -> str:
    while True:
        code = _new_code()
        if not db.session.scalar(select(CaseTable.id).where(CaseTable.join_code == code)):
            return code


def post_vignette(
    user: User, table: CaseTable, *, vignette: str, question: str, consent: str | None
) -> CaseTable:
    """Post the case vignette and question, after the consent confirmation (Krachtlijn 5)."""
    _require_manager(user, table)
    if table.status not in (TableStatus.DRAFT, TableStatus.OPEN):
        raise DomainError("closed")
    if consent not in ("informed", "not_identifiable"):
        raise DomainError("consent_required")
    from casetable.scrub.reident import assess

    limit = current_app.config["MAX_VIGNETTE_LENGTH"]
    table.vignette = scrub_text(vignette, table=table, limit=limit)
    table.question = scrub_text(question, table=table, limit=2000, required=False)
    table.reident_level = assess(table.vignette.text).level
    table.consent_confirmed_at = utcnow()
    table.consent_basis = consent
    table.vignette_posted_at = utcnow()
    bump_rev(table)
    audit.record(
        "post_vignette", user, table.id, consent=consent, redactions=len(table.vignette.redactions)
    )
    db.session.commit()
    return table


def _start_phase(table: CaseTable, index: int) -> None:
    now = utcnow()
    _account_phase_time(table, now)
    table.phase_index = index
    table.phase_started_at = now
    minutes = int(table.phases[index].get("minutes") or 0)
    table.timer_remaining = minutes * 60
    table.timer_ends_at = None  # the facilitator starts the countdown
    table.timer_started_at = None


def _account_phase_time(table: CaseTable, now: datetime) -> None:
    if table.phase_started_at is not None:
        key = str(table.phase_index)
        spent = int((now - table.phase_started_at).total_seconds())
        seconds = dict(table.phase_seconds or {})
        seconds[key] = seconds.get(key, 0) + max(spent, 0)
        table.phase_seconds = seconds


PHASE_ACTIONS = ("start", "pause", "extend", "next", "prev", "goto")


def control_phase(user: User, table: CaseTable, action: str, value: int | None = None) -> None:
    """Start, pause or extend the countdown, or move to another phase."""
    _require_manager(user, table)
    if not table.is_open:
        raise DomainError("not_open")
    now = utcnow()
    if action == "start":
        if table.timer_ends_at is None:
            table.timer_ends_at = now + timedelta(seconds=max(table.timer_remaining or 0, 0))
            table.timer_remaining = None
            if table.timer_started_at is None:
                table.timer_started_at = now
    elif action == "pause":
        if table.timer_ends_at is not None:
            left = int((table.timer_ends_at - now).total_seconds())
            table.timer_remaining = max(left, 0)
            table.timer_ends_at = None
    elif action == "extend":
        minutes = value if isinstance(value, int) and 1 <= value <= 60 else 5
        if table.timer_ends_at is not None:
            table.timer_ends_at = max(table.timer_ends_at, now) + timedelta(minutes=minutes)
        else:
            table.timer_remaining = max(table.timer_remaining or 0, 0) + minutes * 60
    elif action in ("next", "prev", "goto"):
        target = {
            "next": table.phase_index + 1,
            "prev": table.phase_index - 1,
            "goto": value if isinstance(value, int) else -1,
        }[action]
        if not 0 <= target < len(table.phases):
            raise DomainError("invalid")
        _start_phase(table, target)
    else:
        raise DomainError("invalid")
    bump_rev(table)
    audit.record("phase_" + action, user, table.id, phase=table.phase_index)
    db.session.commit()


def set_role(user: User, table: CaseTable, role: str, participant_id: int | None) -> None:
    """Make one participant the case bringer or the note-taker (or nobody)."""
    _require_manager(user, table)
    if role not in ("case_bringer", "note_taker"):
        raise DomainError("invalid")
    if participant_id is not None:
        participant = db.session.get(Participant, participant_id)
        if participant is None or participant.table_id != table.id or participant.removed:
            raise DomainError("no_such_participant")
    setattr(table, f"{role}_id", participant_id)
    bump_rev(table)
    audit.record("set_role", user, table.id, role=role)
    db.session.commit()


def make_more_anonymous(user: User, table: CaseTable) -> None:
    """Switch to fully anonymous attribution; aliases are removed from stored contributions."""
    _require_manager(user, table)
    if table.attribution == Attribution.ANONYMOUS:
        return
    table.attribution = Attribution.ANONYMOUS
    db.session.execute(
        update(Contribution)
        .where(Contribution.table_id == table.id)
        .values(author_label=None, rev=next_rev_value(table))
    )
    audit.record("attribution_anonymous", user, table.id)
    db.session.commit()


def set_rights(actor: User | Participant, table: CaseTable, slugs: list[str]) -> None:
    """Tick the rights worth exploring for the family (rechtenverkenning)."""
    from casetable.services.catalogue import catalogue_slugs

    known = catalogue_slugs("right")
    if not isinstance(slugs, list) or any(s not in known for s in slugs):
        raise DomainError("invalid")
    if table.status != TableStatus.OPEN:
        raise DomainError("not_open")
    table.rights_checked = sorted(set(slugs))
    bump_rev(table)
    audit.record("rights_checked", actor, table.id, count=len(slugs))
    db.session.commit()


def close_table(user: User, table: CaseTable) -> None:
    """Close: no new contributions, the join code and the pseudonym key are destroyed."""
    _require_manager(user, table)
    if table.status != TableStatus.OPEN:
        raise DomainError("not_open")
    now = utcnow()
    _account_phase_time(table, now)
    table.phase_started_at = None
    table.timer_ends_at = None
    table.status = TableStatus.CLOSED
    table.closed_at = now
    table.join_code = None
    removed = destroy_pseudonyms(table)
    bump_rev(table)
    audit.record("close_table", user, table.id, pseudonyms_destroyed=removed)
    db.session.commit()


def next_rev_value(table: CaseTable) -> int:
    """Atomically take the table's next revision number (for resync of changed items)."""
    after = counters.take(table.id, "next_rev")
    set_committed_value(table, "next_rev", after)  # the state's last_rev reads it
    return after - 1


def bump_rev(table: CaseTable) -> int:
    """Mark a table-level change (phase, roles, vignette) so reconnecting clients refresh."""
    return next_rev_value(table)


def _require_manager(user: User, table: CaseTable) -> None:
    if not can_manage(user, table):
        raise DomainError("forbidden")


def tables_for(user: User) -> list[CaseTable]:
    """The tables a staff member may see in their list."""
    query = select(CaseTable).order_by(CaseTable.scheduled_for.desc(), CaseTable.id.desc())
    if user.role == Role.FACILITATOR:
        query = query.where(CaseTable.facilitator_id == user.id)
    elif user.role == Role.COORDINATOR:
        query = query.where(CaseTable.network_id.in_(user.network_ids() or {-1}))
    return list(db.session.scalars(query))


def table_by_public_id(public_id: object) -> CaseTable:
    """Look a table up by its public id, or refuse with not_found."""
    if not isinstance(public_id, str) or not public_id.isalnum() or len(public_id) > 32:
        raise DomainError("not_found")
    table = db.session.scalar(select(CaseTable).where(CaseTable.public_id == public_id))
    if table is None:
        raise DomainError("not_found")
    return table


def participant_count(table: CaseTable) -> int:
    return int(
        db.session.scalar(
            select(func.count())
            .select_from(Participant)
            .where(Participant.table_id == table.id, Participant.removed.is_(False))
        )
        or 0
    )
