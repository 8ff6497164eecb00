"""Server-side SVG bar charts: accessible (title, desc, text labels), no script, no web fonts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from casetable.export._text import count_text, one_line, xml_text
from casetable.export.labels import DEFAULT_LANG, t
from casetable.export.model import SUPPRESSED, Count, Overview, to_pairs

WIDTH = 640
LABEL_W = 230
BAR_X = LABEL_W + 10
BAR_MAX_W = WIDTH - BAR_X - 60
ROW_H = 26
BAR_H = 16
TOP = 40
MAX_LABEL = 34
COLOR = "#1f5f99"  # contrast > 7:1 on white
COLOR_SUPPRESSED = "#8fb3d4"
FONT = 'font-family="sans-serif"'


def _short(label: str) -> str:
    """Cut long labels for the axis; the full label stays in the row's <title>."""
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "\u2026"


def _chart_id(title: str, pairs: tuple[tuple[str, Count], ...]) -> str:
    """Deterministic id prefix, distinct per chart, so several charts can share one HTML page."""
    digest = hashlib.sha256(repr((title, pairs)).encode("utf-8")).hexdigest()[:10]
    return f"chart-{digest}"


def render_bar_chart_svg(data: Mapping[str, Count] | Iterable[tuple[str, Count]], title: str,
                         lang: str = DEFAULT_LANG) -> str:
    """Horizontal bar chart of label -> count (or "<5"), largest first, as standalone SVG text."""
    pairs = to_pairs(data, allow_suppressed=True)
    cid = _chart_id(title, pairs)
    title = one_line(title)
    if pairs:
        desc = f"{t('chart_desc', lang)}: " + "; ".join(
            f"{one_line(label)}: {count_text(v)}" for label, v in pairs)
        if any(v == SUPPRESSED for _, v in pairs):
            desc += ". " + t("suppressed_notice", lang)
    else:
        desc = f"{t('chart_desc', lang)}: {t('no_data', lang)}"
    height = TOP + max(len(pairs), 1) * ROW_H + 14
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{cid}-t {cid}-d">',
        f'<title id="{cid}-t">{xml_text(title)}</title>',
        f'<desc id="{cid}-d">{xml_text(desc)}</desc>',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="0" y="22" {FONT} font-size="16" font-weight="bold" fill="#111111">'
        f"{xml_text(title)}</text>",
    ]
    if not pairs:
        out.append(f'<text x="{WIDTH // 2}" y="{TOP + 18}" {FONT} font-size="14" '
                   f'fill="#444444" text-anchor="middle">{xml_text(t("no_data", lang))}</text>')
    numbers = [v for _, v in pairs if isinstance(v, int)]
    scale_max = max([*numbers, 5])
    for i, (label, value) in enumerate(pairs):
        y = TOP + i * ROW_H
        shown = 4.0 if value == SUPPRESSED else float(value)  # "<5" drawn as at most four
        w = round(BAR_MAX_W * shown / scale_max, 1)
        fill = COLOR_SUPPRESSED if value == SUPPRESSED else COLOR
        clean = one_line(label)
        out.append(
            f"<g><title>{xml_text(clean)}: {xml_text(count_text(value))}</title>"
            f'<text x="{LABEL_W}" y="{y + 13}" {FONT} font-size="13" fill="#111111" '
            f'text-anchor="end">{xml_text(_short(clean))}</text>'
            f'<rect x="{BAR_X}" y="{y + 1}" width="{w}" height="{BAR_H}" fill="{fill}"/>'
            f'<text x="{BAR_X + w + 6}" y="{y + 13}" {FONT} font-size="13" fill="#111111">'
            f"{xml_text(count_text(value))}</text></g>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render_overview_charts(overview: Overview, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """The coordinator's four charts (services, themes, doelgroepen, rights) keyed by name."""
    blocks = (("services", "services", overview.services), ("themes", "themes", overview.themes),
              ("doelgroepen", "doelgroepen", overview.doelgroepen),
              ("rights", "tags_rights", overview.rights))
    return {key: render_bar_chart_svg(pairs, t(label, lang), lang) for key, label, pairs in blocks}
