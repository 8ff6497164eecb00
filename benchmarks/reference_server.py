"""A bare Flask-SocketIO broadcast server: the yardstick benchmarks/load.py measures casetable by.

It speaks the subset of casetable's protocol the load client uses (join, phase, contribute,
reveal) with no database, no scrubber and no auth: rooms in memory, a per-room sequence, held
contributions for a silent phase. Run: `SOCKETIO_ASYNC_MODE=gevent python reference_server.py
--port 5123`. Monkey-patching happens first, as in wsgi.py; TCP_NODELAY as in wsgi.py too.
"""

from __future__ import annotations

import os
import socket

MODE = os.environ.get("SOCKETIO_ASYNC_MODE", "eventlet")
if MODE == "eventlet":
    import warnings

    warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)
    import eventlet

    eventlet.monkey_patch()
elif MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()

import argparse  # noqa: E402
import threading  # noqa: E402
from typing import Any  # noqa: E402

from flask import Flask, request  # noqa: E402
from flask_socketio import SocketIO, emit, join_room  # noqa: E402

app = Flask(__name__)
sio = SocketIO(
    app,
    async_mode=MODE,
    ping_interval=25,  # the app's default heartbeat (casetable/config.py)
    ping_timeout=20,
)
_lock = threading.Lock()
_rooms: dict[str, dict[str, Any]] = {}  # room -> {"seq", "silent", "held"}
_joined: dict[str, str] = {}  # sid -> room


def _room(name: str) -> dict[str, Any]:
    return _rooms.setdefault(name, {"seq": 0, "silent": False, "held": []})


@sio.on("join")
def on_join(data: dict[str, Any]) -> dict[str, Any]:
    room = str(data["table"])
    join_room(room)
    _joined[request.sid] = room
    return {"ok": True}


@sio.on("phase")
def on_phase(data: dict[str, Any]) -> dict[str, Any]:
    with _lock:
        _room(_joined[request.sid])["silent"] = data.get("value") == 3
    return {"ok": True}


@sio.on("contribute")
def on_contribute(data: dict[str, Any]) -> dict[str, Any]:
    room = _joined[request.sid]
    item = {"client_id": data["client_id"], "kind": data["kind"], "text": data["text"]}
    with _lock:
        state = _room(room)
        if state["silent"]:
            state["held"].append(item)
            held = len(state["held"])
        else:
            state["seq"] += 1
            item["seq"] = state["seq"]
            held = None
    if held is not None:
        emit("held", {"count": held}, to=room)
        return {"ok": True, "status": "held"}
    emit("contribution", item, to=room)
    return {"ok": True, "status": "stored", "seq": item["seq"]}


@sio.on("reveal")
def on_reveal(data: dict[str, Any]) -> dict[str, Any]:
    room = _joined[request.sid]
    with _lock:
        state = _room(room)
        held, state["held"] = state["held"], []
        for item in held:
            state["seq"] += 1
            item["seq"] = state["seq"]
    emit("contributions", held, to=room)
    return {"ok": True, "count": len(held)}


def _without_websocket_compression(wsgi_app: Any) -> Any:
    """As in wsgi.py: the websocket servers accept permessage-deflate unless the offer is hidden."""

    def app_without(environ: dict[str, Any], start_response: Any) -> Any:
        environ.pop("HTTP_SEC_WEBSOCKET_EXTENSIONS", None)
        return wsgi_app(environ, start_response)

    return app_without


if os.environ.get("SOCKETIO_WEBSOCKET_COMPRESSION", "") != "1":
    app.wsgi_app = _without_websocket_compression(app.wsgi_app)  # type: ignore[method-assign]


@app.get("/")
def index() -> str:
    return "ok"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=5123)
    args = parser.parse_args()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # inherited by accept()
    listener.bind(("127.0.0.1", args.port))
    listener.listen(2048)
    if MODE == "eventlet":
        import eventlet.wsgi

        # socket.socket is eventlet's green socket here (monkey-patched above).
        # max_size: eventlet's default of 1,024 simultaneous requests caps open websockets.
        eventlet.wsgi.server(listener, app, log_output=False, max_size=10000)
    elif MODE == "gevent":
        from gevent import pywsgi

        pywsgi.WSGIServer(listener, app, log=None).serve_forever()
    else:
        from werkzeug.serving import make_server

        server = make_server("127.0.0.1", args.port, app, threaded=True, fd=listener.fileno())
        server.serve_forever()


if __name__ == "__main__":
    main()
