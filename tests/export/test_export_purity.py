"""casetable.export stays a pure library: importing every module loads no Flask."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import casetable.export

SCRIPT = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules
                        if m.split('.')[0] in ('flask', 'flask_sqlalchemy', 'flask_socketio'))))
"""


def test_export_imports_no_flask() -> None:
    names = [f"casetable.export.{m.name}" for m in pkgutil.iter_modules(casetable.export.__path__)]
    assert "casetable.export.pdf" in names
    result = subprocess.run([sys.executable, "-c", SCRIPT, *names], check=True,
                            capture_output=True, text=True)
    assert json.loads(result.stdout) == []
