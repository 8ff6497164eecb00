"""Accounts: first-run set-up, users, networks, authentication with lock-out."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import lazyload
from werkzeug.security import check_password_hash, generate_password_hash

from casetable.extensions import db
from casetable.models import Network, Role, SetupToken, User, utcnow
from casetable.services import audit
from casetable.services.errors import DomainError

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,185}\.[^@\s]{2,}$")
# scrypt is werkzeug's default modern KDF; the explicit method documents the choice. Tests may
# set PASSWORD_HASH_METHOD to a cheap method so that hundreds of accounts stay fast.
_HASH_METHOD = "scrypt"


def _hash(password: str) -> str:
    return generate_password_hash(
        password, method=current_app.config.get("PASSWORD_HASH_METHOD", _HASH_METHOD)
    )
# A constant hash to compare against when the e-mail is unknown, so timing does not tell.
_DUMMY_HASH = generate_password_hash("not-a-real-password-000", method=_HASH_METHOD)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def needs_setup() -> bool:
    """True while no administrator exists."""
    return not db.session.scalar(select(func.count()).select_from(User).where(User.role == "admin"))


def issue_setup_token() -> str:
    """Create a one-time set-up token (only its hash is stored) and return it."""
    token = secrets.token_urlsafe(24)
    db.session.add(SetupToken(token_hash=_digest(token)))
    db.session.commit()
    return token


def create_first_admin(token: str, email: str, password: str) -> User:
    """Use a set-up token to create the first administrator; the token is spent."""
    row = db.session.scalar(select(SetupToken).where(SetupToken.token_hash == _digest(token)))
    if row is None or row.used_at is not None or not needs_setup():
        raise DomainError("bad_token")
    user = _new_user(email, password, Role.ADMIN, [])
    row.used_at = utcnow()
    audit.record("setup_admin", user)
    db.session.commit()
    return user


def create_user(
    email: str,
    password: str,
    role: str,
    network_ids: list[int] | None = None,
    actor: User | None = None,
) -> User:
    """Create a facilitator, coordinator or administrator account."""
    networks = [db.session.get(Network, n) for n in network_ids or []]
    user = _new_user(email, password, Role(role), [n for n in networks if n is not None])
    audit.record("create_user", actor, role=user.role, user_id=user.id)
    db.session.commit()
    return user


def _new_user(email: str, password: str, role: Role, networks: list[Network]) -> User:
    email = (email or "").strip().lower()
    if not _EMAIL.match(email):
        raise DomainError("invalid")
    if len(password or "") < 12:
        raise DomainError("weak_password")
    if db.session.scalar(select(User).where(User.email == email)):
        raise DomainError("email_taken")
    user = User(
        email=email,
        password_hash=_hash(password),
        role=role.value,
        networks=networks,
    )
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User:
    """Check credentials with back-off: after N failures the account waits a few minutes."""
    email = (email or "").strip().lower()
    user = db.session.scalar(select(User).where(User.email == email))
    now = utcnow()
    if user is None:
        check_password_hash(_DUMMY_HASH, password or "")
        raise DomainError("bad_credentials")
    if user.locked_until and user.locked_until > now:
        raise DomainError("locked")
    if not user.active or not check_password_hash(user.password_hash, password or ""):
        user.failed_logins += 1
        if user.failed_logins >= current_app.config["LOGIN_LOCKOUT_AFTER"]:
            seconds = current_app.config["LOGIN_LOCKOUT_SECONDS"]
            user.locked_until = now + timedelta(seconds=seconds)
            user.failed_logins = 0
            audit.record("account_locked", user)
        audit.record("login_failed", user)
        db.session.commit()
        raise DomainError("bad_credentials")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    audit.record("login", user)
    db.session.commit()
    return user


def reset_password(user: User, new_password: str, actor: User) -> None:
    """An administrator sets a new password; every existing session of the user ends."""
    if len(new_password or "") < 12:
        raise DomainError("weak_password")
    user.password_hash = _hash(new_password)
    user.session_version += 1
    user.failed_logins = 0
    user.locked_until = None
    audit.record("password_reset", actor, user_id=user.id)
    db.session.commit()


def load_user(session_id: str) -> User | None:
    """Flask-Login loader: 'id:version'; an old version (after reset or logout-all) is refused."""
    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    # Networks load when a check needs them (a coordinator's view), not on every request and
    # every Socket.IO event of a facilitator: one query less each.
    user = db.session.get(User, int(user_id), options=[lazyload(User.networks)])
    if user is None or user.session_version != int(version):
        return None
    return user


def create_network(name: str, province: str, actor: User | None = None) -> Network:
    """Create a local network (partnership) in a province."""
    name = (name or "").strip()
    if not name or len(name) > 120:
        raise DomainError("invalid")
    network = Network(name=name, province=province)
    db.session.add(network)
    db.session.flush()
    audit.record("create_network", actor, network_id=network.id)
    db.session.commit()
    return network
