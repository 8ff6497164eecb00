"""Time each export format on a large synthetic summary and overview; prints one row per format.

    .venv/bin/python benchmarks/summary_bench.py [--contributions 1000] [--notes 50]
                                                 [--tables 500] [--repeat 5]

Sections are functions in SECTIONS that return rows; the pure renderers are the first. The app's
database part (building the Summary from stored rows) is meant to be added as a second section.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from casetable.export.charts import render_bar_chart_svg
from casetable.export.csv import render_signals_csv
from casetable.export.docx import render_docx, render_signaalnota_docx
from casetable.export.json import render_json, render_overview_json
from casetable.export.markdown import render_markdown, render_signaalnota_markdown
from casetable.export.pdf import render_pdf, render_signaalnota_pdf
from casetable.export.synthetic import make_overview, make_summary

BUDGET_S = 1.0  # a format slower than this on one summary fails the run


@dataclass
class Row:
    """One timed job: name, first call (includes font loading), then best and median."""

    section: str
    name: str
    first_s: float
    best_s: float
    median_s: float
    size: int


def _time(section: str, name: str, job: Callable[[], bytes | str], repeat: int) -> Row:
    """Run a job repeat+1 times; the first call is reported separately (cold caches)."""
    start = time.perf_counter()
    out = job()
    first = time.perf_counter() - start
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return Row(section, name, first, min(times), statistics.median(times), len(out))


def pure_section(args: argparse.Namespace) -> list[Row]:
    """The pure renderers on a synthetic summary and overview (no database, no Flask)."""
    summary = make_summary(contributions=args.contributions, notes=args.notes)
    overview = make_overview(tables=args.tables)
    sec = (f"pure: summary {args.contributions} contributions / {args.notes} notes; "
           f"overview {args.tables} tables / {len(overview.signals)} signals")
    jobs: list[tuple[str, Callable[[], bytes | str]]] = [
        ("summary markdown", lambda: render_markdown(summary)),
        ("summary json", lambda: render_json(summary)),
        ("summary docx", lambda: render_docx(summary)),
        ("summary pdf", lambda: render_pdf(summary)),
        ("overview markdown", lambda: render_signaalnota_markdown(overview)),
        ("overview json", lambda: render_overview_json(overview)),
        ("overview docx", lambda: render_signaalnota_docx(overview)),
        ("overview pdf", lambda: render_signaalnota_pdf(overview)),
        ("overview signals csv", lambda: render_signals_csv(overview.signals)),
        ("overview 4 svg charts", lambda: "".join(
            render_bar_chart_svg(pairs, title) for title, pairs in (
                ("Diensten", overview.services), ("Thema's", overview.themes),
                ("Doelgroepen", overview.doelgroepen), ("Rechten", overview.rights)))),
    ]
    return [_time(sec, name, job, args.repeat) for name, job in jobs]


# Append the app's section here: a function (args) -> list[Row] that seeds a database, builds
# the Summary/Overview from it and times that part.
SECTIONS: list[Callable[[argparse.Namespace], list[Row]]] = [pure_section]


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 when a format misses the one-second budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contributions", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=50)
    parser.add_argument("--tables", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    slow = False
    for section in SECTIONS:
        rows = section(args)
        print(f"\n## {rows[0].section if rows else section.__name__}")
        print(f"{'format':<24}{'first ms':>10}{'best ms':>10}{'median ms':>11}{'KiB':>9}")
        for r in rows:
            print(f"{r.name:<24}{r.first_s * 1000:>10.0f}{r.best_s * 1000:>10.0f}"
                  f"{r.median_s * 1000:>11.0f}{r.size / 1024:>9.0f}")
            slow |= r.median_s > BUDGET_S
    if slow:
        print(f"\nFAIL: a format took more than {BUDGET_S:.1f} s (median)")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
