"""Two app processes on one PostgreSQL and one Redis: a post through A reaches a screen on B.

This is the production scale-out path (docs/deployment.md): several eventlet workers behind a
sticky proxy, Flask-SocketIO's Redis message queue between them, one shared database.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import socketio

from tests.integration.servers import PostgresServer, RedisServer
from tests.server_process import (
    AppServer,
    cookie_header,
    create_open_table,
    join_code,
    participant_session,
    staff_session,
)

pytestmark = pytest.mark.integration

PASSWORD = "scale-out " + secrets.token_hex(6)
POSTS_EACH = 15


@pytest.fixture
def two_workers(
    tmp_path: Path, postgres: PostgresServer, redis_server: RedisServer
) -> Iterator[tuple[AppServer, AppServer]]:
    name = "scale_" + secrets.token_hex(4)
    env = {
        "DATABASE_URL": postgres.create_database(name),
        "SOCKETIO_MESSAGE_QUEUE": redis_server.url,
        "CASETABLE_SECRET_KEY": secrets.token_urlsafe(48),  # shared: a session works on both
        "CASETABLE_CONTRIBUTION_RATE": "[1000, 60]",
    }
    a = AppServer(tmp_path / "a", env=env)
    b = AppServer(tmp_path / "b", env=env)
    try:
        a.start(timeout=60)  # creates the schema; B starts on the finished one
        b.start(timeout=60)
        yield a, b
    finally:
        a.stop()
        b.stop()
        postgres.drop_database(name)


class Screen:
    """A Socket.IO connection with the browser's cookie, recording contributions it sees."""

    def __init__(self, server: AppServer, headers: dict, table: str) -> None:
        self.seen: dict[str, int] = {}
        self.lock = threading.Lock()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("contribution", self._got)
        self.sio.connect(server.url, headers=headers, transports=["websocket"], wait_timeout=10)
        self.table = table
        assert self.call("join")["ok"]

    def _got(self, data: dict) -> None:
        with self.lock:
            self.seen[data["client_id"]] = data["seq"]

    def call(self, event: str, **payload: object) -> dict:
        return self.sio.call(event, {"table": self.table, **payload}, timeout=20)


def table_on_two_workers(
    a: AppServer, b: AppServer, network: str, province: str
) -> tuple[Screen, Screen, Screen]:
    """An open table made on A: the facilitator's console and a CAW participant on A, a CLB
    participant on B."""
    email = f"gl@{network.lower()}.example"
    a.cli("create-network", "--name", network, "--province", province)
    a.cli("create-user", "--email", email, "--role", "facilitator", "--network", network,
          "--password", PASSWORD)
    staff = staff_session(a, email, PASSWORD)
    public_id = create_open_table(a, staff, f"{network}tafel")
    code = join_code(a, staff, public_id)
    console = Screen(a, cookie_header(staff), public_id)
    on_a = Screen(a, cookie_header(participant_session(a, code, "caw")), public_id)
    on_b = Screen(b, cookie_header(participant_session(b, code, "clb")), public_id)
    return console, on_a, on_b


def test_post_through_a_reaches_b_with_gapless_seq(two_workers) -> None:
    a, b = two_workers
    console, on_a, on_b = table_on_two_workers(a, b, "Schaal", "Limburg")
    screens = (console, on_a, on_b)
    try:
        assert console.call("phase", action="goto", value=2)["ok"]
        acks: list[dict] = []
        ids: dict[str, list[str]] = {"a": [], "b": []}
        start = threading.Barrier(2)

        def post(screen: Screen, key: str) -> None:
            start.wait(10)
            for i in range(POSTS_EACH):  # bounded
                client_id = f"{key}-{secrets.token_hex(6)}"
                ids[key].append(client_id)
                acks.append(
                    screen.call(
                        "contribute",
                        client_id=client_id,
                        kind="vraag",
                        text=f"Vraag {i} van {key}: is er een leefloon?",
                    )
                )

        writers = [
            threading.Thread(target=post, args=(s, k)) for s, k in ((on_a, "a"), (on_b, "b"))
        ]
        for w in writers:
            w.start()
        for w in writers:
            w.join(60)
        assert len(acks) == 2 * POSTS_EACH and all(ack["ok"] for ack in acks), acks[:3]
        assert sorted(ack["seq"] for ack in acks) == list(range(1, 2 * POSTS_EACH + 1))

        everything = set(ids["a"]) | set(ids["b"])
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(set(s.seen) != everything for s in screens):
            time.sleep(0.05)
        # Posted through A, seen on B (and the other way round), with the acked numbers.
        assert set(ids["a"]) <= set(on_b.seen)
        assert set(ids["b"]) <= set(on_a.seen)
        by_ack = {ack["contribution"]["client_id"]: ack["seq"] for ack in acks}
        for screen in screens:
            assert screen.seen == by_ack
    finally:
        for screen in screens:
            screen.sio.disconnect()


NAMES = (
    "Sandra Vanhoutte",
    "Dirk Verstraete",
    "Fatima El Amrani",
    "Kevin Peeters",
    "Olena Kovalenko",
    "Murat Yilmaz",
    "Greet Van den Broeck",
    "Jonas Dhondt",
)


def test_pseudonyms_agree_across_workers(two_workers) -> None:
    """The same person is the same [persoon N] whichever worker scrubs the text, also when both
    workers meet new names at the same moment (each worker keeps a copy of the map)."""
    a, b = two_workers
    console, on_a, on_b = table_on_two_workers(a, b, "Pseudo", "Antwerpen")
    try:
        assert console.call("phase", action="goto", value=2)["ok"]
        numbers: dict[str, set[str]] = {name: set() for name in NAMES}
        lock = threading.Lock()
        start = threading.Barrier(2)

        def post(screen: Screen, names: tuple[str, ...], together: bool = True) -> None:
            if together:
                start.wait(10)
            for name in names:
                ack = screen.call(
                    "contribute",
                    client_id=secrets.token_hex(8),
                    kind="vraag",
                    text=f"Heeft mevrouw {name} al een afspraak gehad?",
                )
                assert ack["ok"], ack
                found = [
                    w for w in ack["contribution"]["text"].split("[") if w.startswith("persoon ")
                ]
                with lock:
                    numbers[name].update(f.split("]")[0] for f in found)

        # Both workers meet every name, in opposite orders, at the same time.
        writers = [
            threading.Thread(target=post, args=(on_a, NAMES)),
            threading.Thread(target=post, args=(on_b, NAMES[::-1])),
        ]
        for w in writers:
            w.start()
        for w in writers:
            w.join(60)
        # And again later, each worker meeting names the other one bound.
        post(on_a, NAMES[::-1], together=False)
        post(on_b, NAMES, together=False)
        assert all(len(found) == 1 for found in numbers.values()), numbers
        assigned = [next(iter(found)) for found in numbers.values()]
        assert len(set(assigned)) == len(NAMES), numbers  # different people, different numbers
    finally:
        for screen in (console, on_a, on_b):
            screen.sio.disconnect()
