"""No acknowledged contribution is lost or duplicated, also when the server is killed mid-stream.

The real server runs as a separate process (eventlet); Socket.IO clients keep an outbox of
unacknowledged contributions and resend it after reconnecting, as the browser client does.
"""

from __future__ import annotations

import gc
import secrets
import sqlite3
import threading
import time
from pathlib import Path

import pytest
import socketio

from tests.server_process import (
    AppServer,
    cookie_header,
    create_open_table,
    join_code,
    participant_session,
    server_with_facilitator,
    staff_session,
)

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    # Killing the server leaves the clients' half-open sockets to the garbage collector.
    pytest.mark.filterwarnings("ignore:unclosed <socket:ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

PASSWORD = "a long enough password 123"


class OutboxClient:
    """A participant's Socket.IO client with the browser's outbox semantics."""

    def __init__(self, server: AppServer, headers: dict, table: str, name: str) -> None:
        self.server, self.headers, self.table, self.name = server, headers, table, name
        self.sio = socketio.Client(
            reconnection=True, reconnection_delay=0.2, reconnection_delay_max=1
        )
        self.outbox: list[dict] = []
        self.acked: set[str] = set()
        self.lock = threading.Lock()
        self.joined = threading.Event()
        self.sio.on("connect", self._on_connect)
        self.sio.on("disconnect", lambda *a: self.joined.clear())

    def _on_connect(self) -> None:
        self.joined.clear()
        threading.Thread(target=self._join, daemon=True).start()

    def _join(self) -> None:
        try:
            reply = self.sio.call("join", {"table": self.table}, timeout=5)
        except Exception:
            return
        if reply and reply.get("ok"):
            self.joined.set()

    def connect(self) -> None:
        self.sio.connect(
            self.server.url, headers=self.headers, transports=["websocket"], wait_timeout=10
        )
        assert self.joined.wait(10)

    def post(self, text: str) -> None:
        message = {
            "table": self.table,
            "client_id": secrets.token_hex(8),
            "kind": "vraag",
            "text": text,
        }
        with self.lock:
            self.outbox.append(message)
        self.flush()

    def flush(self) -> None:
        """Send every queued message in order; stop at the first that gets no ack."""
        with self.lock:
            while self.outbox:
                if not self.joined.is_set():
                    return
                message = self.outbox[0]
                try:
                    reply = self.sio.call("contribute", message, timeout=3)
                except Exception:
                    return
                assert reply["ok"], reply
                self.acked.add(message["client_id"])
                self.outbox.pop(0)

    def sequence(self) -> list[str]:
        reply = self.sio.call(
            "sync", {"table": self.table, "after_seq": 0, "after_rev": 0}, timeout=10
        )
        assert reply["ok"]
        return [c["client_id"] for c in sorted(reply["contributions"], key=lambda c: c["seq"])]


def stored(instance: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(instance / "casetable.db") as con:
        return list(con.execute("SELECT client_id, seq FROM contributions ORDER BY seq"))


def test_sigkill_mid_stream_loses_and_duplicates_nothing(tmp_path):
    # A steady stream from each client: lift the per-participant rate limit for this test.
    server = server_with_facilitator(
        tmp_path / "instance",
        "f@example.org",
        PASSWORD,
        env={"CASETABLE_CONTRIBUTION_RATE": "[1000, 60]"},
    )
    try:
        staff = staff_session(server, "f@example.org", PASSWORD)
        table = create_open_table(server, staff)
        code = join_code(server, staff, table)
        console = socketio.Client()
        console.connect(server.url, headers=cookie_header(staff), transports=["websocket"])
        assert console.call("join", {"table": table}, timeout=5)["ok"]
        assert console.call("phase", {"table": table, "action": "goto", "value": 2}, timeout=5)[
            "ok"
        ]
        console.disconnect()

        sessions = [participant_session(server, code, s) for s in ("caw", "clb", "ocmw", "school")]
        clients = [
            OutboxClient(server, cookie_header(http), table, f"client{i}")
            for i, http in enumerate(sessions)
        ]
        for client in clients:
            client.connect()

        stop = threading.Event()

        def stream(client: OutboxClient) -> None:
            n = 0
            while not stop.is_set() and n < 60:
                client.post(f"Vraag {n} van {client.name}: is er al contact met het OCMW?")
                n += 1
                time.sleep(0.01)

        workers = [threading.Thread(target=stream, args=(c,)) for c in clients]
        for w in workers:
            w.start()
        while sum(len(c.acked) for c in clients) < 40:
            time.sleep(0.01)
        server.kill()  # mid-stream: posts are in flight right now
        time.sleep(0.5)
        server.start()
        for w in workers:
            w.join(timeout=60)
        for client in clients:  # reconnected clients resend what was never acknowledged
            assert client.joined.wait(15), f"{client.name} did not reconnect"
            client.flush()
            assert client.outbox == []

        rows = stored(server.instance)
        ids = [client_id for client_id, _ in rows]
        acked = set().union(*(c.acked for c in clients))
        assert len(ids) == len(set(ids)), "a contribution was stored twice"
        assert acked <= set(ids), "an acknowledged contribution was lost"
        assert [seq for _, seq in rows] == list(range(1, len(rows) + 1)), "sequence has gaps"
        sequences = [c.sequence() for c in clients]
        assert all(s == ids for s in sequences), "clients did not converge"
        for client in clients:
            client.sio.disconnect()
        for http in [staff, *sessions]:
            http.close()
    finally:
        server.stop()
        gc.collect()  # collect the killed connections' sockets under this module's filter


def test_server_keeps_serving_and_refuses_foreign_origin(tmp_path):
    """A cross-site page cannot open a socket with the user's cookie (CORS: own origin only)."""
    server = server_with_facilitator(tmp_path / "instance", "f@example.org", PASSWORD)
    try:
        staff = staff_session(server, "f@example.org", PASSWORD)
        evil = socketio.Client(reconnection=False)
        with pytest.raises(socketio.exceptions.ConnectionError):
            evil.connect(
                server.url,
                transports=["websocket"],
                headers={**cookie_header(staff), "Origin": "https://evil.example"},
            )
        good = socketio.Client(reconnection=False)
        good.connect(server.url, transports=["websocket"], headers=cookie_header(staff))
        assert good.connected
        good.disconnect()
        staff.close()
    finally:
        server.stop()
        gc.collect()
