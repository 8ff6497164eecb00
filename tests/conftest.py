"""Fixtures and factories (indico style: create_<thing> / dummy_<thing>)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from casetable import create_app
from casetable.extensions import db, socketio
from casetable.models import CaseTable, Network, User
from casetable.services import accounts, contributions, tables

PASSWORD = "correct horse battery staple"


@pytest.fixture
def app_config(tmp_path: Any) -> dict[str, Any]:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-" + secrets.token_hex(24),
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.db'}",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SOCKETIO_ASYNC_MODE": "threading",
        "SERVER_NAME": "casetable.test",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # production uses scrypt
        "TESTING_CREATE_ALL": True,
    }


class IsolatedClient(FlaskClient):
    """Each request gets a fresh app context, as in production: the test's own context (kept
    open for factories and assertions) must not share `g` (and so Flask-Login's cached user)
    with the requests."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def app(
    app_config: dict[str, Any], tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Flask]:
    monkeypatch.setenv("CASETABLE_INSTANCE_PATH", str(tmp_path / "instance"))
    # The contribution rate window lives in the process and is keyed by participant id; every
    # test database starts its ids at 1 again, so every test gets a fresh window.
    monkeypatch.setattr(contributions, "_rate", contributions._RateWindow())
    application = create_app(app_config)
    application.test_client_class = IsolatedClient
    with application.app_context():
        yield application
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def create_network(app: Flask) -> Callable[..., Network]:
    def factory(name: str | None = None, province: str = "West-Vlaanderen") -> Network:
        return accounts.create_network(name or f"Netwerk {secrets.token_hex(3)}", province)

    return factory


@pytest.fixture
def create_user(app: Flask, create_network: Callable[..., Network]) -> Callable[..., User]:
    def factory(
        role: str = "facilitator", networks: list[Network] | None = None, email: str | None = None
    ) -> User:
        if networks is None and role != "admin":
            networks = [create_network()]
        return accounts.create_user(
            email or f"{role}-{secrets.token_hex(3)}@example.org",
            PASSWORD,
            role,
            [n.id for n in networks or []],
        )

    return factory


@pytest.fixture
def create_table(app: Flask, create_user: Callable[..., User]) -> Callable[..., CaseTable]:
    def factory(
        facilitator: User | None = None,
        method: str = "anonieme-casustafel",
        open_: bool = True,
        attribution: str = "alias",
    ) -> CaseTable:
        facilitator = facilitator or create_user("facilitator")
        table = tables.create_table(
            facilitator,
            title="Gezin met huurachterstal",
            network_id=facilitator.networks[0].id,
            method_slug=method,
            scheduled_for=datetime.now(UTC),
            attribution=attribution,
        )
        if open_:
            tables.open_table(facilitator, table)
        return table

    return factory


def login(client: FlaskClient, user: User) -> None:
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.data[:500]


def join(client: FlaskClient, table: CaseTable, service: str = "caw") -> None:
    response = client.post(f"/j/{table.join_code}", data={"service": service, "rules": "y"})
    assert response.status_code == 302, response.data[:500]
    assert f"/t/{table.public_id}/room" in response.headers["Location"]


class Seat:
    """One browser at the table: an HTTP client (cookies) and a Socket.IO test client."""

    def __init__(self, app: Flask, table: CaseTable, http: FlaskClient) -> None:
        self.table = table
        self.http = http
        self.app = app
        with app.app_context():
            self.sio = socketio.test_client(app, flask_test_client=http)
        assert self.sio.is_connected()
        reply = self.emit("join")
        assert reply["ok"], reply
        self.joined = reply

    def emit(self, event: str, **payload: Any) -> dict[str, Any]:
        payload.setdefault("table", self.table.public_id)
        with self.app.app_context():  # a fresh context per event, like the server gives
            return self.sio.emit(event, payload, callback=True)

    def connect(self) -> None:
        with self.app.app_context():
            self.sio.connect()

    def disconnect(self) -> None:
        with self.app.app_context():
            self.sio.disconnect()

    def received(self, name: str | None = None) -> list[dict[str, Any]]:
        return [m for m in self.sio.get_received() if name is None or m["name"] == name]

    def post(
        self, text: str, kind: str = "vraag", client_id: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        return self.emit(
            "contribute", client_id=client_id or secrets.token_hex(8), kind=kind, text=text, **extra
        )


@pytest.fixture
def seat(app: Flask) -> Callable[..., Seat]:
    """A participant of a service at a table, joined over HTTP and connected over Socket.IO."""

    def factory(table: CaseTable, service: str = "caw") -> Seat:
        http = app.test_client()
        join(http, table, service)
        return Seat(app, table, http)

    return factory


@pytest.fixture
def staff_seat(app: Flask) -> Callable[..., Seat]:
    """The facilitator's console connection."""

    def factory(table: CaseTable, user: User) -> Seat:
        http = app.test_client()
        login(http, user)
        return Seat(app, table, http)

    return factory


@pytest.fixture
def captured_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog
