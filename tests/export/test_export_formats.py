"""Every format renders the same summary; DOCX and PDF are read back and checked for content."""

from __future__ import annotations

import io
import re

import docx
import pypdf

from casetable.export.docx import render_docx, render_signaalnota_docx
from casetable.export.json import render_json
from casetable.export.markdown import render_markdown, render_signaalnota_markdown
from casetable.export.model import Overview, Summary
from casetable.export.pdf import render_pdf, render_signaalnota_pdf


def _squash(text: str) -> str:
    """Drop all whitespace: PDF text extraction re-wraps lines."""
    return re.sub(r"\s+", "", text)


def _in_order(haystack: str, needles: list[str]) -> bool:
    positions = [haystack.find(n) for n in needles]
    return -1 not in positions and positions == sorted(positions)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_summary_has_the_expected_shape(dummy_summary: Summary) -> None:
    assert dummy_summary.counts.contributions == 300
    assert sum(len(p.contributions) for p in dummy_summary.phases) == 300
    assert len(dummy_summary.notes) == 20
    votes = [a.votes for a in dummy_summary.advice]
    assert votes == sorted(votes, reverse=True)


def test_all_formats_render(dummy_summary: Summary) -> None:
    assert render_markdown(dummy_summary).startswith("# Verslag anonieme casustafel")
    assert render_docx(dummy_summary).startswith(b"PK")
    assert render_pdf(dummy_summary).startswith(b"%PDF-")
    assert render_json(dummy_summary).startswith(b"{")


def test_docx_contains_every_note_and_ranked_advice(dummy_summary: Summary) -> None:
    text = _docx_text(render_docx(dummy_summary))
    for note in dummy_summary.notes:
        assert note.text in text
    assert _in_order(text, [a.text for a in dummy_summary.advice])
    assert "Leerpunten en signalen" in text


def test_docx_uses_list_styles_and_numbered_advice(dummy_summary: Summary) -> None:
    document = docx.Document(io.BytesIO(render_docx(dummy_summary)))
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert numbered == [a.text for a in dummy_summary.advice]
    assert len(document.tables) >= 3
    assert document.core_properties.created.replace(tzinfo=None) == \
        dummy_summary.generated_at.replace(tzinfo=None)


def test_pdf_contains_every_note_and_ranked_advice(dummy_summary: Summary) -> None:
    text = _squash(_pdf_text(render_pdf(dummy_summary)))
    for note in dummy_summary.notes:
        assert _squash(note.text) in text
    assert _in_order(text, [_squash(a.text) for a in dummy_summary.advice])


def test_pdf_shows_accented_and_turkish_letters(dummy_summary: Summary) -> None:
    text = _pdf_text(render_pdf(dummy_summary))
    for word in ("naïeve", "één", "Türkçe", "ş", "ı", "€"):
        assert word in text


def test_markdown_contains_every_note_and_ranked_advice(dummy_summary: Summary) -> None:
    text = render_markdown(dummy_summary).replace("\\", "")
    for note in dummy_summary.notes:
        assert note.text in text
    assert _in_order(text, [a.text for a in dummy_summary.advice])


def test_english_labels(dummy_summary: Summary) -> None:
    text = render_markdown(dummy_summary, lang="en")
    assert "# Anonymous case table report" in text
    assert "19 November 2026" in text


def test_signaalnota_formats(dummy_overview: Overview) -> None:
    md = render_signaalnota_markdown(dummy_overview)
    docx_text = _docx_text(render_signaalnota_docx(dummy_overview))
    pdf_text = _squash(_pdf_text(render_signaalnota_pdf(dummy_overview)))
    for text in (md.replace("\\", ""), docx_text):
        assert "Signaalnota" in text
        assert "Terugkerende knelpunten" in text
    for signal in dummy_overview.signals:
        assert signal.text in docx_text
        assert _squash(signal.text) in pdf_text
    assert "<5" in md.replace("\\", "")
