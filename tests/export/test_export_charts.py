"""SVG bar charts: accessible, suppressed counts shown as "<5", a readable empty chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from casetable.export.charts import render_bar_chart_svg, render_overview_charts
from casetable.export.model import Overview

NS = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    return [el.text or "" for el in ET.fromstring(svg).iter(f"{NS}text")]


def test_chart_is_accessible() -> None:
    root = ET.fromstring(render_bar_chart_svg({"CAW": 12, "CLB": 6}, "Diensten"))
    assert root.get("role") == "img"
    title, desc = root[0], root[1]
    assert title.tag == f"{NS}title" and desc.tag == f"{NS}desc"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "CAW: 12" in (desc.text or "")


def test_suppressed_counts_render_as_less_than_five() -> None:
    svg = render_bar_chart_svg({"huisvesting": 12, "voeding": "<5"}, "Thema's")
    texts = _texts(svg)
    assert "<5" in texts and "12" in texts
    assert texts.index("huisvesting") < texts.index("voeding")  # numbers before "<5"
    assert "kleiner dan vijf" in svg


def test_empty_mapping_says_no_data() -> None:
    svg = render_bar_chart_svg({}, "Rechten")
    assert "geen gegevens" in _texts(svg)
    assert "no data" in _texts(render_bar_chart_svg({}, "Rights", lang="en"))
    assert ET.fromstring(svg).find(f"{NS}rect") is not None


def test_largest_first_and_long_labels_shortened() -> None:
    long = "minimaal inkomen en sociale ondersteuning voor gezinnen"
    svg = render_bar_chart_svg([("a", 1), (long, 30), ("b", 10)], "Thema's")
    texts = _texts(svg)
    assert texts[1].endswith("\u2026") and long.startswith(texts[1][:-1])
    assert f"<title>{long}: 30</title>" in svg
    assert texts.index("b") < texts.index("a")


def test_no_script_or_external_resources() -> None:
    svg = render_bar_chart_svg({"CAW": 3}, "Diensten")
    for forbidden in ("<script", "href", "@import", "url(", "<style"):
        assert forbidden not in svg


def test_overview_charts(dummy_overview: Overview) -> None:
    charts = render_overview_charts(dummy_overview)
    assert list(charts) == ["services", "themes", "doelgroepen", "rights"]
    ids = {ET.fromstring(svg)[0].get("id") for svg in charts.values()}
    assert len(ids) == 4  # distinct ids: the four can share one HTML page
