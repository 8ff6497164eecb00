"""Typed SQLAlchemy 2.0 models.

Free-text columns use ScrubbedColumn, which accepts only ScrubbedText: raw text cannot be stored
by accident (DESIGN.md section 2). No contribution or note stores a link to a person.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casetable.extensions import db
from casetable.scrub.types import ScrubbedText


def utcnow() -> datetime:
    """Timezone-aware now; stored as UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """DateTime that always comes back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class ScrubbedColumn(TypeDecorator[ScrubbedText]):
    """A text column that only takes ScrubbedText, the output of the scrub choke point."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, ScrubbedText):
            # The message never carries the value: it may be raw identifying text.
            raise TypeError("free-text columns accept only ScrubbedText; scrub the text first")
        return value.text

    def process_result_value(self, value: str | None, dialect: Any) -> ScrubbedText | None:
        return None if value is None else ScrubbedText.from_stored(value)


@event.listens_for(db.Model, "attribute_instrument", propagate=True)
def _guard_scrubbed_attributes(cls: type, key: str, inst: Any) -> None:
    """Refuse raw text already at assignment, before any SQL (and its parameters) exists."""
    column = getattr(getattr(inst, "property", None), "columns", [None])[0]
    if column is not None and isinstance(getattr(column, "type", None), ScrubbedColumn):

        @event.listens_for(inst, "set", propagate=True)
        def _check(target: Any, value: Any, oldvalue: Any, initiator: Any) -> None:
            if value is not None and not isinstance(value, ScrubbedText):
                raise TypeError("free-text columns accept only ScrubbedText; scrub the text first")


class Role(enum.StrEnum):
    ADMIN = "admin"
    FACILITATOR = "facilitator"
    COORDINATOR = "coordinator"


class TableStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    ARCHIVED = "archived"


class Attribution(enum.StrEnum):
    ALIAS = "alias"  # "CAW 2"
    ANONYMOUS = "anonymous"


user_networks = Table(
    "user_networks",
    db.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("network_id", ForeignKey("networks.id", ondelete="CASCADE"), primary_key=True),
)


