#!/usr/bin/env bash
# Update the English catalogue after changing Dutch UI strings, then compile it.
#   scripts/i18n.sh           extract -> update messages.po -> compile messages.mo
#   scripts/i18n.sh compile   compile only
# New or changed strings show up in casetable/translations/en/LC_MESSAGES/messages.po with an
# empty (or fuzzy) msgstr: translate them, run this again, commit the .po and the .mo.
# The live views' strings (casetable.js) are in casetable/static/js/i18n.js, not here.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"  # the venv python beside it checks the result
DIR=casetable/translations
PO="$DIR/en/LC_MESSAGES/messages.po"
if [ "${1:-}" != compile ]; then
  POT="$(mktemp)"; trap 'rm -f "$POT" "$POT.log"' EXIT
  "$PYBABEL" extract -F babel.cfg -k _l -k lazy_gettext --sort-by-file \
    --project casetable --version 0.1.0 --copyright-holder "casetable contributors" \
    --msgid-bugs-address "" -o "$POT" . >"$POT.log" 2>&1 || { cat "$POT.log" >&2; exit 1; }
  if [ -f "$PO" ]; then
    "$PYBABEL" update -i "$POT" -d "$DIR" -l en --no-fuzzy-matching --ignore-obsolete
  else
    "$PYBABEL" init -i "$POT" -d "$DIR" -l en
  fi
fi
"$PYBABEL" compile -d "$DIR" -l en --statistics
"${PYBABEL%/*}/python" - "$PO" <<'PY'
import sys
from babel.messages.pofile import read_po
with open(sys.argv[1], "rb") as fh:
    catalog = read_po(fh)
todo = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
if todo:
    print(f"i18n: {len(todo)} message(s) still need an English translation:", file=sys.stderr)
    for msgid in todo:
        print("  ", msgid, file=sys.stderr)
PY
