"""Markdown (CommonMark + GFM tables); every piece of user text is escaped to stay inert."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from casetable.export import _common as c
from casetable.export._text import count_text, md_cell, md_line, md_text
from casetable.export.labels import DEFAULT_LANG, code_label, format_datetime, t
from casetable.export.model import Count, Overview, Summary

DASH = "\u2013"


def _table(header: tuple[str, str], rows: Iterable[tuple[str, str]],
           numeric: bool = True) -> list[str]:
    """A two-column GFM table; all cells escaped; numbers right-aligned."""
    out = [f"| {md_cell(header[0])} | {md_cell(header[1])} |",
           "| --- | ---: |" if numeric else "| --- | --- |"]
    out += [f"| {md_cell(a)} | {md_cell(b)} |" for a, b in rows]
    return [*out, ""]


def _meta_lines(meta: list[tuple[str, str]], indent: str) -> list[str]:
    """ "Label: value" lines under a list item (e.g. a note's tags)."""
    return [f"{indent}*{md_cell(label)}:* {md_cell(value)}  " for label, value in meta]


def _item(bullet: str, text: str, meta: list[str]) -> list[str]:
    """A list item whose continuation lines are indented under its bullet."""
    indent = " " * len(bullet)
    lines = [f"{bullet}{md_text(text, indent) or DASH}"]
    if meta:
        lines[-1] += "  "
        lines += meta
    return lines


def _generated(when: dt.datetime, lang: str) -> str:
    """Closing line with the generation time (the summary's, never 'now': output is stable)."""
    return f"*{md_cell(t('generated_at', lang))}: {md_cell(format_datetime(when, lang))}*"


def _pair_rows(pairs: Iterable[tuple[str, Count]]) -> list[tuple[str, str]]:
    return [(label, count_text(v)) for label, v in pairs]


def render_markdown(summary: Summary, lang: str = DEFAULT_LANG) -> str:
    """The session summary of one closed table as Markdown text."""
    s = summary
    out = [f"# {md_line(t('summary_title', lang))}: {md_cell(s.title)}", "",
           f"> {md_line(t('anonymous_notice', lang))}", "", f"## {md_line(t('meta', lang))}", ""]
    out += _table(("", ""), c.summary_meta(s, lang), numeric=False)
    out += [f"### {md_line(t('services', lang))}", ""]
    out += _table((t("service", lang), t("participants", lang)), _pair_rows(s.services))
    out += [f"### {md_line(t('contributions', lang))}", ""]
    out += _table((t("kind", lang), t("count", lang)), c.kind_rows(s, lang))
    for key, text in (("vignette", s.vignette), ("question", s.question)):
        out += [f"## {md_line(t(key, lang))}", ""]
        for para in _paragraphs(text):
            out += [md_text(para), ""]
        if not text.strip():
            out += [DASH, ""]
    out += [f"## {md_line(t('phases', lang))}", ""]
    for i, phase in enumerate(s.phases, 1):
        out += [f"### {md_cell(c.phase_heading(i, phase, lang))}", ""]
        timing = c.phase_timing(phase, lang)
        if timing:
            out += [f"*{md_cell(timing)}*", ""]
        groups = phase.by_kind()
        if not groups:
            out += [f"*{md_line(t('no_contributions', lang))}*", ""]
        for kind, items in groups:
            out += [f"#### {md_cell(code_label(kind, lang))}", ""]
            for item in items:
                meta = c.contribution_meta(item, lang)
                out += _item("- ", item.text, [f"  *{md_cell(meta)}*"] if meta else [])
            out.append("")
    out += [f"## {md_line(t('advice', lang))}", ""]
    for rank, advice in enumerate(s.advice, 1):
        bullet = f"{rank}. "
        meta = f"{' ' * len(bullet)}*{md_cell(c.advice_meta(advice, lang))}*"
        out += _item(bullet, advice.text, [meta])
    out += [""] if s.advice else [f"*{md_line(t('none', lang))}*", ""]
    out += [f"## {md_line(t('rights', lang))}", ""]
    out += [f"- {md_cell(r)}" for r in s.rights] or [f"*{md_line(t('none', lang))}*"]
    out += ["", f"## {md_line(t('notes', lang))}", ""]
    for kind, notes in c.notes_by_kind(s):
        out += [f"### {md_cell(code_label(kind, lang))}", ""]
        for note in notes:
            out += _item("- ", note.text, _meta_lines(c.note_meta(note, lang), "  "))
        out.append("")
    if not s.notes:
        out += [f"*{md_line(t('none', lang))}*", ""]
    out.append(_generated(s.generated_at, lang))
    return "\n".join(out) + "\n"


def _paragraphs(text: str) -> list[str]:
    """Split text on blank lines into paragraphs (kept as separate Markdown paragraphs)."""
    paras = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [p for p in paras if p]


def render_signaalnota_markdown(overview: Overview, lang: str = DEFAULT_LANG) -> str:
    """The coordinator's signaalnota (counts, referrals, signals, recurrences) as Markdown."""
    o = overview
    out = [f"# {md_line(t('signaalnota_title', lang))}: {md_cell(', '.join(o.networks))}", ""]
    out += _table(("", ""), c.overview_meta(o, lang), numeric=False)
    out += [f"> {md_line(t('anonymous_notice', lang))}", ">",
            f"> {md_line(t('suppressed_notice', lang))}", ""]
    for title, pairs in c.overview_counts(o, lang):
        out += [f"## {md_cell(title)}", ""]
        out += (_table((title, t("count", lang)), _pair_rows(pairs)) if pairs
                else [f"*{md_line(t('no_data', lang))}*", ""])
    out += [f"## {md_line(t('referrals', lang))}", ""]
    if o.referrals:
        out += [f"| {md_cell(t('province', lang))} | {md_cell(t('service', lang))} | "
                f"{md_cell(t('count', lang))} |", "| --- | --- | ---: |"]
        out += [f"| {md_cell(r.province)} | {md_cell(r.service)} | {md_cell(count_text(r.count))} |"
                for r in o.referrals]
        out.append("")
    else:
        out += [f"*{md_line(t('no_data', lang))}*", ""]
    out += [f"## {md_line(t('signals', lang))}", ""]
    for sig in c.ordered_signals(o.signals):
        meta = [(t("kind", lang), code_label(sig.kind, lang)), *c.note_meta(sig, lang)]
        lines = [f"  *{md_cell(c.signal_source(sig, lang))}*  ", *_meta_lines(meta, "  ")]
        out += _item("- ", sig.text, lines)
    out += [""] if o.signals else [f"*{md_line(t('none', lang))}*", ""]
    out += [f"## {md_line(t('recurring', lang))}", ""]
    for rec in o.recurring:
        detail = c.recurring_text(rec.category, rec.periods, lang)
        out.append(f"- **{md_cell(rec.label)}** ({md_cell(detail)})")
    out += [""] if o.recurring else [f"*{md_line(t('none', lang))}*", ""]
    out.append(_generated(o.generated_at, lang))
    return "\n".join(out) + "\n"
