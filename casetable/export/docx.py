"""DOCX rendering with python-docx: headings, count tables, ranked advice, notes with their tags.

Output is byte-stable: core-property dates and zip entry times come from the model's
generated_at, never from the clock, so a stored summary re-renders to identical bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from casetable.export import _common as c
from casetable.export._text import clean_text, count_text, one_line
from casetable.export.labels import DEFAULT_LANG, code_label, format_datetime, t
from casetable.export.model import Count, Overview, Summary

GREY = RGBColor(0x55, 0x55, 0x55)
TABLE_STYLE = "Light Grid Accent 1"
META_STYLE = "Casetable Meta"  # character style: small grey italic for authors, votes, tags
META_ID = "CasetableMeta"
# Style name -> id in python-docx's default template (checked by a test).
_IDS = {"Normal": "Normal", "Title": "Title", "Heading 1": "Heading1", "Heading 2": "Heading2",
        "Heading 3": "Heading3", "List Bullet": "ListBullet", "List Number": "ListNumber"}


def _new_document(title: str, subject: str, when: dt.datetime, lang: str) -> DocxDocument:
    """A4 document with fixed metadata and the language set for the spelling checker."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    rpr = normal.element.get_or_add_rPr()
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), "nl-BE" if lang == "nl" else "en-GB")
    rpr.append(lang_el)
    meta = doc.styles.add_style(META_STYLE, WD_STYLE_TYPE.CHARACTER)
    meta.font.italic, meta.font.size, meta.font.color.rgb = True, Pt(9), GREY
    naive = (when.astimezone(dt.UTC) if when.tzinfo else when).replace(tzinfo=None)
    props = doc.core_properties
    props.title, props.subject = one_line(title)[:250], subject
    props.author = props.last_modified_by = "casetable"
    props.created = props.modified = naive
    props.revision = 1
    props.language = "nl-BE" if lang == "nl" else "en-GB"
    props.comments = props.keywords = props.category = ""
    return doc


def _footer(doc: DocxDocument, text: str, lang: str) -> None:
    """Footer line with the document name and a PAGE field."""
    para = doc.sections[0].footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(f"{one_line(text)} \u2013 {t('page', lang)} ")
    run.font.size, run.font.color.rgb = Pt(8), GREY
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    para._p.append(field)


def _para(doc: DocxDocument, text: str, style: str = "Normal") -> Paragraph:
    """Paragraph with a style *name*; sets the id directly because python-docx's style setter
    scans every style in the document on each call (seconds for a 1,000-item summary)."""
    p = OxmlElement("w:p")
    # python-docx's add_paragraph scans the whole body for <w:sectPr> on every call (quadratic
    # for long summaries); inserting right before the body's sectPr is the same position.
    doc.element.body.sectPr.addprevious(p)
    para = Paragraph(p, doc._body)
    para._p.style = doc.styles[style].style_id if style not in _IDS else _IDS[style]
    if text:
        _run(para, text)
    return para


def _run(para: Paragraph, text: str, style_id: str | None = None) -> None:
    """Append a run; plain text goes straight into <w:t> (python-docx's text setter walks
    every character), only text with tabs or newlines takes the converting path."""
    r = para._p.add_r()
    if style_id:
        r.style = style_id
    if "\n" in text or "\t" in text:
        r.text = text
    else:
        r.add_t(text)


def _heading(doc: DocxDocument, text: str, level: int) -> Paragraph:
    """Heading (level 0 is the document title), via the fast path of _para."""
    return _para(doc, one_line(text), "Title" if level == 0 else f"Heading {level}")


def _meta_para(doc: DocxDocument, text: str, indent: bool = True) -> Paragraph:
    """Small grey italic line under an item (author, votes, tags)."""
    para = _para(doc, "")
    if indent:
        para.paragraph_format.left_indent = Cm(0.63)
    para.paragraph_format.space_after = Pt(4)
    _run(para, clean_text(text), META_ID)
    return para


def _kv_table(doc: DocxDocument, rows: Sequence[tuple[str, str]]) -> None:
    """Two-column key/value table with bold keys."""
    table = doc.add_table(rows=0, cols=2)
    table.style = doc.styles["Table Grid"]
    for key, value in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(one_line(key)).bold = True
        cells[1].paragraphs[0].add_run(one_line(value))
    _para(doc, "")


