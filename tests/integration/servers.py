"""Throw-away PostgreSQL and Redis servers on loopback ports, for the integration tests.

PostgreSQL refuses to run as root, so as root the cluster belongs to `nobody` and initdb/pg_ctl
run under that uid (subprocess's user=/group=, no sudo or su needed); its folder sits directly in
/tmp so `nobody` can reach it. Both servers keep nothing on disk after stop().
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

PG_USER = "nobody"  # the unprivileged owner of the cluster when the tests run as root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_bin() -> Path | None:
    """The newest PostgreSQL server binaries: Debian's /usr/lib/postgresql/<v>/bin, or PATH."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3])
    )
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def redis_bin() -> str | None:
    return shutil.which("redis-server")


class PostgresServer:
    """initdb + pg_ctl start on 127.0.0.1:<free port>, trust auth, no fsync (tests only)."""

    def __init__(self) -> None:
        binaries = pg_bin()
        if binaries is None:
            raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        self.bin = binaries
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="casetable-pg-", dir="/tmp"))
        self.data = self.root / "data"
        self.as_user: dict[str, Any] = {}
        if os.geteuid() == 0:
            owner = pwd.getpwnam(PG_USER)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self.as_user = {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def database_url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, *args: str, timeout: float = 60) -> None:
        out = subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.root,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
            **self.as_user,
        )
        if out.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {out.stdout[-1500:]}{out.stderr[-1500:]}")

    def start(self) -> PostgresServer:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--no-sync", "--no-instructions")
        options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.root}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            ]
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "pg.log"),
                  "-o", options, "-w", "-t", "60", "start", timeout=90)
        return self

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.database_url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


class RedisServer:
    """redis-server --port <free> --save '' in a temp folder, in the foreground (we own it)."""

    def __init__(self) -> None:
        binary = redis_bin()
        if binary is None:
            raise FileNotFoundError("redis-server not found")
        self.binary = binary
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="casetable-redis-"))
        self.proc: subprocess.Popen[bytes] | None = None
        self.log: Any = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 20) -> RedisServer:
        self.log = open(self.root / "redis.log", "wb")  # noqa: SIM115 (closed in stop())
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no", "--dir", str(self.root)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        import redis

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:  # bounded wait for PONG
            if self.proc.poll() is not None:
                raise RuntimeError("redis-server exited: " + (self.root / "redis.log").read_text())
            with contextlib.suppress(redis.RedisError):
                client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
                if client.ping():
                    client.close()
                    return self
            time.sleep(0.05)
        raise RuntimeError("redis-server did not answer PING")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
            self.proc = None
            self.log.close()
        shutil.rmtree(self.root, ignore_errors=True)
