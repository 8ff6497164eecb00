"""Role checks for views, in one place (sockets use services.viewer.Viewer)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import abort, g
from flask_login import current_user, login_required

from casetable.models import CaseTable
from casetable.services.errors import DomainError
from casetable.services.tables import table_by_public_id
from casetable.services.viewer import Viewer

F = TypeVar("F", bound=Callable[..., Any])


def current_lang() -> str:
    """The page language chosen for this request (see casetable.app.select_locale)."""
    return str(g.get("lang") or "nl")


def roles_required(*roles: str) -> Callable[[F], F]:
    """Logged in with one of these roles, or 403."""

    def decorator(view: F) -> F:
        @functools.wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def staff_viewer() -> Viewer:
    return Viewer(user=current_user._get_current_object())


def managed_table(public_id: str) -> CaseTable:
    """A table the current user facilitates (or any, for an admin); 404 otherwise."""
    try:
        table = table_by_public_id(public_id)
    except DomainError:
        abort(404)
    if not staff_viewer().manages(table):
        abort(404)  # do not reveal that the table exists
    return table


def observed_table(public_id: str) -> CaseTable:
    """A table whose stored content the current user may read (manager or its coordinator)."""
    try:
        table = table_by_public_id(public_id)
    except DomainError:
        abort(404)
    if not staff_viewer().observes(table):
        abort(404)
    return table
