"""Signals export as CSV for Excel on Flemish Windows: UTF-8 with BOM, semicolons, inert cells.

Semicolon, not comma: Excel with Belgian/Dutch regional settings uses ";" as list separator (the
comma is the decimal sign), so a double-clicked file opens in columns. The BOM makes Excel read
UTF-8 (é, ë, ş). Every text cell passes csv_cell(), which prefixes formula starters with a quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from casetable.export._common import ordered_signals
from casetable.export._text import csv_cell
from casetable.export.labels import DEFAULT_LANG, code_label, t
from casetable.export.model import Signal, Summary

DELIMITER = ";"
ENCODING = "utf-8-sig"


def _header(lang: str) -> list[str]:
    keys = ("date", "table", "kind", "text", "level", "urgency", "themes", "doelgroepen",
            "tags_rights")
    return [t(k, lang) for k in keys]


def _row(s: Signal, lang: str) -> list[str]:
    """One signal as cells; dates in ISO form so Excel sorts them regardless of locale."""
    values = [s.table_date.isoformat(), s.table_title, code_label(s.kind, lang), s.text,
              code_label(s.level, lang) if s.level else "",
              code_label(s.urgency, lang) if s.urgency else "",
              ", ".join(s.tags.themes), ", ".join(s.tags.doelgroepen), ", ".join(s.tags.rights)]
    return [csv_cell(v) for v in values]


def render_signals_csv(signals: Iterable[Signal], lang: str = DEFAULT_LANG) -> bytes:
    """Signals (most urgent first) as CSV bytes, header row included."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(_header(lang))
    writer.writerows(_row(s, lang) for s in ordered_signals(signals))
    return buf.getvalue().encode(ENCODING)


def render_summary_signals_csv(summary: Summary, lang: str = DEFAULT_LANG,
                               kinds: tuple[str, ...] = ("signaal_beleid",)) -> bytes:
    """The notes of one table (by default only signals to policy) as the same CSV."""
    return render_signals_csv((Signal.from_note(n, summary) for n in summary.notes
                               if n.kind in kinds), lang)
