"""`casetable scrub`: plain text or JSON lines on stdin, scrubbed text on stdout (no Flask)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from casetable.scrub.pseudonyms import MemoryPseudonymStore, Pseudonymizer
from casetable.scrub.scrubber import Scrubber, get_scrubber


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
    return _jsonl(scrubber, table)


# Output is written when the input read so far is done, or once this much is pending: a line
# typed by hand is answered at once, a pipe full of lines costs a write per batch, not per line.
FLUSH_BYTES = 16_384


def _jsonl(scrubber: Scrubber, table: Pseudonymizer | None) -> int:
    """Scrub {"id","text"} lines from stdin; answer each batch of lines as soon as it is read."""
    fd = sys.stdin.fileno()
    out: list[str] = []
    pending = lineno = 0
    rest = b""
    while True:
        chunk = os.read(fd, 1 << 16)  # whatever has arrived, at least one byte (b"" at the end)
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop() if chunk else b""
        for line in lines:
            lineno += 1
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                rid, text = rec["id"], rec["text"]
            except (ValueError, KeyError, TypeError):  # a JSON or UTF-8 decoding error included
                _write(out)
                print(
                    f"casetable scrub: line {lineno}: expected a JSON object with id and text",
                    file=sys.stderr,
                )  # never echo the line: it is unscrubbed text
                return 2
            scrubbed = scrubber.scrub(str(text), pseudonyms=table).text
            out.append(json.dumps({"id": rid, "text": scrubbed}, ensure_ascii=False) + "\n")
            pending += len(scrubbed)
            if pending >= FLUSH_BYTES:
                _write(out)
                pending = 0
        _write(out)
        pending = 0
        if not chunk:
            return 0


def _write(out: list[str]) -> None:
    if out:
        sys.stdout.write("".join(out))
        sys.stdout.flush()
        out.clear()
