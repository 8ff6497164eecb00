"""Facilitator pages: list, create, console, vignette, open, close, projector, QR code."""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

import segno
from flask import Blueprint, Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup

from casetable import seed_data
from casetable.forms import ConfirmForm, TableForm, VignetteForm, options
from casetable.models import Role, TableStatus
from casetable.scrub.reident import assess
from casetable.services import catalogue, tables
from casetable.services.errors import DomainError
from casetable.views.access import current_lang as _lang
from casetable.views.access import managed_table, roles_required

bp = Blueprint("tables", __name__)




@bp.get("/tables")
@login_required
def index() -> str | Response:
    """The tables this user runs (facilitator), sees (coordinator) or all (admin)."""
    if current_user.role == Role.COORDINATOR:
        return redirect(url_for("coordinator.index"))
    return render_template("tables/index.html", tables=tables.tables_for(current_user))


@bp.route("/tables/new", methods=["GET", "POST"])
@roles_required(Role.FACILITATOR, Role.ADMIN)
def new() -> str | Response:
    """Create a draft table from a method template."""
    form = TableForm()
    networks = current_user.networks if current_user.role != Role.ADMIN else _all_networks()
    form.network.choices = options([(n.id, f"{n.name} ({n.province})") for n in networks])
    form.method.choices = options([(m.slug, m.name(_lang())) for m in catalogue.methods()])
    if not form.is_submitted():
        form.date.data = datetime.now(UTC).date()
    if not networks:
        flash(_("Je bent nog aan geen netwerk gekoppeld. Vraag het aan de beheerder."), "error")
    if form.validate_on_submit():
        try:
            table = tables.create_table(
                current_user,
                title=form.title.data or "",
                network_id=form.network.data,
                method_slug=form.method.data or "",
                scheduled_for=datetime.combine(form.date.data, time(9, 0), tzinfo=UTC),
                attribution=form.attribution.data or "alias",
            )
        except DomainError as err:
            flash(err.message(_lang()), "error")
        else:
            return redirect(url_for("tables.console", public_id=table.public_id))
    return render_template("tables/new.html", form=form, methods=catalogue.methods())


def _all_networks() -> list:
    from sqlalchemy import select

    from casetable.extensions import db
    from casetable.models import Network

    return list(db.session.scalars(select(Network).order_by(Network.name)))


@bp.get("/t/<public_id>")
@login_required
def console(public_id: str) -> str:
    """The facilitator's console: phases, timer, participants, moderation, notes."""
    table = managed_table(public_id)
    return render_template(
        "tables/console.html",
        table=table,
        vignette_form=VignetteForm(),
        confirm=ConfirmForm(),
        code=tables.format_code(table.join_code),
        join_url=_join_url(table),
        catalogues=_catalogues(),
        reident=assess(table.vignette.text) if table.vignette else None,
    )


@bp.get("/t/<public_id>/projector")
@login_required
def projector(public_id: str) -> str:
    """Large-type view for the projector: phase, timer, join code and QR, live stream."""
    table = managed_table(public_id)
    return render_template(
        "tables/projector.html",
        table=table,
        code=tables.format_code(table.join_code),
        join_url=_join_url(table),
        catalogues=_catalogues(),
    )


@bp.get("/t/<public_id>/qr.svg")
@login_required
def qr(public_id: str) -> Response:
    """QR code of the join link, drawn on the server as SVG."""
    table = managed_table(public_id)
    if not table.join_code:
        return Response(status=404)
    # A standalone SVG needs its xmlns (svg_inline leaves it out), or <img> shows nothing.
    out = io.BytesIO()
    segno.make(_join_url(table), error="m").save(
        out, kind="svg", scale=8, border=2, dark="#1b1f24", xmldecl=False
    )
    return Response(out.getvalue(), mimetype="image/svg+xml")


def _join_url(table: object) -> str:
    code = getattr(table, "join_code", None)
    return url_for("join.by_link", code=code, _external=True) if code else ""


def _catalogues() -> dict:
    lang = _lang()
    return {
        "kinds": {k: (v[1] if lang == "en" else v[0]) for k, v in seed_data.KINDS.items()},
        "services": catalogue.labels("service", lang),
        "themes": catalogue.labels("theme", lang),
        "target_groups": catalogue.labels("target_group", lang),
        "rights": catalogue.labels("right", lang),
        "note_kinds": {
            k: (v[1] if lang == "en" else v[0]) for k, v in seed_data.NOTE_KINDS.items()
        },
        "levels": {k: (v[1] if lang == "en" else v[0]) for k, v in seed_data.SIGNAL_LEVELS.items()},
        "urgencies": {k: (v[1] if lang == "en" else v[0]) for k, v in seed_data.URGENCIES.items()},
    }


@bp.post("/t/<public_id>/open")
@login_required
def open_(public_id: str) -> Response:
    """Open the table: the join code becomes active."""
    table = managed_table(public_id)
    if ConfirmForm().validate_on_submit():
        try:
            tables.open_table(current_user, table)
        except DomainError as err:
            flash(err.message(_lang()), "error")
    return redirect(url_for("tables.console", public_id=public_id))


@bp.post("/t/<public_id>/vignette")
@login_required
def vignette(public_id: str) -> Response | str:
    """Post the vignette and question after the consent confirmation."""
    table = managed_table(public_id)
    form = VignetteForm()
    if form.validate_on_submit():
        try:
            tables.post_vignette(
                current_user,
                table,
                vignette=form.vignette.data or "",
                question=form.question.data or "",
                consent=form.consent.data,
            )
        except DomainError as err:
            flash(err.message(_lang()), "error")
        else:
            from casetable.realtime import _broadcast_state

            _broadcast_state(table, texts=True)
            if table.vignette and table.vignette.redactions:
                flash(
                    _(
                        "De casus is gedeeld. De scrubber verving %(n)d gegevens.",
                        n=len(table.vignette.redactions),
                    ),
                    "info",
                )
            else:
                flash(_("De casus is gedeeld."), "info")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
    return redirect(url_for("tables.console", public_id=public_id))


@bp.post("/t/<public_id>/close")
@login_required
def close(public_id: str) -> Response:
    """Close the table (the console also does this live over the socket)."""
    table = managed_table(public_id)
    if ConfirmForm().validate_on_submit() and table.status == TableStatus.OPEN:
        try:
            tables.close_table(current_user, table)
        except DomainError as err:
            flash(err.message(_lang()), "error")
        else:
            from casetable.realtime import _broadcast_state

            _broadcast_state(table)
    return redirect(url_for("tables.console", public_id=public_id))


def qr_inline(url: str) -> Markup:
    """Our own generated SVG, safe to inline (no user text in it)."""
    return Markup(segno.make(url, error="m").svg_inline(scale=6, border=2))  # noqa: S704
