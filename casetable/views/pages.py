"""Public pages: home, privacy and house rules, health check."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from casetable import seed_data
from casetable.services.accounts import needs_setup

bp = Blueprint("pages", __name__)


@bp.get("/")
def home() -> str | Response:
    """Landing page: join with a code, or go to your tables."""
    if current_user.is_authenticated:
        return redirect(url_for("tables.index"))
    return render_template("pages/home.html", needs_setup=needs_setup())


@bp.get("/privacy")
def privacy() -> str:
    """What is stored, for how long, who sees it; the house rules."""
    return render_template(
        "pages/privacy.html", rules=seed_data.HOUSE_RULES_NL, rules_en=seed_data.HOUSE_RULES_EN
    )


@bp.get("/healthz")
def health() -> dict[str, str]:
    """Liveness for the proxy and the tests."""
    return {"status": "ok"}
