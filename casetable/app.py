"""The app factory: config -> extensions -> blueprints -> socket handlers -> socketio -> CLI."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from flask import Flask, g, request, session
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.engine import Engine

from casetable import config, privacy_logging, sqlite_checkpoint
from casetable.extensions import babel, csrf, db, limiter, login_manager, migrate, socketio
from casetable.security import init_security_headers


def build_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create a configured app; tests pass a config dict (flaskr style)."""
    instance_path = os.environ.get("CASETABLE_INSTANCE_PATH") or None
    app = Flask("casetable", instance_path=instance_path, instance_relative_config=True)
    config.load_config(app, test_config)
    privacy_logging.install()

    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(__file__), "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"
    init_security_headers(app)

    from casetable.services.accounts import load_user

    login_manager.user_loader(load_user)

    from casetable.views import register_blueprints

    register_blueprints(app)
    from casetable.views.errors import register_error_handlers

    register_error_handlers(app)

    # Socket handlers are registered on the socketio object before init_app binds it, so every
    # app a test builds answers every event (Flask-SocketIO issues #1499, #1059).
    from casetable import realtime  # noqa: F401

    socketio.init_app(
        app,
        async_mode=choose_async_mode(app.config["SOCKETIO_ASYNC_MODE"]),
        message_queue=app.config["SOCKETIO_MESSAGE_QUEUE"],
        cors_allowed_origins=app.config.get("SOCKETIO_CORS_ORIGINS"),
        # Large enough that an over-long text reaches validation and gets a clear error back.
        max_http_buffer_size=2 * 1024 * 1024,
        ping_interval=app.config["SOCKETIO_PING_INTERVAL"],
        ping_timeout=app.config["SOCKETIO_PING_TIMEOUT"],
        logger=False,
        engineio_logger=False,
        http_compression=True,
        # Browsers offer permessage-deflate; off, it saves CPU per delivery for short texts.
        websocket_compression=bool(app.config.get("SOCKETIO_WEBSOCKET_COMPRESSION", False)),
    )

    from casetable.commands import register_commands

    register_commands(app)

    @app.before_request
    def _remember_language() -> None:
        lang = request.args.get("lang")
        if lang in app.config["LANGUAGES"]:
            session["lang"] = lang
        g.lang = select_locale()

    from casetable.sanitize import render_markdown

    app.add_template_filter(render_markdown, "markdown")

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {"lang": select_locale(), "url_map_endpoints": app.view_functions.keys()}

    config.validate(app)
    with app.app_context():
        if app.config.get("AUTO_CREATE_DB", True):
            from casetable.services.setup import ensure_database

            ensure_database()
    from casetable.services.retention import start_purge_schedule

    start_purge_schedule(app)  # daily; off when PURGE_INTERVAL_SECONDS is 0 (tests)
    return app


def select_locale() -> str:
    """Dutch first: an explicit choice, then the user's setting, else Dutch."""
    lang = session.get("lang") if request else None
    if lang in ("nl", "en"):
        return lang
    if current_user and getattr(current_user, "is_authenticated", False):
        return current_user.language or "nl"
    return "nl"


def choose_async_mode(configured: str | None) -> str:
    """eventlet when the entry point monkey-patched it, else threading (tests, plain runs)."""
    if configured:
        return configured
    try:
        import eventlet.patcher

        if eventlet.patcher.is_monkey_patched("socket"):
            return "eventlet"
    except ImportError:
        pass
    try:
        import gevent.monkey

        if gevent.monkey.is_module_patched("socket"):
            return "gevent"
    except ImportError:
        pass
    return "threading"


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers; secure_delete so redacted text is overwritten on disk."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if not sqlite_checkpoint.automatic_checkpoint:  # the server checkpoints in a thread
            cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()
