"""wsgi.py as production runs it: websocket compression refused unless configured."""

from __future__ import annotations

import base64
import os
import socket
from pathlib import Path

import pytest

from tests.server_process import AppServer

pytestmark = pytest.mark.integration


def handshake_extensions(port: int) -> str:
    """Offer permessage-deflate as a browser does; return what the server accepted."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request.encode())
        head = conn.recv(4096).decode("latin-1")
    assert head.startswith("HTTP/1.1 101"), head[:200]
    return "".join(
        line for line in head.split("\r\n") if line.lower().startswith("sec-websocket-extensions")
    )


@pytest.mark.parametrize("configured", [False, True])
def test_websocket_compression_follows_the_setting(tmp_path: Path, configured: bool) -> None:
    env = {"CASETABLE_SOCKETIO_WEBSOCKET_COMPRESSION": "true"} if configured else {}
    server = AppServer(tmp_path / "instance", env=env).start(timeout=60)
    try:
        accepted = handshake_extensions(server.port)
    finally:
        server.stop()
    assert ("permessage-deflate" in accepted) is configured
