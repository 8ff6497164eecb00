"""The storage and real-time groups again, on a real PostgreSQL (DATABASE_URL postgresql+psycopg).

The imported tests are the suite's own, unchanged: this folder's conftest gives their `app`
fixture a fresh PostgreSQL database instead of SQLite. The tests written here check what only a
real server with real concurrency shows: sequence numbers from many connections at once.
"""

from __future__ import annotations

import secrets
import threading

import pytest
from flask import Flask
from sqlalchemy import func, select

from casetable.extensions import db
from casetable.models import CaseTable, Contribution
from casetable.services import contributions, participants, tables
from casetable.services.viewer import Viewer

# Re-run groups: every test function imported here is collected again in this module.
from tests.test_live_table import (  # noqa: F401
    test_event_for_another_table_is_refused,
    test_replayed_client_id_is_stored_once,
    test_resync_after_reconnect_returns_missed,
    test_silent_phase_reveals_together,
    test_whole_table,
)
from tests.test_retention import (  # noqa: F401
    test_purge_expired_respects_the_retention_period,
    test_purge_keeps_every_format_byte_identical,
)

pytestmark = pytest.mark.integration


def test_database_is_postgresql(app: Flask) -> None:
    assert db.engine.dialect.name == "postgresql"
    assert db.session.scalar(select(func.count()).select_from(CaseTable)) == 0


def test_concurrent_posts_get_unique_gapless_seq(app: Flask, create_table) -> None:
    """Eight connections post at once into one table: seq 1..N, no gaps, no duplicates."""
    table = create_table()
    tables.control_phase(table.facilitator, table, "goto", 2)
    seats = [participants.join_table(table, "caw", True)[0].id for _ in range(8)]
    table_id = table.id
    errors: list[BaseException] = []
    seqs: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(seats))

    def writer(participant_id: int) -> None:
        try:
            with app.app_context():
                barrier.wait(10)
                for i in range(10):  # bounded
                    t = db.session.get(CaseTable, table_id)
                    viewer = Viewer(participant=db.session.get(participants.Participant,
                                                               participant_id))
                    c, created = contributions.add_contribution(
                        t, viewer, client_id=secrets.token_hex(8), kind="vraag",
                        text=f"Vraag {i} over de schuldbemiddeling?",
                    )
                    assert created
                    with lock:
                        seqs.append(c.seq)
                db.session.remove()
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(pid,)) for pid in seats]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert sorted(seqs) == list(range(1, len(seats) * 10 + 1))
    db.session.expire_all()
    stored = db.session.scalars(select(Contribution.seq).where(Contribution.table_id == table_id))
    assert sorted(stored) == sorted(seqs)
