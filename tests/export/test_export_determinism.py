"""Same summary in, same bytes out, in every format: a stored summary re-renders identically."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile

import pypdf
import pytest

from casetable.export.charts import render_bar_chart_svg
from casetable.export.csv import render_signals_csv
from casetable.export.docx import render_docx, render_signaalnota_docx
from casetable.export.json import render_json
from casetable.export.markdown import render_markdown, render_signaalnota_markdown
from casetable.export.model import Overview, Summary
from casetable.export.pdf import render_pdf, render_signaalnota_pdf

SUMMARY_RENDERERS = [render_markdown, render_json, render_docx, render_pdf]
OVERVIEW_RENDERERS = [render_signaalnota_markdown, render_signaalnota_docx,
                      render_signaalnota_pdf, lambda o: render_signals_csv(o.signals),
                      lambda o: render_bar_chart_svg(o.themes, "Thema's")]

DIGEST_SCRIPT = """
import hashlib, json, sys
from casetable.export.synthetic import make_summary
from casetable.export import docx, json as js, markdown, pdf
s = make_summary(contributions=60, notes=8)
out = {f.__name__: hashlib.sha256(f(s) if f is not markdown.render_markdown
                                  else f(s).encode()).hexdigest()
       for f in (markdown.render_markdown, js.render_json, docx.render_docx, pdf.render_pdf)}
print(json.dumps(out, sort_keys=True))
"""


@pytest.mark.parametrize("render", SUMMARY_RENDERERS, ids=lambda f: f.__name__)
def test_summary_renders_identically(render, dummy_summary: Summary) -> None:
    first = render(dummy_summary)
    assert render(dummy_summary) == first
    # what a purge leaves: the frozen summary, stored as JSON and loaded again
    stored = Summary.from_dict(json.loads(render_json(dummy_summary)))
    assert render(stored) == first


@pytest.mark.parametrize("render", OVERVIEW_RENDERERS)
def test_overview_renders_identically(render, dummy_overview: Overview) -> None:
    assert render(dummy_overview) == render(Overview.from_dict(dummy_overview.to_dict()))


def test_bytes_do_not_depend_on_the_process() -> None:
    """Fresh interpreters with different hash seeds (and a later clock) give the same bytes."""
    digests = []
    for seed in ("1", "2"):
        env = os.environ | {"PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", DIGEST_SCRIPT], env=env, check=True,
                                capture_output=True, text=True)
        digests.append(result.stdout)
    assert digests[0] == digests[1]


def test_docx_dates_come_from_generated_at(dummy_summary: Summary) -> None:
    data = render_docx(dummy_summary)
    when = dummy_summary.generated_at
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        stamps = {info.date_time for info in zf.infolist()}
        core = zf.read("docProps/core.xml").decode()
    assert stamps == {(when.year, when.month, when.day, when.hour, when.minute, when.second)}
    assert "2026-11-19T15:30:00Z" in core


def test_pdf_dates_come_from_generated_at(dummy_summary: Summary) -> None:
    info = pypdf.PdfReader(io.BytesIO(render_pdf(dummy_summary))).metadata
    assert info is not None
    assert info["/CreationDate"].startswith("D:20261119153000")
    assert info["/ModDate"].startswith("D:20261119153000")
    assert info.title == f"Verslag anonieme casustafel: {dummy_summary.title}"


def test_pdf_bytes_hash_is_stable(dummy_summary: Summary) -> None:
    a = hashlib.sha256(render_pdf(dummy_summary)).hexdigest()
    assert a == hashlib.sha256(render_pdf(dummy_summary)).hexdigest()
