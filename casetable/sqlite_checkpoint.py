"""Checkpoint SQLite's write-ahead log from a background OS thread, not inside a commit.

SQLite in WAL mode copies the log back into the database file ("checkpoint") in the commit that
pushes the log past 1,000 pages. That commit then also waits for two fsyncs: 15-20 ms on the
development machine, about every 800 posts. Under eventlet or gevent one worker serves every
screen from one OS thread, so each such stall delays every table at once (benchmarks/load.py).

The server (wsgi.py) therefore turns the automatic checkpoint off for its own connections and
runs a PASSIVE checkpoint every second from a real OS thread: the green hub keeps running while
the thread waits for the disk, and PASSIVE never blocks a writer (it copies what it can and
returns). The CLI, the tests and every other process keep SQLite's default.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# Read by the connect listener in app.py: set before the server's connections are opened.
automatic_checkpoint = True


def _original(module: str, name: str) -> Any:
    """The unpatched function: a real thread and a real sleep, also under monkey-patching."""
    if "eventlet" in sys.modules:  # only a server that imported it can be patched by it
        import eventlet.patcher

        if eventlet.patcher.is_monkey_patched(module.lstrip("_")):
            return getattr(eventlet.patcher.original(module), name)
    if "gevent" in sys.modules:
        from gevent import monkey

        if monkey.is_module_patched(module.lstrip("_")) or monkey.is_module_patched(module):
            return monkey.get_original(module, name)
    return getattr(importlib.import_module(module), name)


def start(path: str, interval: float = 1.0) -> Callable[[], None]:
    """Checkpoint the database at `path` every `interval` seconds; returns a stop function.

    Call it before the server opens its connections (or dispose the engine's pool after it),
    so that no connection keeps checkpointing inside its commits.
    """
    global automatic_checkpoint
    automatic_checkpoint = False
    sleep = _original("time", "sleep")
    start_thread = _original("_thread", "start_new_thread")
    stopped: list[bool] = []

    def run() -> None:
        connection = sqlite3.connect(path, timeout=30, check_same_thread=False)
        try:
            while not stopped:
                sleep(interval)
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error as err:  # busy or locked: the next round catches up
                    log.warning("background checkpoint skipped: %s", type(err).__name__)
        finally:
            connection.close()

    start_thread(run, ())
    return lambda: stopped.append(True)
