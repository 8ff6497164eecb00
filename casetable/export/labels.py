"""Every visible word of the exports, in Dutch (default) and English, so renderers hold no prose."""

from __future__ import annotations

import datetime as dt

DEFAULT_LANG = "nl"

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # document titles and sections
        "summary_title": "Verslag anonieme casustafel",
        "signaalnota_title": "Signaalnota",
        "meta": "Gegevens van de tafel",
        "date": "Datum",
        "network": "Netwerk",
        "networks": "Netwerk(en)",
        "province": "Provincie",
        "method": "Methode",
        "generated_at": "Opgemaakt op",
        "services": "Deelnemende diensten",
        "service": "Dienst",
        "participants": "Deelnemers",
        "contributions": "Bijdragen",
        "counts": "Aantallen",
        "count": "Aantal",
        "kind": "Soort",
        "total": "Totaal",
        "vignette": "Casus (vignet)",
        "question": "Hulpvraag",
        "phases": "Verloop per fase",
        "phase": "Fase",
        "planned": "gepland",
        "actual": "duurde",
        "minutes_short": "min",
        "seconds_short": "s",
        "no_contributions": "Geen bijdragen in deze fase.",
        "advice": "Adviezen, gerangschikt op stemmen",
        "votes": "stemmen",
        "vote": "stem",
        "referral": "doorverwijzing naar",
        "approved": "aanvaard door de casusinbrenger",
        "rights": "Rechten om te verkennen",
        "notes": "Leerpunten en signalen",
        "themes": "Thema's",
        "doelgroepen": "Doelgroepen",
        "tags_rights": "Rechten",
        "level": "Niveau",
        "urgency": "Urgentie",
        "none": "geen",
        "no_data": "geen gegevens",
        "anonymous_notice": (
            "Dit verslag bevat enkel geanonimiseerde tekst. Namen en andere "
            "identificerende gegevens zijn vervangen door plaatshouders zoals [persoon 1]."
        ),
        "period": "Periode",
        "tables": "Aantal casustafels",
        "referrals": "Doorverwijzingen per provincie en dienst",
        "signals": "Signalen",
        "table": "Casustafel",
        "recurring": "Terugkerende knelpunten",
        "came_back_in": "kwam terug in",
        "category_theme": "thema",
        "category_right": "recht",
        "category_doelgroep": "doelgroep",
        "suppressed_notice": (
            "Aantallen kleiner dan vijf worden getoond als \u201c<5\u201d "
            "om herkenning te vermijden."
        ),
        "page": "Pagina",
        "text": "Tekst",
        "chart_desc": "Staafdiagram",
        "to": "tot en met",
    },
    "en": {
        "summary_title": "Anonymous case table report",
        "signaalnota_title": "Policy signals report",
        "meta": "Table details",
        "date": "Date",
        "network": "Network",
        "networks": "Network(s)",
        "province": "Province",
        "method": "Method",
        "generated_at": "Generated on",
        "services": "Participating services",
        "service": "Service",
        "participants": "Participants",
        "contributions": "Contributions",
        "counts": "Counts",
        "count": "Count",
        "kind": "Kind",
        "total": "Total",
        "vignette": "Case (vignette)",
        "question": "Question for the table",
        "phases": "Course by phase",
        "phase": "Phase",
        "planned": "planned",
        "actual": "took",
        "minutes_short": "min",
        "seconds_short": "s",
        "no_contributions": "No contributions in this phase.",
        "advice": "Advice, ranked by votes",
        "votes": "votes",
        "vote": "vote",
        "referral": "referral to",
        "approved": "accepted by the case bringer",
        "rights": "Rights to explore",
        "notes": "Learning notes and signals",
        "themes": "Themes",
        "doelgroepen": "Target groups",
        "tags_rights": "Rights",
        "level": "Level",
        "urgency": "Urgency",
        "none": "none",
        "no_data": "no data",
        "anonymous_notice": (
            "This report contains anonymised text only. Names and other identifying "
            "details were replaced by placeholders such as [persoon 1]."
        ),
        "period": "Period",
        "tables": "Number of case tables",
        "referrals": "Referrals by province and service",
        "signals": "Signals",
        "table": "Case table",
        "recurring": "Recurring problems",
        "came_back_in": "came back in",
        "category_theme": "theme",
        "category_right": "right",
        "category_doelgroep": "target group",
        "suppressed_notice": (
            "Counts below five are shown as \u201c<5\u201d to prevent recognition."
        ),
        "page": "Page",
        "text": "Text",
        "chart_desc": "Bar chart",
        "to": "to",
    },
}

# Codes stored in the model -> label per language.
CODE_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "vraag": "Vragen",
        "antwoord": "Antwoorden van de casusinbrenger",
        "analyse": "Analyse",
        "advies": "Adviezen",
        "hulpbron": "Hulpbronnen",
        "signaal": "Signalen",
        "reflectie": "Reflectie van de casusinbrenger",
        "leerpunt": "Leerpunt",
        "signaal_beleid": "Signaal naar beleid",
        "goede_praktijk": "Goede praktijk",
        "afspraak": "Afspraak",
        "eigen_organisatie": "eigen organisatie",
        "lokaal_bestuur": "lokaal bestuur",
        "vlaams": "Vlaams",
        "federaal": "federaal",
        "laag": "laag",
        "normaal": "normaal",
        "hoog": "hoog",
    },
    "en": {
        "vraag": "Questions",
        "antwoord": "Answers of the case bringer",
        "analyse": "Analysis",
        "advies": "Advice",
        "hulpbron": "Resources",
        "signaal": "Signals",
        "reflectie": "Reflection of the case bringer",
        "leerpunt": "Learning point",
        "signaal_beleid": "Signal to policy",
        "goede_praktijk": "Good practice",
        "afspraak": "Agreement",
        "eigen_organisatie": "own organisation",
        "lokaal_bestuur": "local government",
        "vlaams": "Flemish",
        "federaal": "federal",
        "laag": "low",
        "normaal": "normal",
        "hoog": "high",
    },
}

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def _lang(lang: str) -> str:
    """Fall back to Dutch so an unknown language never breaks a download."""
    return lang if lang in LABELS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG) -> str:
    """Look up a fixed label; a missing key is a programming error, so it raises."""
    return LABELS[_lang(lang)][key]


def code_label(code: str, lang: str = DEFAULT_LANG) -> str:
    """Label for a model code (kind, level, urgency); unknown codes are shown as they are."""
    return CODE_LABELS[_lang(lang)].get(code, code)


def format_date(value: dt.date, lang: str = DEFAULT_LANG) -> str:
    """Long date ("23 november 2026") that does not depend on the server's locale."""
    return f"{value.day} {_MONTHS[_lang(lang)][value.month - 1]} {value.year}"


def format_datetime(value: dt.datetime, lang: str = DEFAULT_LANG) -> str:
    """Date and time in UTC, stated as such, so readers in any zone see the same value."""
    utc = value.astimezone(dt.UTC) if value.tzinfo else value
    return f"{format_date(utc.date(), lang)} {utc:%H:%M} UTC"


def format_duration(seconds: int | None, lang: str = DEFAULT_LANG) -> str:
    """Minutes and seconds ("12 min 5 s"); None when a phase never ran."""
    if seconds is None:
        return "\u2013"
    minutes, secs = divmod(int(seconds), 60)
    mn, sc = t("minutes_short", lang), t("seconds_short", lang)
    return f"{minutes} {mn} {secs} {sc}" if secs else f"{minutes} {mn}"
