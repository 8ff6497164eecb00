"""CPU and SQL statements per contribution on the server's hot path, in one process.

benchmarks/load.py measures latency end to end, but its figures move with whatever else runs on
the machine. This script measures what the server itself spends per `contribute` event (CPU time
of this process, not wall time) and how many SQL statements that takes, so a change to the hot
path can be judged on a busy machine too. It drives the real handlers through Flask-SocketIO's
test client (threading mode, fresh SQLite in a temp folder, real scrubber, real sessions):

    .venv/bin/python benchmarks/post_path.py [--posts 600] [--participants 12]

Printed: statements per post (by kind), CPU ms per post for `contribute`, for the scrubber alone
on the same texts, and for a reveal of a silent phase.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _loadclient import dutch_text  # noqa: E402
from sqlalchemy import event  # noqa: E402

from casetable import create_app  # noqa: E402
from casetable.extensions import db, socketio  # noqa: E402
from casetable.scrub import get_scrubber  # noqa: E402
from casetable.services import accounts, tables  # noqa: E402

PASSWORD = "bench-" + secrets.token_hex(8)


def build(tmp: str, participants: int) -> tuple[Any, Any, list[Any], Any]:
    os.environ["CASETABLE_INSTANCE_PATH"] = os.path.join(tmp, "instance")
    app = create_app(
        {
            "SECRET_KEY": secrets.token_hex(32),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SOCKETIO_ASYNC_MODE": "threading",
            "SERVER_NAME": "casetable.bench",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "CONTRIBUTION_RATE": (10**9, 60),
        }
    )
    with app.app_context():
        network = accounts.create_network("Bench", "West-Vlaanderen")
        user = accounts.create_user("f@bench.test", PASSWORD, "facilitator", [network.id])
        table = tables.create_table(
            user,
            title="Bench",
            network_id=network.id,
            method_slug="anonieme-casustafel",
            scheduled_for=datetime.now(UTC),
            attribution="alias",
        )
        tables.open_table(user, table)
        public_id, code = table.public_id, table.join_code
    staff_http = app.test_client()
    staff_http.post("/login", data={"email": "f@bench.test", "password": PASSWORD})
    with app.app_context():
        staff = socketio.test_client(app, flask_test_client=staff_http)
        assert staff.emit("join", {"table": public_id}, callback=True)["ok"]
    screens = []
    for i in range(participants):
        http = app.test_client()
        service = ("caw", "ocmw", "kind-en-gezin", "clb")[i % 4]
        response = http.post(f"/j/{code}", data={"service": service, "rules": "y"})
        assert response.status_code == 302, response.data[:300]
        with app.app_context():
            sio = socketio.test_client(app, flask_test_client=http)
            assert sio.emit("join", {"table": public_id}, callback=True)["ok"]
        screens.append(sio)
    return app, public_id, screens, staff


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=600)
    parser.add_argument("--participants", type=int, default=12)
    parser.add_argument("--text-length", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    texts = [dutch_text(rng, args.text_length) for _ in range(args.posts)]

    with tempfile.TemporaryDirectory() as tmp:
        app, public_id, screens, staff = build(tmp, args.participants)
        statements: Counter[str] = Counter()

        @event.listens_for(_engine(app), "before_cursor_execute")
        def _count(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
            statements[sql.split(None, 1)[0].upper()] += 1

        def post(i: int) -> None:
            with app.app_context():
                reply = screens[i % len(screens)].emit(
                    "contribute",
                    {
                        "table": public_id,
                        "client_id": secrets.token_hex(8),
                        "kind": kind,
                        "text": texts[i],
                    },
                    callback=True,
                )
            assert reply["ok"], reply

        with app.app_context():
            reply = staff.emit(
                "phase", {"table": public_id, "action": "goto", "value": 2}, callback=True
            )
            assert reply["ok"], reply
            state = staff.emit(
                "sync", {"table": public_id, "after_seq": 10**9, "after_rev": 10**9}, callback=True
            )["state"]
        kind = state["phases"][2]["kinds"][0]

        for i in range(20):  # warm caches and compiled statements
            post(i)
        for sio in [*screens, staff]:
            sio.get_received()
        statements.clear()
        cpu: list[float] = []
        batch = 50
        for start in range(0, args.posts, batch):
            t0 = time.process_time()
            for i in range(start, min(start + batch, args.posts)):
                post(i)
            cpu.append((time.process_time() - t0) * 1000 / batch)
            for sio in [*screens, staff]:
                sio.get_received()
        per_post = {k: v / args.posts for k, v in statements.items()}

        scrubber = get_scrubber()
        t0 = time.process_time()
        for text in texts:
            scrubber.scrub(text)
        scrub_ms = (time.process_time() - t0) * 1000 / len(texts)

        reveal_ms = _reveal(app, public_id, screens, staff)

    print(
        f"contribute: {statistics.median(cpu):.2f} ms CPU per post (median of batches of "
        f"{batch}; min {min(cpu):.2f}), {sum(per_post.values()):.1f} SQL statements per post "
        + ", ".join(f"{k} {v:.1f}" for k, v in sorted(per_post.items()))
    )
    print(f"scrubber alone on the same texts: {scrub_ms:.2f} ms CPU per text")
    print(f"reveal of {len(screens)} silent contributions: {reveal_ms:.1f} ms CPU")
    return 0


def _engine(app: Any) -> Any:
    with app.app_context():
        return db.engine


def _reveal(app: Any, public_id: str, screens: list[Any], staff: Any) -> float:
    """Move to the first silent phase, post one silent contribution each, time the reveal."""

    def emit(sio: Any, name: str, **payload: Any) -> dict[str, Any]:
        with app.app_context():
            return sio.emit(name, {"table": public_id, **payload}, callback=True)

    for _ in range(10):
        state = emit(staff, "sync", after_seq=10**9, after_rev=10**9)["state"]
        phase = state["phases"][state["phase_index"]]
        if phase.get("silent"):
            break
        assert emit(staff, "phase", action="next")["ok"]
    else:
        return float("nan")
    kind = phase["kinds"][0]
    for i, sio in enumerate(screens):
        reply = emit(
            sio,
            "contribute",
            client_id=secrets.token_hex(8),
            kind=kind,
            text=f"Stil geschreven bijdrage {i} over de huurachterstal.",
        )
        assert reply["ok"] and reply["status"] == "held", reply
    t0 = time.process_time()
    assert emit(staff, "reveal")["ok"]
    return (time.process_time() - t0) * 1000


if __name__ == "__main__":
    raise SystemExit(main())