class Network(db.Model):
    """A local partnership (lokaal team) that tables belong to."""

    __tablename__ = "networks"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    province: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(UserMixin, db.Model):
    """A staff account: administrator, facilitator or coordinator."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(5), default="nl")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    networks: Mapped[list[Network]] = relationship(secondary=user_networks, lazy="selectin")

    @property
    def is_active(self) -> bool:  # Flask-Login
        return bool(self.active)

    def get_id(self) -> str:
        """Session id includes a version, so 'log out everywhere' and resets invalidate it."""
        return f"{self.id}:{self.session_version}"

    def network_ids(self) -> set[int]:
        return {n.id for n in self.networks}


class SetupToken(db.Model):
    """One-time token for creating the first administrator (only its hash is stored)."""

    __tablename__ = "setup_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CatalogueItem(db.Model):
    """An entry of an editable catalogue: service, theme, target_group (doelgroep) or right."""

    __tablename__ = "catalogue_items"
    __table_args__ = (UniqueConstraint("kind", "slug"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    slug: Mapped[str] = mapped_column(String(60))
    label_nl: Mapped[str] = mapped_column(String(160))
    label_en: Mapped[str] = mapped_column(String(160))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def label(self, lang: str = "nl") -> str:
        return self.label_en if lang == "en" else self.label_nl


class MethodTemplate(db.Model):
    """A method as data: phases with goal, prompt, minutes and which kinds are open."""

    __tablename__ = "method_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name_nl: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    description_nl: Mapped[str] = mapped_column(Text, default="")
    phases: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def name(self, lang: str = "nl") -> str:
        return self.name_en if lang == "en" else self.name_nl


class CaseTable(db.Model):
    """One anonymous case table (casustafel) and its live state."""

    __tablename__ = "case_tables"
    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    title: Mapped[ScrubbedText] = mapped_column(ScrubbedColumn)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"), index=True)
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    method_slug: Mapped[str] = mapped_column(String(60))
    method_name: Mapped[str] = mapped_column(String(120))
    phases: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # snapshot of the template
    scheduled_for: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default=TableStatus.DRAFT, index=True)
    attribution: Mapped[str] = mapped_column(String(12), default=Attribution.ALIAS)
    join_code: Mapped[str | None] = mapped_column(String(16), unique=True, nullable=True)
    vignette: Mapped[ScrubbedText | None] = mapped_column(ScrubbedColumn, nullable=True)
    question: Mapped[ScrubbedText | None] = mapped_column(ScrubbedColumn, nullable=True)
    vignette_posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    consent_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    consent_basis: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reident_level: Mapped[str | None] = mapped_column(String(12), nullable=True)
    phase_index: Mapped[int] = mapped_column(Integer, default=0)
    phase_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    timer_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    timer_remaining: Mapped[int | None] = mapped_column(Integer, nullable=True)  # when paused
    # Set by the first start of the countdown in the current phase, cleared when a phase starts:
    # screens tell "not started" from "paused" by it, whatever the remaining time.
    timer_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    phase_seconds: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    revealed_phases: Mapped[list[int]] = mapped_column(JSON, default=list)
    rights_checked: Mapped[list[str]] = mapped_column(JSON, default=list)
    case_bringer_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note_taker_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    next_rev: Mapped[int] = mapped_column(Integer, default=1)
    next_person: Mapped[int] = mapped_column(Integer, default=1)
    pseudonym_salt: Mapped[bytes | None] = mapped_column(LargeBinary(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    summary_json: Mapped[str | None] = mapped_column(Text, nullable=True)  # frozen at close

    network: Mapped[Network] = relationship(lazy="joined")
    facilitator: Mapped[User] = relationship(lazy="joined")

    @property
    def phase(self) -> dict[str, Any]:
        return self.phases[min(self.phase_index, len(self.phases) - 1)]

    @property
    def is_open(self) -> bool:
        return self.status == TableStatus.OPEN


class Participant(db.Model):
    """Someone at the table without an account: a service and an alias, never a name."""

    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("table_id", "alias"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("case_tables.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    service_slug: Mapped[str] = mapped_column(String(60))
    alias: Mapped[str] = mapped_column(String(80))
    rules_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class Contribution(db.Model):
    """A typed, scrubbed contribution. author_label is the alias the room saw, or None."""

    __tablename__ = "contributions"
    __table_args__ = (
        UniqueConstraint("table_id", "client_id"),
        UniqueConstraint("table_id", "seq"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("case_tables.id", ondelete="CASCADE"), index=True
    )
    client_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None until visible
    rev: Mapped[int] = mapped_column(Integer, default=0)
    phase_index: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    body: Mapped[ScrubbedText] = mapped_column(ScrubbedColumn)
    author_label: Mapped[str | None] = mapped_column(String(80), nullable=True)
    author_service: Mapped[str | None] = mapped_column(String(60), nullable=True)
    referral_service: Mapped[str | None] = mapped_column(String(60), nullable=True)
    revealed: Mapped[bool] = mapped_column(Boolean, default=True)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)
    votes: Mapped[int] = mapped_column(Integer, default=0)
    flags: Mapped[int] = mapped_column(Integer, default=0)
    approved: Mapped[bool] = mapped_column(Boolean, default=False)  # by the case bringer
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Vote(db.Model):
    """One participant's vote on one piece of advice (counts only are shown)."""

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("contribution_id", "participant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))


class Flag(db.Model):
    """A participant's signal that a contribution still identifies someone."""

    __tablename__ = "flags"
    __table_args__ = (UniqueConstraint("contribution_id", "participant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Note(db.Model):
    """A learning note or signal; kept after the contributions are purged."""

    __tablename__ = "notes"
    __table_args__ = (UniqueConstraint("table_id", "client_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("case_tables.id", ondelete="CASCADE"), index=True
    )
    client_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(30))  # leerpunt, signaal, goede_praktijk, afspraak
    body: Mapped[ScrubbedText] = mapped_column(ScrubbedColumn)
    status: Mapped[str] = mapped_column(String(12), default="proposed")  # accepted, rejected
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    rights: Mapped[list[str]] = mapped_column(JSON, default=list)
    level: Mapped[str | None] = mapped_column(String(30), nullable=True)
    urgency: Mapped[str | None] = mapped_column(String(12), nullable=True)
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    source_contribution_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rev: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Pseudonym(db.Model):
    """Keyed hash (HMAC, per-table key) of a name form -> its [persoon N]; never the name."""

    __tablename__ = "pseudonyms"
    __table_args__ = (UniqueConstraint("table_id", "digest"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("case_tables.id", ondelete="CASCADE"), index=True
    )
    digest: Mapped[str] = mapped_column(String(64))
    number: Mapped[int] = mapped_column(Integer)


class AuditEvent(db.Model):
    """Who did what when; never a text body (details are ids, counts and categories)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40), index=True)
    table_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
