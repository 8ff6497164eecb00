"""Session summaries: one export.model.Summary per closed table, frozen before the purge.

The summary is built from stored rows only, and those passed the scrub choke point when they were
written. Which learning notes go in: the accepted ones when the table accepted any; otherwise
every note still proposed (rejected and merged-away notes never). The app's note codes differ
from the export model's in two places (NOTE_KIND_CODES, LEVEL_CODES); the rest are identical.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select

from casetable.export import model as ex
from casetable.export.docx import render_docx
from casetable.export.json import load_summary, render_json
from casetable.export.markdown import render_markdown
from casetable.export.pdf import render_pdf
from casetable.extensions import db
from casetable.models import (
    CaseTable,
    CatalogueItem,
    Contribution,
    Note,
    Participant,
    TableStatus,
    User,
)
from casetable.services import audit
from casetable.services.errors import DomainError
from casetable.services.viewer import Viewer

NOTE_KIND_CODES = {"signaal": "signaal_beleid"}  # app code -> export code, when they differ
LEVEL_CODES = {"lokaal": "lokaal_bestuur"}
SUMMARY_STATUSES = (TableStatus.CLOSED, TableStatus.ARCHIVED)


@dataclass(frozen=True)
class Export:
    """Rendered bytes with what a response needs to send them."""

    data: bytes
    mimetype: str
    filename: str


Renderer = Callable[[ex.Summary, str], bytes]
FORMATS: dict[str, tuple[Renderer, str]] = {
    "md": (lambda s, lang: render_markdown(s, lang).encode("utf-8"),
           "text/markdown; charset=utf-8"),
    "docx": (render_docx,
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": (render_pdf, "application/pdf"),
    "json": (lambda s, _lang: render_json(s), "application/json"),
}


def catalogue_labels(lang: str = "nl") -> dict[str, dict[str, str]]:
    """kind -> slug -> label in catalogue order, retired entries included (old tables use them)."""
    out: dict[str, dict[str, str]] = {}
    items = db.session.scalars(
        select(CatalogueItem).order_by(CatalogueItem.kind, CatalogueItem.position, CatalogueItem.id)
    )
    for item in items:
        out.setdefault(item.kind, {})[item.slug] = item.label(lang)
    return out


def ordered_labels(slugs: Iterable[str], labels: dict[str, str]) -> tuple[str, ...]:
    """Slugs as labels, in catalogue order (unknown slugs last, as they are)."""
    wanted = set(slugs)
    known = [label for slug, label in labels.items() if slug in wanted]
    return (*known, *sorted(wanted - labels.keys()))


def note_codes(kind: str, level: str | None) -> tuple[str, str | None]:
    """App note kind and signal level -> the export model's codes."""
    return NOTE_KIND_CODES.get(kind, kind), (LEVEL_CODES.get(level, level) if level else None)


def select_notes(notes: Iterable[Note]) -> list[Note]:
    """Accepted notes when any were accepted; otherwise every note still proposed."""
    notes = list(notes)
    accepted = [n for n in notes if n.status == "accepted"]
    return accepted or [n for n in notes if n.status == "proposed"]


def note_tags(note: Note, labels: dict[str, dict[str, str]]) -> ex.Tags:
    """A note's tag slugs as catalogue labels."""
    return ex.Tags(
        ordered_labels(note.themes or (), labels.get("theme", {})),
        ordered_labels(note.target_groups or (), labels.get("target_group", {})),
        ordered_labels(note.rights or (), labels.get("right", {})),
    )


def export_note(note: Note, labels: dict[str, dict[str, str]]) -> ex.Note:
    """One stored note as the export model's note."""
    kind, level = note_codes(note.kind, note.level)
    signal = kind == "signaal_beleid"
    return ex.Note(kind, note.body.text, note_tags(note, labels),
                   level if signal else None, note.urgency if signal else None)


