"""User text with markup, links and formulas comes out inert in every format."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import docx
import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from casetable.export._text import clean_text, csv_cell, md_line
from casetable.export.charts import render_bar_chart_svg
from casetable.export.csv import render_signals_csv, render_summary_signals_csv
from casetable.export.docx import render_docx
from casetable.export.markdown import render_markdown
from casetable.export.model import Signal, Summary
from casetable.export.pdf import render_pdf

SVG_NS = "{http://www.w3.org/2000/svg}"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_markdown_has_no_live_markup(hostile_summary: Summary) -> None:
    text = render_markdown(hostile_summary)
    assert not re.search(r"(?<!\\)<", text)  # every < is escaped
    assert not re.search(r"(?<!\\)\]\(", text)  # no link or image syntax
    assert "\\[klik\\](javascript:alert(1))" in text
    assert "\n\\[persoon 1\\]: javascript" not in text
    assert "\n# geen kop" not in text and "  \\# geen kop" in text


def test_markdown_renders_to_inert_html(hostile_summary: Summary) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(
        render_markdown(hostile_summary))
    assert "<script" not in html
    assert "<a " not in html and "<img" not in html
    assert "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert html.count("<h1>") == 1


@given(st.text())
def test_md_line_never_leaves_link_or_html_syntax(text: str) -> None:
    out = md_line(clean_text(text).replace("\n", " "))
    assert not re.search(r"(?<!\\)[<>\[\]`]", out.replace("\\\\", ""))


def test_pdf_shows_markup_literally(hostile_summary: Summary) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(hostile_summary)))
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    assert re.sub(r"\s+", "", "<script>alert('x')</script> en <b>vet</b> & meer") in text
    assert "<i>recht</i>" in text


def test_docx_keeps_text_literal_and_drops_control_characters(
        hostile_summary: Summary, hostile_texts: tuple[str, ...]) -> None:
    document = docx.Document(io.BytesIO(render_docx(hostile_summary)))
    text = "\n".join(p.text for p in document.paragraphs)
    for hostile in hostile_texts:
        assert hostile.replace("\t", "") in text.replace("\t", "")
    assert clean_text("a\x00b\x0bc\x1bd") == "abcd"


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_cells_cannot_start_a_formula(hostile_signals: list[Signal],
                                          hostile_texts: tuple[str, ...]) -> None:
    rows = _csv_rows(render_signals_csv(hostile_signals))
    assert rows[0][:4] == ["Datum", "Casustafel", "Soort", "Tekst"]
    cells = [cell for row in rows[1:] for cell in row]
    assert all(not cell.startswith(FORMULA_START) for cell in cells)
    texts = {row[3] for row in rows[1:]}
    assert "'" + hostile_texts[1] in texts
    assert "'\t=1+1 met tab ervoor" in texts
    assert hostile_texts[0] in texts  # ordinary text is not touched


def test_csv_of_one_summary_exports_its_policy_signals(hostile_summary: Summary) -> None:
    rows = _csv_rows(render_summary_signals_csv(hostile_summary))
    expected = [n for n in hostile_summary.notes if n.kind == "signaal_beleid"]
    assert len(rows) == 1 + len(expected)
    assert all(row[2] == "Signaal naar beleid" for row in rows[1:])


@given(st.text())
def test_csv_cell_never_starts_with_a_formula_character(text: str) -> None:
    cell = csv_cell(text)
    assert not cell.startswith(FORMULA_START)
    assert not cell.lstrip(" \n").startswith(FORMULA_START) or cell.startswith("'")


def test_svg_labels_are_escaped_text() -> None:
    label = '<script>alert(1)</script>"&'
    svg = render_bar_chart_svg({label: 7, "=HYPERLINK(1)": "<5"}, "Thema's <i>2026</i>")
    root = ET.fromstring(svg)
    assert not [el for el in root.iter() if el.tag.removeprefix(SVG_NS) == "script"]
    texts = [el.text for el in root.iter(f"{SVG_NS}text")]
    assert label in texts
    assert root.find(f"{SVG_NS}title").text == "Thema's <i>2026</i>"
    assert "javascript" not in svg and "href" not in svg
