"""Configuration: defaults in code, secrets from the environment or the instance folder.

Environment variables: CASETABLE_* (Flask's from_prefixed_env, e.g. CASETABLE_SECRET_KEY), plus
DATABASE_URL, SOCKETIO_MESSAGE_QUEUE, SOCKETIO_ASYNC_MODE and PORT, which deployments expect
under those names.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

DEFAULTS: dict[str, Any] = {
    "SQLALCHEMY_DATABASE_URI": None,  # filled in from DATABASE_URL or instance/casetable.db
    "SQLALCHEMY_ENGINE_OPTIONS": {},
    "SOCKETIO_MESSAGE_QUEUE": None,
    "SOCKETIO_ASYNC_MODE": None,  # None: eventlet when installed and monkey-patched, else threading
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,  # True behind TLS: set CASETABLE_SESSION_COOKIE_SECURE=true
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 12 * 3600,
    "WTF_CSRF_TIME_LIMIT": 12 * 3600,
    "MAX_CONTENT_LENGTH": 256 * 1024,
    "BABEL_DEFAULT_LOCALE": "nl",
    "LANGUAGES": ["nl", "en"],
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    "RATELIMIT_LOGIN": "10 per minute;50 per hour",
    "RATELIMIT_JOIN": "20 per minute;200 per hour",
    "RATELIMIT_JOIN_PER_TABLE": "60 per minute",
    "CONTRIBUTION_RATE": (20, 60),  # at most 20 contributions per participant per 60 s
    "MAX_TEXT_LENGTH": 4000,  # characters in one contribution or note
    "MAX_VIGNETTE_LENGTH": 12000,
    "RETENTION_DAYS": 30,
    "JOIN_CODE_LENGTH": 10,  # Crockford base32: 32**10 ~ 1e15 codes
    "LOGIN_LOCKOUT_AFTER": 5,
    "LOGIN_LOCKOUT_SECONDS": 300,
    "SCRUBBER_WARMUP": True,
    # Engine.IO heartbeat. Socket.IO's default 25 s: every open screen is pinged this often, so
    # with thousands of screens on one worker a shorter interval is real load (benchmarks/load.py,
    # many tables); a closed tab disconnects at once, a lost network within interval + timeout.
    "SOCKETIO_PING_INTERVAL": 25,
    "SOCKETIO_PING_TIMEOUT": 20,
}


def load_config(app: Flask, test_config: dict[str, Any] | None) -> None:
    """Layer defaults, environment and test overrides onto app.config."""
    app.config.from_mapping(DEFAULTS)
    if test_config is None:
        app.config.from_prefixed_env("CASETABLE")
        for name in ("DATABASE_URL", "SOCKETIO_MESSAGE_QUEUE", "SOCKETIO_ASYNC_MODE"):
            if os.environ.get(name):
                key = "SQLALCHEMY_DATABASE_URI" if name == "DATABASE_URL" else name
                app.config[key] = os.environ[name]
    else:
        app.config.from_mapping(test_config)
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'casetable.db'}"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(instance)
    opts = app.config["SQLALCHEMY_ENGINE_OPTIONS"] = dict(app.config["SQLALCHEMY_ENGINE_OPTIONS"])
    # Statement parameters never appear in SQLAlchemy's errors or logs: they may be texts.
    opts.setdefault("hide_parameters", True)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        opts.setdefault("connect_args", {}).setdefault("timeout", 30)


def _instance_secret(instance: Path) -> str:
    """A per-installation secret kept in instance/secret_key (0600), created on first start."""
    path = instance / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def validate(app: Flask) -> None:
    """Refuse to start with settings that would be unsafe or cannot work."""
    cfg = app.config
    if len(str(cfg["SECRET_KEY"])) < 32 and not cfg.get("TESTING"):
        raise RuntimeError("SECRET_KEY is too short: use at least 32 random characters")
    if cfg["SOCKETIO_ASYNC_MODE"] not in (None, "eventlet", "gevent", "threading"):
        raise RuntimeError("SOCKETIO_ASYNC_MODE must be eventlet, gevent or threading")
    if int(cfg["JOIN_CODE_LENGTH"]) < 8:
        raise RuntimeError("JOIN_CODE_LENGTH below 8 makes join codes guessable")
    if int(cfg["RETENTION_DAYS"]) < 0:
        raise RuntimeError("RETENTION_DAYS cannot be negative")
