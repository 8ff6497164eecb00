"""The server checkpoints SQLite's write-ahead log from a thread, not inside a commit."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from casetable import sqlite_checkpoint


def _wal_pages(connection: sqlite3.Connection) -> tuple[int, int]:
    """(pages in the log, pages of it already copied back), without checkpointing anything."""
    busy, log_pages, done = connection.execute("PRAGMA wal_checkpoint(NOOP)").fetchone()
    assert busy == 0
    return log_pages, done


@pytest.fixture
def restore_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_checkpoint, "automatic_checkpoint", True)


def test_the_log_is_copied_back_by_the_thread_while_commits_skip_it(
    tmp_path: Path, restore_flag: None
) -> None:
    path = str(tmp_path / "cp.db")
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")  # what the server's connections get
    writer.execute("CREATE TABLE t (body TEXT)")
    stop = sqlite_checkpoint.start(path, interval=0.05)
    try:
        assert sqlite_checkpoint.automatic_checkpoint is False  # read by the connect listener
        for i in range(200):
            writer.execute("INSERT INTO t VALUES (?)", (f"regel {i} " * 40,))
            writer.commit()
        log_pages, _ = _wal_pages(writer)
        assert log_pages > 0
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            log_pages, done = _wal_pages(writer)
            if done == log_pages:
                break
            time.sleep(0.05)
        assert done == log_pages, (done, log_pages)  # everything is back in the database file
        assert writer.execute("SELECT count(*) FROM t").fetchone() == (200,)
    finally:
        stop()
        writer.close()


def test_the_app_turns_the_automatic_checkpoint_off_only_when_told(
    tmp_path: Path, restore_flag: None
) -> None:
    from sqlalchemy import create_engine, text

    def autocheckpoint() -> int:
        engine = create_engine(f"sqlite:///{tmp_path / 'a.db'}")
        try:
            with engine.connect() as connection:
                return int(connection.execute(text("PRAGMA wal_autocheckpoint")).scalar_one())
        finally:
            engine.dispose()

    import casetable.app  # noqa: F401  (registers the connect listener)

    assert autocheckpoint() == 1000  # SQLite's default: CLI, tests, other processes
    sqlite_checkpoint.automatic_checkpoint = False
    assert autocheckpoint() == 0
