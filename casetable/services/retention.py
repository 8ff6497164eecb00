"""Retention: contributions go after the retention period; notes, counts and summary stay.

`casetable purge` runs it by hand; `start_purge_schedule` runs it about once a day inside the
app, as a Socket.IO background task (green thread under eventlet/gevent, thread otherwise).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from flask import Flask
from sqlalchemy import delete, select, update

from casetable.extensions import db, socketio
from casetable.models import CaseTable, Contribution, Flag, TableStatus, Vote, utcnow
from casetable.services import audit

log = logging.getLogger(__name__)

DAY_SECONDS = 24 * 3600
FIRST_RUN_DELAY_SECONDS = 60  # let the workers settle before the first run after a start


def purge_table(table: CaseTable) -> int:
    """Freeze the summary, then delete the table's contributions, votes and flags."""
    from casetable.services.summaries import freeze_summary

    # Claim the table first: two workers' daily runs may meet, and the second must not freeze a
    # summary from rows the first has already deleted.
    claimed = db.session.execute(
        update(CaseTable)
        .where(CaseTable.id == table.id, CaseTable.status == TableStatus.CLOSED)
        .values(status=TableStatus.ARCHIVED)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        db.session.rollback()
        return 0
    db.session.refresh(table)
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


def purge_interval(app: Flask) -> float:
    """Seconds between scheduled runs; 0 (the default under TESTING) switches them off."""
    default = 0 if app.config.get("TESTING") else DAY_SECONDS
    return float(app.config.get("PURGE_INTERVAL_SECONDS", default) or 0)


def run_scheduled_purge(app: Flask) -> int:
    """One scheduled run in its own app context; errors are logged by type, never raised."""
    with app.app_context():
        try:
            count = purge_expired(int(app.config["RETENTION_DAYS"]))
        except Exception as err:  # the loop must survive a bad night (DB restart, lock)
            db.session.rollback()
            log.error("scheduled purge failed: %s", type(err).__name__)
            return 0
        finally:
            db.session.remove()
    log.info("scheduled purge: %d table(s) purged", count)
    return count


def _purge_loop(app: Flask) -> None:
    """Sleep, purge, repeat; stops when PURGE_INTERVAL_SECONDS is set to 0."""
    delay = min(purge_interval(app), FIRST_RUN_DELAY_SECONDS)
    while True:
        socketio.sleep(delay)
        if purge_interval(app) <= 0:
            return
        run_scheduled_purge(app)
        delay = purge_interval(app)


def start_purge_schedule(app: Flask) -> Any:
    """Start the daily purge at app start (each worker; purging twice is harmless)."""
    if purge_interval(app) <= 0:
        return None
    return socketio.start_background_task(_purge_loop, app)
