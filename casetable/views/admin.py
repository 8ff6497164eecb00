"""Administrator pages: networks, accounts, catalogues, method templates, audit log."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from casetable import seed_data
from casetable.extensions import db, login_manager
from casetable.forms import (
    CatalogueItemForm,
    ConfirmForm,
    MethodForm,
    NetworkForm,
    PasswordResetForm,
    UserForm,
    options,
)
from casetable.models import AuditEvent, Network, Role, User
from casetable.services import accounts, audit, catalogue
from casetable.services.errors import DomainError
from casetable.views.access import current_lang as _lang

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
def _only_admins() -> Response | None:
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if current_user.role != Role.ADMIN:
        abort(403)
    return None




def _networks() -> list[Network]:
    return list(db.session.scalars(select(Network).order_by(Network.province, Network.name)))


@bp.get("/")
def index() -> str:
    """Overview: networks, accounts, catalogues, methods."""
    user_form = UserForm()
    user_form.networks.choices = options([(n.id, n.name) for n in _networks()])
    network_form = NetworkForm()
    network_form.province.choices = options([(p, p) for p in seed_data.PROVINCES])
    return render_template(
        "admin/index.html",
        users=list(db.session.scalars(select(User).order_by(User.role, User.email))),
        networks=_networks(),
        user_form=user_form,
        network_form=network_form,
        item_form=CatalogueItemForm(),
        method_form=MethodForm(),
        confirm=ConfirmForm(),
        catalogues={
            k: catalogue.catalogue(k, active_only=False) for k in catalogue.CATALOGUE_KINDS
        },
        methods=catalogue.methods(active_only=False),
    )


@bp.post("/users")
def create_user() -> Response:
    """Create a facilitator, coordinator or administrator account."""
    form = UserForm()
    form.networks.choices = options([(n.id, n.name) for n in _networks()])
    if form.validate_on_submit():
        try:
            accounts.create_user(
                form.email.data or "",
                form.password.data or "",
                form.role.data or "",
                list(form.networks.data or []),
                actor=current_user,
            )
            flash(_("Account aangemaakt."), "info")
        except DomainError as err:
            flash(err.message(_lang()), "error")
    else:
        _flash_errors(form)
    return redirect(url_for("admin.index"))


@bp.route("/users/<int:user_id>/password", methods=["GET", "POST"])
def reset_password(user_id: int) -> str | Response:
    """Set a new password for a user; their sessions end."""
    user = db.session.get(User, user_id) or abort(404)
    form = PasswordResetForm()
    if form.validate_on_submit():
        try:
            accounts.reset_password(user, form.password.data or "", current_user)
            flash(_("Nieuw wachtwoord ingesteld."), "info")
            return redirect(url_for("admin.index"))
        except DomainError as err:
            flash(err.message(_lang()), "error")
    return render_template("admin/password.html", form=form, user=user)


@bp.post("/networks")
def create_network() -> Response:
    """Create a local network in a province."""
    form = NetworkForm()
    form.province.choices = options([(p, p) for p in seed_data.PROVINCES])
    if form.validate_on_submit():
        try:
            accounts.create_network(form.name.data or "", form.province.data or "", current_user)
            flash(_("Netwerk aangemaakt."), "info")
        except DomainError as err:
            flash(err.message(_lang()), "error")
    else:
        _flash_errors(form)
    return redirect(url_for("admin.index"))


@bp.post("/catalogue")
def add_item() -> Response:
    """Add a service, theme, target group or right."""
    form = CatalogueItemForm()
    if form.validate_on_submit():
        try:
            catalogue.add_catalogue_item(
                current_user,
                form.kind.data or "",
                form.label_nl.data or "",
                form.label_en.data or "",
            )
            flash(_("Toegevoegd aan de catalogus."), "info")
        except DomainError as err:
            flash(err.message(_lang()), "error")
    return redirect(url_for("admin.index"))


@bp.post("/catalogue/<int:item_id>/<any(on,off):state>")
def toggle_item(item_id: int, state: str) -> Response:
    """Retire or restore a catalogue entry."""
    if ConfirmForm().validate_on_submit():
        try:
            catalogue.set_catalogue_item_active(current_user, item_id, state == "on")
        except DomainError as err:
            flash(err.message(_lang()), "error")
    return redirect(url_for("admin.index"))


@bp.post("/methods")
def add_method() -> Response:
    """Write a method template: one phase per line, 'name | minutes | kinds | options'."""
    form = MethodForm()
    if form.validate_on_submit():
        phases = []
        for line in (form.phases.data or "").splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            name = parts[0]
            minutes = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 10
            kinds = [k.strip() for k in parts[2].split(",")] if len(parts) > 2 else []
            options = {o.strip() for o in parts[3].split(",")} if len(parts) > 3 else set()
            phases.append(
                {
                    "name_nl": name,
                    "minutes": minutes,
                    "kinds": kinds,
                    **{flag: flag in options for flag in catalogue.PHASE_FLAGS},
                }
            )
        try:
            catalogue.add_method(
                current_user, form.name_nl.data or "", form.description.data or "", phases
            )
            flash(_("Methode toegevoegd."), "info")
        except DomainError as err:
            flash(err.message(_lang()), "error")
    else:
        _flash_errors(form)
    return redirect(url_for("admin.index"))


@bp.get("/audit")
def audit_log() -> str:
    """The last 500 audit events."""
    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(500))
    return render_template("admin/audit.html", events=list(events))


@bp.get("/audit.csv")
def audit_csv() -> Response:
    """The whole audit log as CSV (no text bodies are in it)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["tijdstip", "actor", "actie", "tafel", "details"])
    for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        details = ",".join(f"{k}={v}" for k, v in sorted(e.details.items()))
        writer.writerow(
            [
                e.at.isoformat(timespec="seconds"),
                e.actor,
                e.action,
                e.table_id or "",
                _cell(details),
            ]
        )
    audit.record("export_audit", current_user)
    db.session.commit()
    return Response(
        "\ufeff" + out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=audit.csv"},
    )


def _cell(value: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _flash_errors(form: object) -> None:
    for errors in getattr(form, "errors", {}).values():
        for error in errors:
            flash(str(error), "error")
