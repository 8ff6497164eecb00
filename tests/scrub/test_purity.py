"""casetable.scrub is a pure library: no Flask anywhere in it, and none imported at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import casetable.scrub

FORBIDDEN = ("flask", "flask_sqlalchemy", "flask_socketio")
PACKAGE = Path(casetable.scrub.__file__).parent


def test_no_flask_import_in_source() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"


def test_scrub_cli_runs_without_flask() -> None:
    code = (
        "import sys, casetable.scrub.cli; casetable.scrub.get_scrubber();"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.strip() == "[]"


def test_readme_says_so() -> None:
    assert "no `flask`" in (PACKAGE / "README.md").read_text(encoding="utf-8")
