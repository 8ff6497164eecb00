"""reportlab set-up shared by the PDF renderers: fonts, styles, page frame, stable bytes."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from casetable.export._text import count_text, one_line, rl_text
from casetable.export.labels import t

# DejaVu Sans (Debian: fonts-dejavu-core) shows é, ë, ï, ı and ş; Helvetica, the fallback when
# it is absent, only covers Latin-1 (ı and ş then show as boxes). Nothing is downloaded.
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
             "/usr/local/share/fonts/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "-Bold": "DejaVuSans-Bold.ttf",
              "-Oblique": "DejaVuSans-Oblique.ttf", "-BoldOblique": "DejaVuSans-BoldOblique.ttf"}
ACCENT = colors.HexColor("#1f5f99")
GREY = colors.HexColor("#555555")
LIGHT = colors.HexColor("#e8f0f8")


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str, str]:
    """Register DejaVu once if the files exist; return (regular, bold, italic) font names."""
    for folder in FONT_DIRS:
        paths = {suffix: Path(folder) / name for suffix, name in FONT_FILES.items()}
        if all(p.is_file() for p in paths.values()):
            for suffix, path in paths.items():
                pdfmetrics.registerFont(TTFont(f"CasetableSans{suffix}", str(path)))
            pdfmetrics.registerFontFamily(
                "CasetableSans", normal="CasetableSans", bold="CasetableSans-Bold",
                italic="CasetableSans-Oblique", boldItalic="CasetableSans-BoldOblique")
            return "CasetableSans", "CasetableSans-Bold", "CasetableSans-Oblique"
    return "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles of every export PDF (one clean, sober look)."""
    regular, bold, italic = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13.5, spaceAfter=4)
    return {
        "title": ParagraphStyle("title", body, fontName=bold, fontSize=18, leading=22,
                                textColor=ACCENT, spaceAfter=8),
        "h1": ParagraphStyle("h1", body, fontName=bold, fontSize=14, leading=18, spaceBefore=12,
                             spaceAfter=6, textColor=ACCENT, keepWithNext=1),
        "h2": ParagraphStyle("h2", body, fontName=bold, fontSize=12, leading=15, spaceBefore=8,
                             spaceAfter=4, keepWithNext=1),
        "h3": ParagraphStyle("h3", body, fontName=bold, fontSize=10.5, leading=13,
                             spaceBefore=6, spaceAfter=2, keepWithNext=1),
        "body": body,
        "item": ParagraphStyle("item", body, leftIndent=18, bulletIndent=0, spaceAfter=2),
        "meta": ParagraphStyle("meta", body, fontName=italic, fontSize=8.5, leading=11,
                               textColor=GREY, leftIndent=18, spaceAfter=5),
        "note": ParagraphStyle("note", body, fontName=italic, fontSize=8.5, leading=11,
                               textColor=GREY, spaceAfter=6),
        "cell": ParagraphStyle("cell", body, fontSize=9, leading=11.5, spaceAfter=0),
        "cellb": ParagraphStyle("cellb", body, fontName=bold, fontSize=9, leading=11.5,
                                spaceAfter=0),
        "num": ParagraphStyle("num", body, fontSize=9, leading=11.5, spaceAfter=0,
                              alignment=TA_RIGHT),
    }


def para(text: str, style: str = "body", bullet: str | None = None) -> Paragraph:
    """A Paragraph of user text: escaped, so markup in the text stays text."""
    return Paragraph(rl_text(text), styles()[style],
                     bulletText=rl_text(bullet) if bullet else None)


def item(text: str, meta: str = "", bullet: str = "\u2022") -> list[Flowable]:
    """A list item and its grey meta line; two one-style Paragraphs lay out faster than one
    with mixed fonts (reportlab's fast path)."""
    out: list[Flowable] = [para(text, "item", bullet=bullet)]
    if meta:
        out.append(para(meta, "meta"))
    return out


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
          numeric_last: bool = True) -> Table:
    """A grid table with a tinted header; cells are escaped Paragraphs so long labels wrap."""
    data = [[para(one_line(h), "cellb") for h in header]]
    for row in rows:
        cells = [para(one_line(count_text(v)), "cell") for v in row]
        if numeric_last:
            cells[-1] = para(one_line(count_text(row[-1])), "num")
        data.append(cells)
    tbl = Table(data, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    tbl.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b0c4d8")),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return tbl


def kv_table(rows: Sequence[tuple[str, str]]) -> Table:
    """Key/value table with bold keys and no header."""
    data = [[para(one_line(k), "cellb"), para(one_line(v), "cell")] for k, v in rows]
    tbl = Table(data, colWidths=[4.5 * cm, 12.5 * cm], hAlign="LEFT")
    tbl.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#b0c4d8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return tbl


def gap(height: float = 6) -> Spacer:
    return Spacer(1, height)


def build(story: list[Flowable], *, title: str, subject: str, footer: str,
          when: dt.datetime, lang: str) -> bytes:
    """Lay out on A4 with a footer; dates and the file ID depend on `when` only (stable bytes)."""
    regular = fonts()[0]
    utc = when.astimezone(dt.UTC) if when.tzinfo else when
    stamp = f"D:{utc:%Y%m%d%H%M%S}+00'00'"
    footer = one_line(footer)

    def on_page(canvas: Any, doc: Any) -> None:
        """Footer on every page; also pins the document dates to generated_at."""
        canvas._doc.setDateFormatter(lambda *_: stamp)
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(2 * cm, 1.2 * cm, footer[:110])
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"{t('page', lang)} {doc.page}")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm, title=one_line(title), author="casetable", subject=subject,
        creator="casetable", producer="casetable (reportlab)", invariant=True,
        lang="nl-BE" if lang == "nl" else "en-GB",
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
