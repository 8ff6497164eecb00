"""Validate a marked PII evaluation set (dev-set format of /work/shared/pii-devset).

Usage:
    python benchmarks/check_eval_set.py [benchmarks/data/eval_flemish.jsonl]

Checks, per record:
  * JSON with string id, kind in {vignette, contribution, note}, "marked", "keep";
  * markup parses with score.py's MARK_RE, labels are known, surfaces are
    non-empty without outer whitespace, and no stray "[[" / "]]" remain;
  * every keep term occurs verbatim in the plain text at least once OUTSIDE
    every marked span;
  * every NATIONAL_ID validates (Belgian RRN/INSZ, BIS-nummer or Dutch BSN)
    and every IBAN validates (IBAN, or old Belgian 3-7-2 format with mod 97),
    using python-stdnum.
Prints counts per kind and label; exit status 1 when anything fails.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

from stdnum import iban
from stdnum.be import bis, nn
from stdnum.nl import bsn

LABELS = {
    "PERSON", "ADDRESS", "POSTCODE", "PLACE", "PHONE", "EMAIL", "URL",
    "NATIONAL_ID", "IBAN", "DATE", "INSTITUTION", "CASE_ID", "PLATE",
}
KINDS = {"vignette", "contribution", "note"}
# identical to MARK_RE in /work/shared/pii-devset/score.py
MARK_RE = re.compile(r"\[\[([^\[\]|]*)\|([^\[\]]*?)\]\]")
OLD_BE_ACCOUNT = re.compile(r"^(\d{3})-(\d{7})-(\d{2})$")
DEFAULT = Path(__file__).resolve().parent / "data" / "eval_flemish.jsonl"


def parse(marked):
    parts, spans, pos, n = [], [], 0, 0
    for m in MARK_RE.finditer(marked):
        before = marked[pos:m.start()]
        parts.append(before)
        n += len(before)
        spans.append((n, n + len(m.group(2)), m.group(1), m.group(2)))
        parts.append(m.group(2))
        n += len(m.group(2))
        pos = m.end()
    parts.append(marked[pos:])
    return "".join(parts), spans


def valid_national_id(value):
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11:
        return nn.is_valid(digits) or bis.is_valid(digits)
    if len(digits) == 9:
        return bsn.is_valid(digits)
    return False


def valid_iban(value):
    m = OLD_BE_ACCOUNT.match(value.strip())
    if m:
        check = int(m.group(1) + m.group(2)) % 97 or 97
        return check == int(m.group(3))
    return iban.is_valid(value)


def check_record(r):
    errs = []
    if not isinstance(r.get("id"), str):
        errs.append("id missing or not a string")
    if r.get("kind") not in KINDS:
        errs.append(f"bad kind {r.get('kind')!r}")
    marked = r.get("marked")
    if not isinstance(marked, str):
        return [*errs, "marked missing"]
    text, spans = parse(marked)
    if "[[" in text or "]]" in text:
        errs.append("malformed [[...]] markup")
    for _start, _end, label, surface in spans:
        if label not in LABELS:
            errs.append(f"unknown label {label!r}")
        if not surface or surface != surface.strip() or "|" in surface:
            errs.append(f"bad surface {surface!r}")
        if label == "NATIONAL_ID" and not valid_national_id(surface):
            errs.append(f"invalid national id {surface!r}")
        if label == "IBAN" and not valid_iban(surface):
            errs.append(f"invalid account number {surface!r}")
    keep = r.get("keep")
    if not isinstance(keep, list):
        errs.append("keep missing or not a list")
        keep = []
    for term in keep:
        hits = [m.start() for m in re.finditer(re.escape(term), text)] if term else []
        outside = [s for s in hits
                   if not any(a < s + len(term) and s < b for a, b, _l, _s in spans)]
        if not outside:
            errs.append(f"keep term {term!r} not found outside spans")
    return errs


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    failures, kinds, labels, seen = 0, Counter(), Counter(), set()
    empty = Counter()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"line {lineno}: invalid JSON: {e}")
            failures += 1
            continue
        errs = check_record(r)
        if r.get("id") in seen:
            errs.append("duplicate id")
        seen.add(r.get("id"))
        for e in errs:
            print(f"line {lineno} ({r.get('id')}): {e}")
        failures += bool(errs)
        kinds[r.get("kind")] += 1
        _text, spans = parse(r.get("marked", ""))
        labels.update(s[2] for s in spans)
        if not spans:
            empty[r.get("kind")] += 1
    print("records:", dict(kinds), " without spans:", dict(empty))
    print("spans:", sum(labels.values()), dict(labels.most_common()))
    print("FAILED records:", failures if failures else "none")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
