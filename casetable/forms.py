"""Flask-WTF forms: CSRF on every form, and validation with clear Dutch messages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length

REQUIRED = _l("Dit veld is verplicht.")


def options(pairs: Iterable[tuple[Any, Any]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices (tuples are deprecated since WTForms 3.3)."""
    return [SelectChoice(value, label) for value, label in pairs]


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mailadres"), validators=[DataRequired(REQUIRED), Length(max=254)])
    password = PasswordField(_l("Wachtwoord"), validators=[DataRequired(REQUIRED), Length(max=200)])


class SetupForm(FlaskForm):
    email = EmailField(
        _l("E-mailadres"), validators=[DataRequired(REQUIRED), Email(), Length(max=254)]
    )
    password = PasswordField(
        _l("Wachtwoord (minstens 12 tekens)"), validators=[DataRequired(REQUIRED), Length(12, 200)]
    )


class UserForm(FlaskForm):
    email = EmailField(
        _l("E-mailadres"), validators=[DataRequired(REQUIRED), Email(), Length(max=254)]
    )
    password = PasswordField(
        _l("Startwachtwoord (minstens 12 tekens)"),
        validators=[DataRequired(REQUIRED), Length(12, 200)],
    )
    role = SelectField(
        _l("Rol"),
        choices=options([
            ("facilitator", _l("Gespreksleider")),
            ("coordinator", _l("Netwerkcoördinator")),
            ("admin", _l("Beheerder")),
        ]),
    )
    networks = SelectMultipleField(_l("Netwerken"), coerce=int)


class PasswordResetForm(FlaskForm):
    password = PasswordField(
        _l("Nieuw wachtwoord (minstens 12 tekens)"),
        validators=[DataRequired(REQUIRED), Length(12, 200)],
    )


class NetworkForm(FlaskForm):
    name = StringField(
        _l("Naam van het netwerk"), validators=[DataRequired(REQUIRED), Length(max=120)]
    )
    province = SelectField(_l("Provincie"))


class CatalogueItemForm(FlaskForm):
    kind = SelectField(
        _l("Catalogus"),
        choices=options([
            ("service", _l("Diensten")),
            ("theme", _l("Thema's")),
            ("target_group", _l("Doelgroepen")),
            ("right", _l("Rechten")),
        ]),
    )
    label_nl = StringField(
        _l("Naam (Nederlands)"), validators=[DataRequired(REQUIRED), Length(max=160)]
    )
    label_en = StringField(_l("Naam (Engels)"), validators=[Length(max=160)])


class MethodForm(FlaskForm):
    name_nl = StringField(
        _l("Naam van de methode"), validators=[DataRequired(REQUIRED), Length(max=120)]
    )
    description = TextAreaField(_l("Beschrijving"), validators=[Length(max=2000)])
    phases = TextAreaField(
        _l("Fasen: één per regel, als 'naam | minuten | soorten (komma's) | opties'"),
        validators=[DataRequired(REQUIRED), Length(max=8000)],
    )


class TableForm(FlaskForm):
    title = StringField(
        _l("Werktitel (zonder namen)"), validators=[DataRequired(REQUIRED), Length(max=160)]
    )
    network = SelectField(_l("Netwerk"), coerce=int)
    method = SelectField(_l("Methode"))
    date = DateField(_l("Datum"), validators=[InputRequired(REQUIRED)])
    attribution = RadioField(
        _l("Hoe worden bijdragen getoond?"),
        choices=options([
            ("alias", _l("Met de dienst van de deelnemer (bv. 'CAW 2')")),
            ("anonymous", _l("Volledig anoniem")),
        ]),
        default="alias",
    )


class VignetteForm(FlaskForm):
    vignette = TextAreaField(
        _l("Casus (gepseudonimiseerd)"), validators=[DataRequired(REQUIRED), Length(max=12000)]
    )
    question = TextAreaField(_l("Hulpvraag van de casusinbrenger"), validators=[Length(max=2000)])
    consent = RadioField(
        _l("Bevestiging"),
        choices=options([
            ("informed", _l("Het gezin weet dat zijn situatie anoniem besproken wordt.")),
            (
                "not_identifiable",
                _l("Niets in deze casus maakt het gezin herkenbaar voor de deelnemers."),
            ),
        ]),
        validators=[InputRequired(_l("Kies een bevestiging voor je de casus deelt."))],
    )


class JoinCodeForm(FlaskForm):
    code = StringField(
        _l("Code van de casustafel"), validators=[DataRequired(REQUIRED), Length(max=40)]
    )


class JoinForm(FlaskForm):
    service = SelectField(_l("Van welke dienst kom je?"), validators=[DataRequired(REQUIRED)])
    rules = BooleanField(
        _l("Ik heb de huisregels gelezen en respecteer het beroepsgeheim."),
        validators=[DataRequired(_l("Aanvaard de huisregels om deel te nemen."))],
    )


class ConfirmForm(FlaskForm):
    """A form with only a CSRF token, for POST buttons (open, close, purge)."""
