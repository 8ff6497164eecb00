"""Session summaries of closed tables: the HTML page and the Markdown/DOCX/PDF/JSON downloads."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template
from flask_login import current_user, login_required

from casetable.export import labels as export_labels
from casetable.services import summaries
from casetable.services.errors import DomainError
from casetable.services.summaries import Export
from casetable.views.access import current_lang as _lang
from casetable.views.access import observed_table

bp = Blueprint("summaries", __name__)


def send_export(export: Export) -> Response:
    """Send rendered bytes as a download (the bytes come from a pure render_* function)."""
    response = Response(export.data, content_type=export.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response




@bp.get("/t/<public_id>/verslag")
@login_required
def show(public_id: str) -> str:
    """The summary of a closed table as a page, from the same model as the downloads."""
    table = observed_table(public_id)
    try:
        summaries.readable_table(current_user, table)
    except DomainError:
        abort(404)
    return render_template(
        "summaries/show.html",
        table=table,
        summary=summaries.summary_for(table, _lang()),
        code_label=export_labels.code_label,
        format_duration=export_labels.format_duration,
        format_date=export_labels.format_date,
    )


@bp.get("/t/<public_id>/verslag.<fmt>")
@login_required
def download(public_id: str, fmt: str) -> Response:
    """Download the summary as md, docx, pdf or json; each download goes to the audit log."""
    table = observed_table(public_id)
    try:
        return send_export(summaries.export_summary(current_user, table, fmt, _lang()))
    except DomainError:
        abort(404)
