"""Log in, log out, first-run set-up."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from casetable.extensions import db, limiter
from casetable.forms import LoginForm, SetupForm
from casetable.services import accounts, audit
from casetable.services.errors import DomainError
from casetable.views.access import current_lang

bp = Blueprint("auth", __name__)


def _login_limit() -> str:
    return str(current_app.config["RATELIMIT_LOGIN"])


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login() -> str | Response:
    """Staff log in; a new session id is issued (no session fixation)."""
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(form.email.data or "", form.password.data or "")
        except DomainError as err:
            flash(err.message(current_lang()), "error")
        else:
            lang = session.get("lang")
            session.clear()  # drop anything set before login, including participant seats
            if lang:
                session["lang"] = lang
            login_user(user)
            session.permanent = True
            target = request.args.get("next", "")
            if not target.startswith("/") or target.startswith("//"):
                target = url_for("tables.index")
            return redirect(target)
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    """End the session completely."""
    audit.record("logout", current_user._get_current_object())
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("Je bent afgemeld."), "info")
    return redirect(url_for("pages.home"))


@bp.route("/setup/<token>", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
def setup(token: str) -> str | Response:
    """The one-time link printed at first start: create the first administrator."""
    if not accounts.needs_setup():
        abort(404)
    form = SetupForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_first_admin(
                token, form.email.data or "", form.password.data or ""
            )
        except DomainError as err:
            flash(err.message(current_lang()), "error")
        else:
            session.clear()
            login_user(user)
            flash(
                _("Welkom! Maak nu een netwerk en de accounts van de gespreksleiders aan."), "info"
            )
            return redirect(url_for("admin.index"))
    return render_template("auth/setup.html", form=form)
