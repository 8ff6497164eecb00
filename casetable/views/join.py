"""Participants join without an account: code or link, service, house rules."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response

from casetable import seed_data
from casetable.extensions import limiter
from casetable.forms import JoinCodeForm, JoinForm, options
from casetable.services import catalogue, participants
from casetable.services.errors import DomainError
from casetable.services.tables import normalise_code, table_by_public_id
from casetable.views.access import current_lang as _lang

bp = Blueprint("join", __name__)


def _join_limit() -> str:
    return str(current_app.config["RATELIMIT_JOIN"])


def _per_table_key() -> str:
    return "code:" + normalise_code(request.view_args.get("code") if request.view_args else "")




@bp.route("/join", methods=["GET", "POST"])
@limiter.limit(_join_limit, methods=["POST"])
def enter_code() -> str | Response:
    """Type the code shown on the screen."""
    form = JoinCodeForm()
    if form.validate_on_submit():
        try:
            participants.find_table_by_code(form.code.data)
        except DomainError as err:
            flash(err.message(_lang()), "error")
        else:
            return redirect(url_for("join.by_link", code=normalise_code(form.code.data)))
    return render_template("join/code.html", form=form)


@bp.route("/j/<code>", methods=["GET", "POST"])
@limiter.limit(_join_limit, methods=["GET", "POST"])
@limiter.limit(lambda: str(current_app.config["RATELIMIT_JOIN_PER_TABLE"]), key_func=_per_table_key)
def by_link(code: str) -> str | Response:
    """The join link (also in the QR code): choose a service and accept the house rules."""
    try:
        table = participants.find_table_by_code(code)
    except DomainError as err:
        flash(err.message(_lang()), "error")
        return redirect(url_for("join.enter_code"))
    seats = session.get("seats") or {}
    if participants.participant_by_token(table, seats.get(table.public_id)):
        return redirect(url_for("join.room", public_id=table.public_id))
    form = JoinForm()
    form.service.choices = options([("", "—")] + [
        (item.slug, item.label(_lang())) for item in catalogue.catalogue("service")
    ])
    if form.validate_on_submit():
        try:
            _participant, token = participants.join_table(
                table, form.service.data or "", form.rules.data
            )
        except DomainError as err:
            flash(err.message(_lang()), "error")
        else:
            seats = dict(session.get("seats") or {})
            seats[table.public_id] = token
            session["seats"] = seats
            session.permanent = True
            return redirect(url_for("join.room", public_id=table.public_id))
    rules = seed_data.HOUSE_RULES_EN if _lang() == "en" else seed_data.HOUSE_RULES_NL
    return render_template("join/join.html", form=form, table=table, rules=rules)


@bp.get("/t/<public_id>/room")
def room(public_id: str) -> str | Response:
    """The participant's view of the live table."""
    try:
        table = table_by_public_id(public_id)
    except DomainError:
        return redirect(url_for("join.enter_code"))
    token = (session.get("seats") or {}).get(table.public_id)
    participant = participants.participant_by_token(table, token)
    if participant is None:
        flash(participants_message(), "error")
        return redirect(url_for("join.enter_code"))
    from casetable.views.tables import _catalogues

    return render_template(
        "join/room.html", table=table, participant=participant, catalogues=_catalogues()
    )


def participants_message() -> str:
    return DomainError("forbidden").message(_lang())
