"""Retention: contributions go after the retention period; notes, counts and summary stay."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select

from casetable.extensions import db
from casetable.models import CaseTable, Contribution, Flag, TableStatus, Vote, utcnow
from casetable.services import audit


def purge_table(table: CaseTable) -> int:
    """Freeze the summary, then delete the table's contributions, votes and flags."""
    from casetable.services.summaries import freeze_summary

    freeze_summary(table)
    ids = select(Contribution.id).where(Contribution.table_id == table.id)
    db.session.execute(delete(Vote).where(Vote.contribution_id.in_(ids)))
    db.session.execute(delete(Flag).where(Flag.contribution_id.in_(ids)))
    removed = db.session.execute(delete(Contribution).where(Contribution.table_id == table.id))
    table.status = TableStatus.ARCHIVED
    table.purged_at = utcnow()
    audit.record("purge", "system", table.id, contributions=removed.rowcount)
    db.session.commit()
    return int(removed.rowcount or 0)


def purge_expired(days: int) -> int:
    """Purge every closed table whose closing date is older than `days`."""
    cutoff = utcnow() - timedelta(days=days)
    due = list(
        db.session.scalars(
            select(CaseTable).where(
                CaseTable.status == TableStatus.CLOSED, CaseTable.closed_at <= cutoff
            )
        )
    )
    for table in due:
        purge_table(table)
    return len(due)
