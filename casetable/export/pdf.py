"""PDF rendering (reportlab platypus): a clean A4 report a coordinator can forward unedited."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from casetable.export import _common as c
from casetable.export._pdf_base import build, gap, item, kv_table, para, table
from casetable.export._text import clean_text
from casetable.export.labels import DEFAULT_LANG, code_label, format_datetime, t
from casetable.export.model import Overview, Summary

FULL = 17 * cm  # A4 width minus 2 cm margins


def _text_block(text: str) -> list[Flowable]:
    """User text as paragraphs (blank lines separate them); a dash when empty."""
    paras = [p.strip() for p in clean_text(text).split("\n\n") if p.strip()]
    return [para(p) for p in paras or ["\u2013"]]


def _meta(pairs: list[tuple[str, str]], source: str | None = None) -> str:
    """One grey line under an item: source table, level, urgency, tags (label kept with value)."""
    lines = ([source] if source else []) + [f"{k}:\u00a0{v}" for k, v in pairs]
    return " \u00b7 ".join(lines)


def render_pdf(summary: Summary, lang: str = DEFAULT_LANG) -> bytes:
    """The session summary of one closed table as an A4 PDF."""
    s = summary
    story: list[Flowable] = [
        para(f"{t('summary_title', lang)}: {s.title}", "title"),
        para(t("anonymous_notice", lang), "note"),
        para(t("meta", lang), "h1"), kv_table(c.summary_meta(s, lang)), gap(),
        para(t("services", lang), "h2"),
        table((t("service", lang), t("participants", lang)), s.services, (12 * cm, 3 * cm)),
        para(t("contributions", lang), "h2"),
        table((t("kind", lang), t("count", lang)), c.kind_rows(s, lang), (12 * cm, 3 * cm)),
        para(t("vignette", lang), "h1"), *_text_block(s.vignette),
        para(t("question", lang), "h1"), *_text_block(s.question),
        para(t("phases", lang), "h1"),
    ]
    for i, phase in enumerate(s.phases, 1):
        story.append(para(c.phase_heading(i, phase, lang), "h2"))
        timing = c.phase_timing(phase, lang)
        if timing:
            story.append(para(timing, "note"))
        groups = phase.by_kind()
        if not groups:
            story.append(para(t("no_contributions", lang), "note"))
        for kind, items in groups:
            story.append(para(code_label(kind, lang), "h3"))
            for entry in items:
                story.extend(item(entry.text, c.contribution_meta(entry, lang)))
    story.append(para(t("advice", lang), "h1"))
    for rank, advice in enumerate(s.advice, 1):
        story.extend(item(advice.text, c.advice_meta(advice, lang), bullet=f"{rank}."))
    if not s.advice:
        story.append(para(t("none", lang)))
    story.append(para(t("rights", lang), "h1"))
    story += [f for r in s.rights for f in item(r)] or [para(t("none", lang))]
    story.append(para(t("notes", lang), "h1"))
    for kind, notes in c.notes_by_kind(s):
        story.append(para(code_label(kind, lang), "h2"))
        for note in notes:
            story.extend(item(note.text, _meta(c.note_meta(note, lang))))
    if not s.notes:
        story.append(para(t("none", lang)))
    story += [gap(12), para(f"{t('generated_at', lang)}: "
                            f"{format_datetime(s.generated_at, lang)}", "note")]
    return build(story, title=f"{t('summary_title', lang)}: {s.title}",
                 subject=t("summary_title", lang),
                 footer=f"{t('summary_title', lang)} \u2013 {s.title}",
                 when=s.generated_at, lang=lang)


def render_signaalnota_pdf(overview: Overview, lang: str = DEFAULT_LANG) -> bytes:
    """The coordinator's signaalnota as an A4 PDF."""
    o = overview
    title = f"{t('signaalnota_title', lang)}: {', '.join(o.networks)}"
    story: list[Flowable] = [
        para(title, "title"), kv_table(c.overview_meta(o, lang)), gap(),
        para(f"{t('anonymous_notice', lang)} {t('suppressed_notice', lang)}", "note"),
    ]
    for heading, pairs in c.overview_counts(o, lang):
        story.append(para(heading, "h1"))
        story.append(table((heading, t("count", lang)), pairs, (12 * cm, 3 * cm)) if pairs
                     else para(t("no_data", lang)))
    story.append(para(t("referrals", lang), "h1"))
    story.append(table((t("province", lang), t("service", lang), t("count", lang)),
                       [(r.province, r.service, r.count) for r in o.referrals],
                       (5 * cm, 9 * cm, 3 * cm)) if o.referrals else para(t("no_data", lang)))
    story.append(para(t("signals", lang), "h1"))
    for sig in c.ordered_signals(o.signals):
        meta = [(t("kind", lang), code_label(sig.kind, lang)), *c.note_meta(sig, lang)]
        story.extend(item(sig.text, _meta(meta, c.signal_source(sig, lang))))
    if not o.signals:
        story.append(para(t("none", lang)))
    story.append(para(t("recurring", lang), "h1"))
    for rec in o.recurring:
        story.extend(item(f"{rec.label} ({c.recurring_text(rec.category, rec.periods, lang)})"))
    if not o.recurring:
        story.append(para(t("none", lang)))
    story += [gap(12), para(f"{t('generated_at', lang)}: "
                            f"{format_datetime(o.generated_at, lang)}", "note")]
    return build(story, title=title, subject=t("signaalnota_title", lang),
                 footer=f"{t('signaalnota_title', lang)} \u2013 {c.period_text(o, lang)}",
                 when=o.generated_at, lang=lang)
