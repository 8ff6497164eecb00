"""Browser journeys: the real server (wsgi.py, eventlet) as a subprocess, Debian's chromium.

Accounts are made through the `casetable` CLI, tables through the facilitator's own pages.
Locally a missing /usr/bin/chromium skips these tests; in CI (CI=true) it fails them.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from browser.browser_kit import ADMIN, FACILITATOR, LAPTOP, NETWORK, PASSWORD, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM when pytest dies (killed, or its output pipe closed)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class Server:
    url: str
    env: dict[str, str]

    def cli_async(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [str(Path(sys.executable).parent / "casetable"), *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def cli(self, *args: str) -> str:
        made = self.cli_async(*args)
        out, err = made.communicate(timeout=120)
        assert made.returncode == 0, f"casetable {' '.join(args[:1])} failed:\n{err[-3000:]}"
        return out


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app as it runs for people: `python wsgi.py` under eventlet on a free port."""
    instance = tmp_path_factory.mktemp("instance")
    port = _free_port()
    env = {
        **os.environ,
        "CASETABLE_INSTANCE_PATH": str(instance),
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "SOCKETIO_ASYNC_MODE": "eventlet",
        # Many browser contexts share one address here; real offices do too, but not this fast.
        "CASETABLE_RATELIMIT_ENABLED": "false",
        "PYTHONWARNINGS": "ignore",
    }
    env.pop("CASETABLE_SCRUBBER_WARMUP", None)
    url = f"http://127.0.0.1:{port}"
    srv = Server(url=url, env=env)
    # Accounts first, one command at a time: each one migrates the database if needed, and two
    # migrations racing on one SQLite file (or the server's own) can fail.
    srv.cli("create-network", "--name", NETWORK, "--province", "Limburg")
    srv.cli(
        "create-user",
        "--email",
        FACILITATOR,
        "--role",
        "facilitator",
        "--network",
        NETWORK,
        "--password",
        PASSWORD,
    )
    srv.cli("create-user", "--email", ADMIN, "--role", "admin", "--password", PASSWORD)
    log = (instance / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "wsgi.py")],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        preexec_fn=_die_with_parent,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.close()
            pytest.fail("server did not start:\n" + (instance / "server.log").read_text()[-3000:])
        time.sleep(0.2)
    try:
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright; never a downloaded browser build."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: scripts/system-deps.sh installs it")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def new_context(browser: Any, server: Server) -> Iterator[Callable[..., Any]]:
    """Fresh browser contexts (separate cookies and storage), closed after the test."""
    made: list[Any] = []

    def factory(viewport: dict[str, int] | None = None, mobile: bool = False, **extra: Any) -> Any:
        ctx = browser.new_context(
            base_url=server.url,
            viewport=viewport or LAPTOP,
            is_mobile=mobile,
            has_touch=mobile,
            device_scale_factor=1,
            locale="nl-BE",
            **extra,
        )
        ctx.set_default_timeout(10_000)
        made.append(ctx)
        return ctx

    yield factory
    for ctx in made:
        ctx.close()
