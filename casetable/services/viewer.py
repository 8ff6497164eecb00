"""Who is acting at a table: a staff user or a participant. Roles are checked here, once."""

from __future__ import annotations

from dataclasses import dataclass

from casetable.models import CaseTable, Participant, Role, User


@dataclass(frozen=True)
class Viewer:
    """The sender of a request or event, resolved from the server-side session."""

    user: User | None = None
    participant: Participant | None = None

    @property
    def anonymous(self) -> bool:
        return self.user is None and self.participant is None

    def manages(self, table: CaseTable) -> bool:
        """Facilitator of this table, or administrator."""
        return self.user is not None and (
            self.user.role == Role.ADMIN or table.facilitator_id == self.user.id
        )

    def observes(self, table: CaseTable) -> bool:
        """May read the table's stored (scrubbed) content: managers and its coordinators."""
        if self.manages(table):
            return True
        return (
            self.user is not None
            and self.user.role == Role.COORDINATOR
            and table.network_id in self.user.network_ids()
        )

    def sits_at(self, table: CaseTable) -> bool:
        """A participant of this very table who has not been removed."""
        p = self.participant
        return p is not None and p.table_id == table.id and not p.removed

    def in_room(self, table: CaseTable) -> bool:
        """May join the live room: the table's manager or one of its participants."""
        return self.manages(table) or self.sits_at(table)

    def is_case_bringer(self, table: CaseTable) -> bool:
        return self.sits_at(table) and table.case_bringer_id == self.participant.id  # type: ignore[union-attr]

    def is_note_taker(self, table: CaseTable) -> bool:
        return self.sits_at(table) and table.note_taker_id == self.participant.id  # type: ignore[union-attr]

    def role_at(self, table: CaseTable) -> str:
        if self.manages(table):
            return "facilitator"
        if self.is_case_bringer(table):
            return "case_bringer"
        if self.is_note_taker(table):
            return "note_taker"
        return "participant" if self.sits_at(table) else "none"

    @property
    def actor(self) -> User | Participant | None:
        return self.user or self.participant
