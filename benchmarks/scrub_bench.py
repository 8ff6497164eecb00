"""Scrubber figures: score.py on the PII dev set against the CLI, plus start-up and chars/s.

    .venv/bin/python benchmarks/scrub_bench.py [--json PATH] [--devset DIR]

The dev set is looked up in $CASETABLE_DEVSET, else in <repo>/../shared/pii-devset.
Start-up is the wall time of `casetable scrub --jsonl` on empty input; chars/s is measured in
this process on one core after the lexicon has loaded (best of a few passes over the dev set).
The re-identification check (`casetable.scrub.reident.assess`) is timed on a 2,000-character
scrubbed vignette, in ms per call (best batch, as the machine may be busy).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARK = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]+?)\]\]")


def devset_dir(explicit: str | None) -> Path:
    """The folder with devset.jsonl and score.py: flag, env var, or the shared/ sibling."""
    for cand in (
        explicit,
        os.environ.get("CASETABLE_DEVSET"),
        REPO.parent / "shared" / "pii-devset",
    ):
        if cand and (Path(cand) / "score.py").exists():
            return Path(cand)
    raise SystemExit("dev set not found: set CASETABLE_DEVSET or pass --devset")


def cli_command() -> list[str]:
    return [sys.executable, "-m", "casetable.cli", "scrub", "--jsonl"]


def startup_seconds(runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cli_command(), input="", capture_output=True, text=True, check=True)
        best = min(best, time.perf_counter() - t)
    return best


def chars_per_second(dataset: Path, passes: int = 10) -> tuple[float, float]:
    """In-process throughput on one core after start-up (best pass): wall clock and CPU time.

    CPU time is the steadier figure on a shared machine; wall clock is what score.py sees.
    """
    sys.path.insert(0, str(REPO))
    from casetable.scrub import MemoryPseudonymStore, Pseudonymizer, get_scrubber

    with open(dataset, encoding="utf-8") as f:
        texts = [MARK.sub(lambda m: m.group(2), json.loads(line)["marked"]) for line in f]
    scrubber = get_scrubber()
    table = Pseudonymizer(os.urandom(32), MemoryPseudonymStore())
    total, wall, cpu = sum(map(len, texts)), 0.0, 0.0
    for _ in range(passes):
        t, c = time.perf_counter(), time.process_time()
        for text in texts:
            scrubber.scrub(text, table)
        wall = max(wall, total / (time.perf_counter() - t))
        cpu = max(cpu, total / max(time.process_time() - c, 1e-9))
    return wall, cpu


# A scrubbed vignette full of quasi-identifiers (ages, origin, diagnoses, job, events).
REIDENT_VIGNETTE = (
    (
        "[persoon 1] is een Syrische moeder van vier kinderen van 2, 5, 9 en 14 jaar. Ze "
        "woont sinds 3 jaar in [plaats], een kleine gemeente. Vader werkt als "
        "vrachtwagenchauffeur en is vaak weg. De oudste zoon heeft autisme, de jongste een "
        "ontwikkelingsachterstand. Het gezin kreeg vorig jaar een leefloon via het OCMW; de "
        "huisarts verwees naar het CAW. Na een brand in hun vorige woning verhuisden ze naar een "
        "sociale woning. Moeder volgt Nederlandse les. "
    )
    * 5
)[:2000]


def reident_ms_per_call(batches: int = 5, per_batch: int = 20) -> float:
    """Milliseconds per `reident.assess` call on a 2,000-character vignette (best batch)."""
    sys.path.insert(0, str(REPO))
    from casetable.scrub.reident import assess

    assess(REIDENT_VIGNETTE)  # lexicon and regexes load once
    best = float("inf")
    for _ in range(batches):
        t = time.perf_counter()
        for _ in range(per_batch):
            assess(REIDENT_VIGNETTE)
        best = min(best, (time.perf_counter() - t) / per_batch)
    return best * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", dest="json_path", help="write all figures here")
    ap.add_argument("--devset", help="folder with devset.jsonl and score.py")
    args = ap.parse_args()
    folder = devset_dir(args.devset)
    dataset = folder / "devset.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        score_json = Path(tmp) / "score.json"
        cmd = [
            sys.executable,
            str(folder / "score.py"),
            str(dataset),
            "--runs",
            "3",
            "--copies",
            "5",  # five passes over the records: a steadier streaming figure than one
            "--json",
            str(score_json),
            "--",
            *cli_command(),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, check=False)
        print(proc.stdout, end="")
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        figures = json.loads(score_json.read_text(encoding="utf-8"))
    wall, cpu = chars_per_second(dataset)
    own = {
        "startup_s": startup_seconds(),
        "chars_per_s_wall": wall,
        "chars_per_s_cpu": cpu,
        "reident_ms_per_call": reident_ms_per_call(),
    }
    print(
        f"\nOWN            startup {own['startup_s']:.2f} s   in process, one core, best of 10: "
        f"{wall:,.0f} chars/s wall clock, {cpu:,.0f} chars/s CPU time"
    )
    print(
        f"REIDENT        assess() on a {len(REIDENT_VIGNETTE):,}-character vignette: "
        f"{own['reident_ms_per_call']:.2f} ms per call (best batch of 20)"
    )
    if args.json_path:
        figures.pop("leaks", None)  # surfaces of the dev set's made-up identifiers
        figures["own"] = own
        Path(args.json_path).write_text(
            json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
