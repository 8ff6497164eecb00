"""Real PostgreSQL and Redis for the integration tests (DESIGN.md section 5).

One server of each per test session, on loopback ports. Every test that uses the `app` fixture
in this folder runs on its own fresh PostgreSQL database. Without the server binaries the tests
are skipped on a laptop and FAIL in CI (CI=true): a scale-out path nobody tested is no path.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from typing import Any

import pytest

from tests.integration.servers import PostgresServer, RedisServer


def _unavailable(what: str, err: Exception) -> None:
    message = f"{what} unavailable: {err} (install with scripts/system-deps.sh)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer().start()
    except (FileNotFoundError, RuntimeError, KeyError) as err:
        _unavailable("PostgreSQL", err)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    try:
        server = RedisServer().start()
    except (FileNotFoundError, RuntimeError) as err:
        _unavailable("Redis", err)
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres: PostgresServer) -> Iterator[str]:
    """A fresh, empty database for one test."""
    name = "t_" + secrets.token_hex(6)
    url = postgres.create_database(name)
    yield url
    postgres.drop_database(name)


@pytest.fixture
def app_config(tmp_path: Any, pg_url: str) -> dict[str, Any]:
    """The suite's test config (tests/conftest.py), on PostgreSQL instead of SQLite."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-" + secrets.token_hex(24),
        "SQLALCHEMY_DATABASE_URI": pg_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SOCKETIO_ASYNC_MODE": "threading",
        "SERVER_NAME": "casetable.test",
        # The limiter is per process and keyed by participant id, which every fresh database
        # starts again at 1: not the subject here.
        "CONTRIBUTION_RATE": (1000, 60),
    }
