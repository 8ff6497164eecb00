"""Run the real app (wsgi.py, eventlet) as a separate process, as a user's browser meets it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
CSRF = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class AppServer:
    """One app process on a loopback port with its own instance folder (SQLite by default)."""

    def __init__(
        self,
        instance: Path,
        port: int | None = None,
        env: dict[str, str] | None = None,
        mode: str = "eventlet",
    ) -> None:
        self.instance = instance
        self.port = port or free_port()
        self.env = {
            **os.environ,
            "CASETABLE_INSTANCE_PATH": str(instance),
            "PORT": str(self.port),
            "SOCKETIO_ASYNC_MODE": mode,
            "CASETABLE_RATELIMIT_ENABLED": "false",
            **(env or {}),
        }
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = instance / f"server-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "casetable.cli", *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr[-2000:]
        return out.stdout

    def start(self, timeout: float = 30) -> AppServer:
        self.instance.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(ROOT / "wsgi.py")],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server died: " + self.log.read_text()[-2000:])
            try:
                if requests.get(self.url + "/healthz", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("server did not start: " + self.log.read_text()[-2000:])

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flush, like a crash or an OOM kill."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(timeout=10)
            self.proc = None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None


def server_with_facilitator(
    instance: Path, email: str, password: str, env: dict[str, str] | None = None
) -> AppServer:
    """A started server with one network and one facilitator, made through the CLI."""
    server = AppServer(instance, env=env)
    server.cli("create-network", "--name", "Netwerk Test", "--province", "Limburg")
    server.cli(
        "create-user",
        "--email",
        email,
        "--role",
        "facilitator",
        "--network",
        "Netwerk Test",
        "--password",
        password,
    )
    return server.start()


def csrf_token(html: str) -> str:
    match = CSRF.search(html)
    assert match, "no csrf token on the page"
    return match.group(1) or match.group(2)


def staff_session(server: AppServer, email: str, password: str) -> requests.Session:
    """Log in over HTTP with the CSRF token from the form, as a browser does."""
    http = requests.Session()
    page = http.get(server.url + "/login", timeout=10).text
    response = http.post(
        server.url + "/login",
        timeout=10,
        allow_redirects=False,
        data={"email": email, "password": password, "csrf_token": csrf_token(page)},
    )
    assert response.status_code == 302, response.text[:300]
    return http


def create_open_table(server: AppServer, http: requests.Session, title: str = "Testtafel") -> str:
    """Create and open a table through the facilitator's pages; returns its public id."""
    page = http.get(server.url + "/tables/new", timeout=10).text
    network = re.search(r'<option[^>]*value="(\d+)"', page)
    assert network
    response = http.post(
        server.url + "/tables/new",
        timeout=10,
        allow_redirects=False,
        data={
            "csrf_token": csrf_token(page),
            "title": title,
            "network": network.group(1),
            "method": "anonieme-casustafel",
            "date": time.strftime("%Y-%m-%d"),
            "attribution": "alias",
        },
    )
    assert response.status_code == 302, response.text[:500]
    public_id = response.headers["Location"].rstrip("/").split("/")[-1]
    console = http.get(server.url + f"/t/{public_id}", timeout=10).text
    opened = http.post(
        server.url + f"/t/{public_id}/open",
        timeout=10,
        allow_redirects=False,
        data={"csrf_token": csrf_token(console)},
    )
    assert opened.status_code == 302
    return public_id


def join_code(server: AppServer, http: requests.Session, public_id: str) -> str:
    console = http.get(server.url + f"/t/{public_id}", timeout=10).text
    match = re.search(r'id="join-code">([0-9A-Z-]+)<', console)
    assert match, "no join code on the console"
    return match.group(1).replace("-", "")


def participant_session(server: AppServer, code: str, service: str) -> requests.Session:
    """Join with the code: pick a service, accept the house rules (CSRF-protected form)."""
    http = requests.Session()
    page = http.get(server.url + f"/j/{code}", timeout=10).text
    response = http.post(
        server.url + f"/j/{code}",
        timeout=10,
        allow_redirects=False,
        data={
            "csrf_token": csrf_token(page),
            "service": service,
            "rules": "y",
        },
    )
    assert response.status_code == 302 and "/room" in response.headers["Location"], response.text[
        :300
    ]
    return http


def cookie_header(http: requests.Session) -> dict[str, Any]:
    return {"Cookie": "; ".join(f"{c.name}={c.value}" for c in http.cookies)}
