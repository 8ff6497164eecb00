"""The pure core stays pure, and socket handlers survive building several apps."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from casetable import create_app
from casetable.extensions import socketio

ROOT = Path(__file__).resolve().parents[1] / "casetable"
FORBIDDEN = ("flask", "flask_sqlalchemy", "flask_socketio", "flask_login", "sqlalchemy")


@pytest.mark.parametrize("folder", ["scrub", "export"])
def test_pure_core_imports_no_web_framework(folder):
    for path in (ROOT / folder).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"


def test_scrub_cli_starts_without_flask():
    code = (
        "import sys, casetable.scrub.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('flask')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_two_apps_in_a_row_both_answer_events(tmp_path, monkeypatch):
    """Handlers are registered before init_app, so a second app still has them (#1499, #1059)."""
    for n in range(2):
        monkeypatch.setenv("CASETABLE_INSTANCE_PATH", str(tmp_path / f"i{n}"))
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "k" * 40,
                "SOCKETIO_ASYNC_MODE": "threading",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / f'db{n}.sqlite'}",
                "WTF_CSRF_ENABLED": False,
            }
        )
        with app.app_context():
            anonymous = socketio.test_client(app)
            assert not anonymous.is_connected()  # refused at connect: no login, no seat
        http = app.test_client()
        with http.session_transaction() as sess:
            sess["seats"] = {"nope": "nope"}
        with app.app_context():
            sio = socketio.test_client(app, flask_test_client=http)
            assert sio.is_connected()
            reply = sio.emit("join", {"table": "doesnotexist"}, callback=True)
        assert reply["error"] == "not_found"


def test_bleach_lives_in_sanitize_only():
    """One module sanitises HTML: replacing bleach (unmaintained since 2026) is a one-file job."""
    users = []
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            if any(n.split(".")[0] == "bleach" for n in names):
                users.append(path.name)
    assert users == ["sanitize.py"]