def build_summary(table: CaseTable, lang: str = "nl") -> ex.Summary:
    """The summary of a table from its stored, already scrubbed rows (what the room saw)."""
    labels = catalogue_labels(lang)
    services = labels.get("service", {})
    slugs = list(db.session.scalars(
        select(Participant.service_slug).where(
            Participant.table_id == table.id, Participant.removed.is_(False))))
    rows = list(db.session.scalars(
        select(Contribution).where(
            Contribution.table_id == table.id, Contribution.revealed.is_(True),
            Contribution.hidden.is_(False)).order_by(Contribution.seq, Contribution.id)))
    per_phase: list[list[ex.Contribution]] = [[] for _ in table.phases]
    for row in rows:
        if row.kind not in ex.CONTRIBUTION_KINDS or not 0 <= row.phase_index < len(per_phase):
            continue
        referral = services.get(row.referral_service or "", row.referral_service)
        per_phase[row.phase_index].append(ex.Contribution(
            row.kind, row.body.text, row.author_label,
            row.votes if row.kind == "advies" else 0, referral))
    seconds = table.phase_seconds or {}
    phases = tuple(
        ex.Phase(str(phase.get("name_en" if lang == "en" else "name_nl") or phase.get("name_nl")),
                 phase.get("minutes"), seconds.get(str(i)), tuple(items))
        for i, (phase, items) in enumerate(zip(table.phases, per_phase, strict=True)))
    advice = sorted((r for r in rows if r.kind == "advies"), key=lambda r: (-r.votes, r.seq or 0))
    notes = select_notes(db.session.scalars(
        select(Note).where(Note.table_id == table.id).order_by(Note.id)))
    kinds = Counter(c.kind for items in per_phase for c in items)
    return ex.Summary(
        title=table.title.text,
        date=table.scheduled_for.date(),
        network=table.network.name,
        province=table.network.province,
        method=table.method_name,
        services=Counter(services.get(s, s) for s in slugs),
        counts=ex.Counts(len(slugs), sum(kinds.values()), kinds),
        vignette=table.vignette.text if table.vignette else "",
        question=table.question.text if table.question else "",
        phases=phases,
        advice=tuple(ex.Advice(r.body.text, r.votes,
                               services.get(r.referral_service or "", r.referral_service),
                               r.approved) for r in advice),
        rights=ordered_labels(table.rights_checked or (), labels.get("right", {})),
        notes=tuple(export_note(n, labels) for n in notes),
        generated_at=table.closed_at or table.created_at,
        language=lang,
    )


def freeze_summary(table: CaseTable) -> None:
    """Store the Dutch summary's JSON on the table (before a purge); a frozen one is kept."""
    if table.summary_json is None:
        table.summary_json = render_json(build_summary(table, "nl")).decode("utf-8")
        db.session.flush()


def summary_for(table: CaseTable, lang: str = "nl") -> ex.Summary:
    """The frozen summary when there is one (after the purge), else one built now.

    The frozen one was built in Dutch: its catalogue labels stay Dutch whatever `lang` is (the
    renderers still put their own headings in `lang`).
    """
    if table.summary_json is not None:
        return load_summary(table.summary_json)
    return build_summary(table, lang)


def frozen_referrals(summary_json: str | None) -> list[str]:
    """Referral labels of a purged table's advice, read from its frozen summary's JSON."""
    if summary_json is None:
        return []
    advice = json.loads(summary_json).get("advice", ())
    return [a["referral"] for a in advice if a.get("referral")]


def readable_table(user: User, table: CaseTable) -> CaseTable:
    """A closed table whose summary this user may read (facilitator, its coordinator, admin)."""
    if not Viewer(user=user).observes(table):
        raise DomainError("not_found")
    if table.status not in SUMMARY_STATUSES:
        raise DomainError("not_found")
    return table


def slugify(text: str, limit: int = 60) -> str:
    """ASCII file-name part: 'Gezin met huurachterstal' -> 'gezin-met-huurachterstal'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "casustafel"


def summary_filename(summary: ex.Summary, fmt: str) -> str:
    """'verslag-2026-11-23-gezin-met-huurachterstal.pdf'."""
    return f"verslag-{summary.date.isoformat()}-{slugify(summary.title)}.{fmt}"


def export_summary(user: User, table: CaseTable, fmt: str, lang: str = "nl") -> Export:
    """Render a table's summary in one format and write the download to the audit log."""
    readable_table(user, table)
    if fmt not in FORMATS:
        raise DomainError("not_found")
    render, mimetype = FORMATS[fmt]
    summary = summary_for(table, lang)
    data = render(summary, lang)
    audit.record("export", user, table.id, what="summary", format=fmt)
    db.session.commit()
    return Export(data, mimetype, summary_filename(summary, fmt))
