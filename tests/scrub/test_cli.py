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


def test_jsonl_answers_each_line_before_the_input_ends() -> None:
    # an interactive caller (or a pipe fed line by line) gets every answer right away
    with subprocess.Popen(
        [sys.executable, "-m", "casetable.cli", "scrub", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        for i, text in enumerate(["Papa Dirk belde.", "Dirk komt morgen."]):
            proc.stdin.write(json.dumps({"id": i, "text": text}) + "\n")
            proc.stdin.flush()
            assert json.loads(proc.stdout.readline())["text"].startswith(
                ("Papa [persoon 1]", "[persoon 1]")
            )
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0


def test_jsonl_many_lines_and_a_last_line_without_newline() -> None:
    records = [{"id": f"r{i}", "text": f"Mevrouw Peeters belde {i} keer."} for i in range(500)]
    payload = "\n".join(json.dumps(r) for r in records)  # no newline after the last line
    proc = run(["--jsonl"], payload)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in out] == [r["id"] for r in records]
    assert all(r["text"].startswith("Mevrouw [persoon 1] belde") for r in out)
