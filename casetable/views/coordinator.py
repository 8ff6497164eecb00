"""The coordinator's view: counts, charts, referrals and signals of their networks per period."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import Markup

from casetable import seed_data
from casetable.export import labels as export_labels
from casetable.models import Role
from casetable.services import catalogue, overview
from casetable.services.errors import DomainError
from casetable.services.overview import OverviewQuery
from casetable.views.access import current_lang as _lang
from casetable.views.access import roles_required
from casetable.views.summaries import send_export

bp = Blueprint("coordinator", __name__, url_prefix="/overzicht")




def _query() -> OverviewQuery:
    return OverviewQuery.from_args(request.args, datetime.now(UTC).date())


@bp.get("/")
@login_required
def index() -> str | Response:
    """Counts, charts, referrals per province and the signals list for the chosen period."""
    if current_user.role not in (Role.COORDINATOR, Role.ADMIN):
        return redirect(url_for("tables.index"))  # staff menus link here; a facilitator's list
    query = _query()
    try:
        result = overview.build_overview(current_user, query, _lang())
    except DomainError:
        abort(404)
    lang = _lang()
    return render_template(
        "coordinator/index.html",
        query=query,
        args=query.to_args(),
        result=result,
        o=result.overview,
        # Our own SVG from export.charts: no script, every label escaped there.
        charts={k: Markup(svg) for k, svg in overview.charts(result.overview, lang).items()},  # noqa: S704
        signals=list(zip(result.overview.signals, result.signal_tables, strict=True)),
        networks=overview.allowed_networks(current_user),
        themes=catalogue.catalogue("theme", active_only=False),
        levels={k: v[1] if lang == "en" else v[0] for k, v in seed_data.SIGNAL_LEVELS.items()},
        urgencies={k: v[1] if lang == "en" else v[0] for k, v in seed_data.URGENCIES.items()},
        code_label=export_labels.code_label,
        format_date=export_labels.format_date,
        is_admin=current_user.role == Role.ADMIN,
    )


@bp.get("/verslagen")
@roles_required(Role.COORDINATOR, Role.ADMIN)
def reports() -> str:
    """Closed tables of the user's networks, each linking to its summary."""
    return render_template("coordinator/reports.html", tables=overview.closed_tables(current_user))


@bp.get("/export.<fmt>")
@roles_required(Role.COORDINATOR, Role.ADMIN)
def export(fmt: str) -> Response:
    """The signaalnota (md, docx, pdf, json) or the signals as CSV; audited."""
    try:
        return send_export(overview.export_overview(current_user, _query(), fmt, _lang()))
    except DomainError:
        abort(404)


@bp.get("/grafiek/<key>.svg")
@roles_required(Role.COORDINATOR, Role.ADMIN)
def chart(key: str) -> Response:
    """One chart as a standalone SVG image."""
    try:
        svg = overview.chart_svg(current_user, _query(), key, _lang())
    except DomainError:
        abort(404)
    return Response(svg, content_type="image/svg+xml; charset=utf-8")
