"""Error pages in the user's language; they never repeat what the user typed."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Ongeldige aanvraag"), _("Er klopte iets niet aan wat je verstuurde.")),
        401: (_("Aanmelden nodig"), _("Meld je eerst aan.")),
        403: (_("Geen toegang"), _("Je hebt geen toegang tot deze pagina.")),
        404: (_("Niet gevonden"), _("Deze pagina bestaat niet (meer).")),
        405: (_("Niet toegestaan"), _("Deze actie kan zo niet.")),
        413: (_("Te groot"), _("Wat je verstuurde is te groot. Maak de tekst korter.")),
        429: (
            _("Even geduld"),
            _("Te veel pogingen na elkaar. Wacht een minuut en probeer dan opnieuw."),
        ),
        500: (
            _("Er ging iets mis"),
            _("Er ging iets mis aan onze kant. Er is niets van je tekst bewaard of gelogd."),
        ),
    }


def register_error_handlers(app: Flask) -> None:
    """One handler for every HTTP error, plus CSRF failures and unexpected exceptions."""

    @app.errorhandler(HTTPException)
    def _http_error(err: HTTPException) -> tuple[str | dict, int]:
        code = err.code or 500
        title, message = _messages().get(code, (_("Fout"), err.name))
        if request.accept_mimetypes.best == "application/json":
            return {"ok": False, "error": code, "message": message}, code
        return render_template("errors/error.html", title=title, message=message), code

    @app.errorhandler(CSRFError)
    def _csrf_error(err: CSRFError) -> tuple[str, int]:
        return render_template(
            "errors/error.html",
            title=_("Formulier verlopen"),
            message=_("Dit formulier is verlopen of onvolledig. Laad de pagina opnieuw."),
        ), 400

    @app.errorhandler(Exception)
    def _unexpected(err: Exception) -> tuple[str, int]:
        if isinstance(err, HTTPException):
            return _http_error(err)  # type: ignore[return-value]
        log.exception("unhandled error on %s", request.endpoint)
        return _http_error(InternalServerError())  # type: ignore[return-value]
