"""Domain errors with a stable code and a message in Dutch and English.

Messages never include user text: an error about a text must not leak the text.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "invalid": ("Ongeldige invoer.", "Invalid input."),
    "text_required": ("Vul een tekst in.", "Please enter a text."),
    "text_too_long": (
        "De tekst is te lang (maximaal {limit} tekens).",
        "Text too long (max {limit}).",
    ),
    "not_found": ("Deze casustafel bestaat niet of is niet meer actief.", "Table not found."),
    "bad_code": ("Deze code is ongeldig of de tafel is gesloten.", "Invalid code or closed table."),
    "forbidden": ("Je hebt geen toegang tot deze casustafel.", "You have no access to this table."),
    "not_open": ("De casustafel is niet open.", "The table is not open."),
    "closed": ("De casustafel is gesloten: er kan niets meer bij.", "The table is closed."),
    "rules_required": ("Aanvaard eerst de huisregels.", "Accept the house rules first."),
    "kind_closed": (
        "Dit soort bijdrage is in deze fase niet open.",
        "This kind of contribution is not open in this phase.",
    ),
    "bringer_listens": (
        "In deze fase luistert de casusinbrenger alleen.",
        "In this phase the case bringer only listens.",
    ),
    "bringer_only": (
        "Alleen de casusinbrenger kan dit soort bijdrage plaatsen.",
        "Only the case bringer can post this kind.",
    ),
    "voting_closed": ("Stemmen kan alleen op adviezen.", "You can only vote on advice."),
    "already_voted": ("Je hebt al op dit advies gestemd.", "You already voted on this advice."),
    "consent_required": (
        "Bevestig eerst dat het gezin op de hoogte is of dat niets het gezin herkenbaar maakt.",
        "Confirm consent or non-identifiability first.",
    ),
    "rate_limited": (
        "Even rustig: je plaatst te snel bijdragen. Probeer het zo opnieuw.",
        "Slow down: too many contributions. Try again shortly.",
    ),
    "attribution_less_anonymous": (
        "De tafel kan alleen anoniemer worden, niet minder anoniem.",
        "Attribution can only become more anonymous.",
    ),
    "no_such_participant": ("Die deelnemer zit niet aan deze tafel.", "No such participant."),
    "no_such_contribution": ("Die bijdrage bestaat niet.", "No such contribution."),
    "no_such_note": ("Dat leerpunt bestaat niet.", "No such note."),
    "not_allowed": ("Dat mag jij hier niet doen.", "You are not allowed to do that."),
    "bad_credentials": ("E-mailadres of wachtwoord klopt niet.", "Wrong e-mail or password."),
    "locked": (
        "Te veel mislukte pogingen. Probeer het over enkele minuten opnieuw.",
        "Too many failed attempts. Try again in a few minutes.",
    ),
    "weak_password": (
        "Kies een wachtwoord van minstens 12 tekens.",
        "Choose a password of at least 12 characters.",
    ),
    "email_taken": ("Er bestaat al een account met dit e-mailadres.", "E-mail already in use."),
    "bad_token": ("Deze link is ongeldig of al gebruikt.", "This link is invalid or used."),
    "server_error": (
        "Er ging iets mis aan onze kant. Je bijdrage is niet verloren: probeer opnieuw.",
        "Something went wrong on our side. Nothing was lost: please retry.",
    ),
}


class DomainError(Exception):
    """A refusal a user can understand; `code` is stable for clients and tests."""

    def __init__(self, code: str, **params: object) -> None:
        if code not in MESSAGES:
            code = "invalid"
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "nl") -> str:
        nl, en = MESSAGES[self.code]
        return (en if lang == "en" else nl).format(**self.params)

    def to_json(self, lang: str = "nl") -> dict[str, object]:
        return {"ok": False, "error": self.code, "message": self.message(lang)}
