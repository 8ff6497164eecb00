"""Content decisions shared by all renderers (what goes in which order), not how it looks."""

from __future__ import annotations

from collections.abc import Iterable

from casetable.export.labels import code_label, format_date, format_duration, t
from casetable.export.model import (
    NOTE_KINDS,
    URGENCIES,
    Advice,
    Contribution,
    Note,
    Overview,
    Phase,
    Signal,
    Summary,
    Tags,
)


def tag_parts(tags: Tags, lang: str) -> list[tuple[str, str]]:
    """(label, comma-joined values) for each non-empty tag group, in a fixed order."""
    groups = (("themes", tags.themes), ("doelgroepen", tags.doelgroepen),
              ("tags_rights", tags.rights))
    return [(t(key, lang), ", ".join(values)) for key, values in groups if values]


def signal_parts(level: str | None, urgency: str | None, lang: str) -> list[tuple[str, str]]:
    """(label, value) for a signal's level and urgency when set."""
    parts = []
    if level:
        parts.append((t("level", lang), code_label(level, lang)))
    if urgency:
        parts.append((t("urgency", lang), code_label(urgency, lang)))
    return parts


def note_meta(note: Note | Signal, lang: str) -> list[tuple[str, str]]:
    """Everything shown under a note's text: level, urgency, then tags."""
    return signal_parts(note.level, note.urgency, lang) + tag_parts(note.tags, lang)


def notes_by_kind(summary: Summary) -> list[tuple[str, tuple[Note, ...]]]:
    """Notes grouped by kind in NOTE_KINDS order, empty kinds left out."""
    groups = [(kind, summary.notes_of(kind)) for kind in NOTE_KINDS]
    return [(kind, notes) for kind, notes in groups if notes]


def votes_text(votes: int, lang: str) -> str:
    """ "1 stem" / "3 stemmen"."""
    return f"{votes} {t('vote' if votes == 1 else 'votes', lang)}"


def contribution_meta(c: Contribution, lang: str) -> str:
    """Author alias, votes and referral of a contribution, as one short line."""
    parts = [c.author] if c.author else []
    if c.votes:
        parts.append(votes_text(c.votes, lang))
    if c.referral:
        parts.append(f"{t('referral', lang)} {c.referral}")
    return " \u00b7 ".join(parts)


def advice_meta(a: Advice, lang: str) -> str:
    """Votes, referral and approval of an advice, as one short line."""
    parts = [votes_text(a.votes, lang)]
    if a.referral:
        parts.append(f"{t('referral', lang)} {a.referral}")
    if a.approved:
        parts.append("\u2713 " + t("approved", lang))
    return " \u00b7 ".join(parts)


def phase_heading(index: int, phase: Phase, lang: str) -> str:
    """ "Fase 3. Verhelderende vragen"."""
    return f"{t('phase', lang)} {index}. {phase.name}"


def phase_timing(phase: Phase, lang: str) -> str:
    """ "gepland 10 min · duurde 12 min 5 s" (parts that are unknown are left out)."""
    parts = []
    if phase.planned_minutes is not None:
        parts.append(f"{t('planned', lang)} {phase.planned_minutes} {t('minutes_short', lang)}")
    if phase.actual_seconds is not None:
        parts.append(f"{t('actual', lang)} {format_duration(phase.actual_seconds, lang)}")
    return " \u00b7 ".join(parts)


def summary_meta(s: Summary, lang: str) -> list[tuple[str, str]]:
    """The key/value table at the top of a summary."""
    rows = [(t("date", lang), format_date(s.date, lang)), (t("network", lang), s.network)]
    if s.province:
        rows.append((t("province", lang), s.province))
    rows += [(t("method", lang), s.method),
             (t("participants", lang), str(s.counts.participants)),
             (t("contributions", lang), str(s.counts.contributions))]
    return rows


def kind_rows(s: Summary, lang: str) -> list[tuple[str, str]]:
    """Contribution counts per kind, labelled."""
    return [(code_label(kind, lang), str(n)) for kind, n in s.counts.by_kind]


def period_text(o: Overview, lang: str) -> str:
    """ "1 januari 2026 tot en met 31 maart 2026"."""
    return f"{format_date(o.period_start, lang)} {t('to', lang)} {format_date(o.period_end, lang)}"


def overview_meta(o: Overview, lang: str) -> list[tuple[str, str]]:
    """The key/value table at the top of a signaalnota."""
    return [(t("networks", lang), ", ".join(o.networks)), (t("period", lang), period_text(o, lang)),
            (t("tables", lang), str(o.tables))]


def overview_counts(o: Overview, lang: str) -> list[tuple[str, tuple[tuple[str, int | str], ...]]]:
    """(section title, pairs) for each count block of a signaalnota."""
    return [(t("services", lang), o.services), (t("themes", lang), o.themes),
            (t("doelgroepen", lang), o.doelgroepen), (t("tags_rights", lang), o.rights)]


def ordered_signals(signals: Iterable[Signal]) -> list[Signal]:
    """Most urgent first, then newest table, so a reader starts with what matters most."""
    rank = {u: i for i, u in enumerate(reversed(URGENCIES))}
    return sorted(signals, key=lambda s: (rank.get(s.urgency or "", len(rank)),
                                          -s.table_date.toordinal(), s.table_title, s.text))


def signal_source(s: Signal, lang: str) -> str:
    """ "Casustafel: <title> (23 november 2026)"."""
    return f"{t('table', lang)}: {s.table_title} ({format_date(s.table_date, lang)})"


def recurring_text(category: str, periods: tuple[str, ...], lang: str) -> str:
    """ "thema, kwam terug in 2026-Q1, 2026-Q2"."""
    return f"{t('category_' + category, lang)}, {t('came_back_in', lang)} {', '.join(periods)}"
