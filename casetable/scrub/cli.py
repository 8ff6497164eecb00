"""`casetable scrub`: plain text or JSON lines on stdin, scrubbed text on stdout (no Flask)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from casetable.scrub.pseudonyms import MemoryPseudonymStore, Pseudonymizer
from casetable.scrub.scrubber import get_scrubber


def main(argv: list[str]) -> int:
    """Run the scrub command; returns the exit status."""
    ap = argparse.ArgumentParser(prog="casetable scrub", description=__doc__)
    ap.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"id","text"} lines and write {"id","text"} lines',
    )
    ap.add_argument(
        "--per-text",
        action="store_true",
        help="number persons per text instead of once for the whole input (one table)",
    )
    args = ap.parse_args(argv)
    scrubber = get_scrubber()
    # One run is one table: the same name gets the same [persoon N] in every text of the input.
    table = None if args.per_text else Pseudonymizer(os.urandom(32), MemoryPseudonymStore())
    if not args.jsonl:
        sys.stdout.write(scrubber.scrub(sys.stdin.read(), pseudonyms=table).text)
        sys.stdout.flush()
        return 0
    for lineno, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            rid, text = rec["id"], rec["text"]
        except (json.JSONDecodeError, KeyError, TypeError):
            print(
                f"casetable scrub: line {lineno}: expected a JSON object with id and text",
                file=sys.stderr,
            )  # never echo the line: it is unscrubbed text
            return 2
        out = scrubber.scrub(str(text), pseudonyms=table).text
        sys.stdout.write(json.dumps({"id": rid, "text": out}, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0
