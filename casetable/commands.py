"""CLI commands on the app (`casetable <command>`); `casetable scrub` lives in casetable.scrub."""

from __future__ import annotations

import os
import secrets
import socket

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy import select

from casetable.extensions import db
from casetable.models import Network


def _create_app() -> Flask:
    from casetable import create_app

    return create_app()


cli_group = FlaskGroup(
    create_app=_create_app, add_default_commands=True, help="casetable: anonieme casustafels."
)


def register_commands(app: Flask) -> None:
    for command in (create_user, create_network, demo, setup_link, purge):
        app.cli.add_command(command)


def setup_message(base_url: str) -> str | None:
    """The one-time set-up link while no administrator exists."""
    from casetable.services.accounts import issue_setup_token, needs_setup

    if not needs_setup():
        return None
    token = issue_setup_token()
    return (
        "\n  Eerste start: maak de beheerder aan via deze eenmalige link\n"
        f"  (first run: create the administrator here):\n\n    {base_url}/setup/{token}\n"
    )


@click.command("setup-link")
@with_appcontext
def setup_link() -> None:
    """Print a one-time link to create the first administrator."""
    port = os.environ.get("PORT", "5000")
    click.echo(setup_message(f"http://127.0.0.1:{port}") or "Er is al een beheerder.")


@click.command("create-network")
@click.option("--name", required=True)
@click.option("--province", required=True)
@with_appcontext
def create_network(name: str, province: str) -> None:
    """Create a local network (partnership)."""
    from casetable.services.accounts import create_network as create

    network = create(name, province)
    click.echo(f"Netwerk {network.id}: {network.name}")


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--role", type=click.Choice(["facilitator", "coordinator", "admin"]), required=True)
@click.option("--network", "networks", multiple=True, help="Network name (repeatable).")
@click.option("--password", default=None, help="Leave out to generate one.")
@with_appcontext
def create_user(email: str, role: str, networks: tuple[str, ...], password: str | None) -> None:
    """Create a staff account."""
    from casetable.services.accounts import create_user as create
    from casetable.services.errors import DomainError

    ids = []
    for name in networks:
        network = db.session.scalar(select(Network).where(Network.name == name))
        if network is None:
            raise click.ClickException(f"Onbekend netwerk: {name}")
        ids.append(network.id)
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    try:
        user = create(email, password, role, ids)
    except DomainError as err:
        raise click.ClickException(err.message()) from None
    click.echo(f"Account {user.email} ({user.role}) aangemaakt.")
    if generated:
        click.echo(f"Wachtwoord: {password}")


@click.command("demo")
@with_appcontext
def demo() -> None:
    """Fill a fresh database with a sample network, facilitator and one finished table."""
    from casetable.services.demo import create_demo

    info = create_demo()
    click.echo("Demo klaar:")
    for key, value in info.items():
        click.echo(f"  {key}: {value}")


@click.command("purge")
@click.option("--days", type=int, default=None, help="Override RETENTION_DAYS.")
@with_appcontext
def purge(days: int | None) -> None:
    """Remove contributions of tables closed longer than the retention period."""
    from casetable.services.retention import purge_expired

    days = current_app.config["RETENTION_DAYS"] if days is None else days
    count = purge_expired(days)
    click.echo(f"{count} tafel(s) opgeschoond.")


def serve(app: Flask) -> None:
    """Serve the app with Socket.IO (used by wsgi.py; `make run`)."""
    from casetable.extensions import socketio

    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "5000"))
    with app.app_context():
        message = setup_message(f"http://{host}:{port}")
    if message:
        click.echo(message)
    click.echo(f"  casetable draait op http://{host}:{port}  (Ctrl+C om te stoppen)\n")
    extra: dict[str, object] = {}
    if socketio.server.eio.async_mode == "threading":
        extra["request_handler"] = _nodelay_handler()  # wsgi.py does it for eventlet/gevent
    elif socketio.server.eio.async_mode == "eventlet":
        # eventlet's WSGI server runs at most 1,024 requests at once by default, and every
        # open websocket is one: a worker would stop accepting at 1,024 screens (load test:
        # 200 tables x 13 screens).
        extra["max_size"] = int(os.environ.get("CASETABLE_MAX_CONNECTIONS", "10000"))
    socketio.run(
        app, host=host, port=port, allow_unsafe_werkzeug=True, log_output=False, **extra
    )


def _nodelay_handler() -> type:
    from werkzeug.serving import WSGIRequestHandler

    class NoDelayHandler(WSGIRequestHandler):
        """TCP_NODELAY per connection: an ack after a broadcast must not wait ~40 ms for the
        client's delayed ACK (Nagle); measured with benchmarks/load.py."""

        def setup(self) -> None:
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    return NoDelayHandler