def _count_table(doc: DocxDocument, header: Sequence[str],
                 rows: Iterable[Sequence[str | Count]]) -> None:
    """Counts table with a header row; the last column (the count) is right-aligned."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles[TABLE_STYLE]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(one_line(text)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.paragraphs[0].add_run(one_line(count_text(value)))
        cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _para(doc, "")


def _text_block(doc: DocxDocument, text: str) -> None:
    """User text as paragraphs (blank lines separate them); a dash when empty."""
    paras = [p.strip() for p in clean_text(text).split("\n\n") if p.strip()]
    for para in paras or ["\u2013"]:
        _para(doc, para)


def _note_like(doc: DocxDocument, text: str, meta: Sequence[tuple[str, str]],
               source: str | None = None) -> None:
    """A note or signal: bullet with its text, then source and tags in small grey lines."""
    _para(doc, clean_text(text), "List Bullet")
    lines = ([source] if source else []) + [f"{k}: {v}" for k, v in meta]
    if lines:
        _meta_para(doc, "\n".join(lines))


def _save(doc: DocxDocument, when: dt.datetime) -> bytes:
    """Serialise with every zip entry stamped generated_at, so equal input gives equal bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    utc = when.astimezone(dt.UTC) if when.tzinfo else when
    stamp = (max(utc.year, 1980), utc.month, utc.day, utc.hour, utc.minute, utc.second)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def render_docx(summary: Summary, lang: str = DEFAULT_LANG) -> bytes:
    """The session summary of one closed table as a Word document."""
    s = summary
    doc = _new_document(s.title, t("summary_title", lang), s.generated_at, lang)
    _footer(doc, f"{t('summary_title', lang)} \u2013 {s.title}", lang)
    _heading(doc, f"{t('summary_title', lang)}: {one_line(s.title)}", 0)
    _meta_para(doc, t("anonymous_notice", lang), indent=False)
    _heading(doc, t("meta", lang), 1)
    _kv_table(doc, c.summary_meta(s, lang))
    _heading(doc, t("services", lang), 2)
    _count_table(doc, (t("service", lang), t("participants", lang)), s.services)
    _heading(doc, t("contributions", lang), 2)
    _count_table(doc, (t("kind", lang), t("count", lang)), c.kind_rows(s, lang))
    _heading(doc, t("vignette", lang), 1)
    _text_block(doc, s.vignette)
    _heading(doc, t("question", lang), 1)
    _text_block(doc, s.question)
    _heading(doc, t("phases", lang), 1)
    for i, phase in enumerate(s.phases, 1):
        _heading(doc, one_line(c.phase_heading(i, phase, lang)), 2)
        timing = c.phase_timing(phase, lang)
        if timing:
            _meta_para(doc, timing, indent=False)
        groups = phase.by_kind()
        if not groups:
            _para(doc, t("no_contributions", lang), "Normal")
        for kind, items in groups:
            _heading(doc, code_label(kind, lang), 3)
            for item in items:
                para = _para(doc, clean_text(item.text), "List Bullet")
                meta = c.contribution_meta(item, lang)
                if meta:
                    _run(para, f" \u2013 {clean_text(meta)}", META_ID)
    _heading(doc, t("advice", lang), 1)
    for advice in s.advice:
        _para(doc, clean_text(advice.text), "List Number")
        _meta_para(doc, c.advice_meta(advice, lang))
    if not s.advice:
        _para(doc, t("none", lang))
    _heading(doc, t("rights", lang), 1)
    for right in s.rights:
        _para(doc, one_line(right), "List Bullet")
    if not s.rights:
        _para(doc, t("none", lang))
    _heading(doc, t("notes", lang), 1)
    for kind, notes in c.notes_by_kind(s):
        _heading(doc, code_label(kind, lang), 2)
        for note in notes:
            _note_like(doc, note.text, c.note_meta(note, lang))
    if not s.notes:
        _para(doc, t("none", lang))
    _meta_para(doc, f"{t('generated_at', lang)}: {format_datetime(s.generated_at, lang)}",
               indent=False)
    return _save(doc, s.generated_at)


def render_signaalnota_docx(overview: Overview, lang: str = DEFAULT_LANG) -> bytes:
    """The coordinator's signaalnota as a Word document a partner can receive as is."""
    o = overview
    title = f"{t('signaalnota_title', lang)}: {', '.join(o.networks)}"
    doc = _new_document(title, t("signaalnota_title", lang), o.generated_at, lang)
    _footer(doc, f"{t('signaalnota_title', lang)} \u2013 {c.period_text(o, lang)}", lang)
    _heading(doc, one_line(title), 0)
    _kv_table(doc, c.overview_meta(o, lang))
    _meta_para(doc, f"{t('anonymous_notice', lang)} {t('suppressed_notice', lang)}",
               indent=False)
    for heading, pairs in c.overview_counts(o, lang):
        _heading(doc, heading, 1)
        if pairs:
            _count_table(doc, (heading, t("count", lang)), pairs)
        else:
            _para(doc, t("no_data", lang))
    _heading(doc, t("referrals", lang), 1)
    if o.referrals:
        _count_table(doc, (t("province", lang), t("service", lang), t("count", lang)),
                     ((r.province, r.service, r.count) for r in o.referrals))
    else:
        _para(doc, t("no_data", lang))
    _heading(doc, t("signals", lang), 1)
    for sig in c.ordered_signals(o.signals):
        meta = [(t("kind", lang), code_label(sig.kind, lang)), *c.note_meta(sig, lang)]
        _note_like(doc, sig.text, meta, c.signal_source(sig, lang))
    if not o.signals:
        _para(doc, t("none", lang))
    _heading(doc, t("recurring", lang), 1)
    for rec in o.recurring:
        para = _para(doc, "", "List Bullet")
        para.add_run(one_line(rec.label)).bold = True
        para.add_run(f" ({c.recurring_text(rec.category, rec.periods, lang)})")
    if not o.recurring:
        _para(doc, t("none", lang))
    _meta_para(doc, f"{t('generated_at', lang)}: {format_datetime(o.generated_at, lang)}",
               indent=False)
    return _save(doc, o.generated_at)
