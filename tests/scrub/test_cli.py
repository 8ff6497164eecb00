"""`casetable scrub` as a subprocess: JSON lines keep their ids; plain text mode."""

from __future__ import annotations

import json
import subprocess
import sys


def run(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "casetable.cli", "scrub", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_jsonl_round_trips_ids() -> None:
    records = [
        {"id": "a1", "text": "Mevrouw Sandra Vanhoutte belt op 0478 21 36 54."},
        {"id": 7, "text": "Het OCMW helpt."},
        {"id": "a3", "text": "Is dat niet Sandra?"},
    ]
    proc = run(["--jsonl"], "".join(json.dumps(r) + "\n" for r in records))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in out] == ["a1", 7, "a3"]
    assert out[0]["text"] == "Mevrouw [persoon 1] belt op [telefoon]."
    assert out[1]["text"] == "Het OCMW helpt."
    assert out[2]["text"] == "Is dat niet [persoon 1]?"  # one run is one table


def test_plain_text_mode() -> None:
    proc = run([], "juf Hanne woont in Genk.\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "juf [persoon 1] woont in [plaats].\n"


def test_bad_line_fails_without_echoing_it() -> None:
    proc = run(["--jsonl"], "Sandra Vanhoutte 0478 21 36 54\n")
    assert proc.returncode == 2
    assert "Vanhoutte" not in proc.stderr and "0478" not in proc.stderr
