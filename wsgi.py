"""Entry point: `python wsgi.py` (make run; eventlet) or `gunicorn -k gevent -w 1 wsgi:app`.

This is the only place that knows about eventlet or gevent: the rest of the app runs unchanged
in threading mode (tests) too.
"""

import os
import socket
from typing import Any

MODE = os.environ.get("SOCKETIO_ASYNC_MODE", "eventlet")


def _nodelay(sock: socket.socket) -> socket.socket:
    """TCP_NODELAY on the listening socket; Linux passes it on to every accepted connection.

    Without it an ack written right after a broadcast waits for the client's delayed ACK
    (~40 ms, Nagle). gunicorn sets it itself; this covers `python wsgi.py` (socketio.run).
    """
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


if MODE == "eventlet":
    import warnings

    # eventlet announces its bug-fix-only status on import; DESIGN.md section 4 knows.
    warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)
    import eventlet

    eventlet.monkey_patch()
    _listen = eventlet.listen
    eventlet.listen = lambda *args, **kwargs: _nodelay(_listen(*args, **kwargs))
elif MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()
    from gevent.server import StreamServer

    _get_listener = StreamServer.get_listener.__func__
    StreamServer.get_listener = classmethod(
        lambda cls, *args, **kwargs: _nodelay(_get_listener(cls, *args, **kwargs))
    )

import gc  # noqa: E402

from casetable import create_app, sqlite_checkpoint  # noqa: E402
from casetable.extensions import db, socketio  # noqa: E402
from casetable.scrub import get_scrubber  # noqa: E402

app = create_app()
with app.app_context():
    # SQLite: checkpoint the write-ahead log from a thread, not in a contribution's commit
    # (casetable/sqlite_checkpoint.py). Connections opened before this (migrations) are dropped.
    _url = db.engine.url
    if (
        _url.get_backend_name() == "sqlite"
        and _url.database not in (None, "", ":memory:")
        and os.environ.get("CASETABLE_SQLITE_BACKGROUND_CHECKPOINT", "1") != "0"
    ):
        sqlite_checkpoint.start(_url.database)
        db.engine.dispose()
get_scrubber()  # load the word lists now, not during the first contribution of the day

# Everything built so far (app, word lists, compiled patterns: ~180,000 objects) lives as long
# as the process. Moved out of the collector's sight, a full collection takes well under a
# millisecond instead of ~120 ms that stopped every screen of the worker (load test p99/max).
gc.freeze()

# Open screens are long-lived objects too: with 2,600 of them a full collection took 180-330 ms
# and ran several times a minute (benchmarks/load.py, many tables), stopping every screen each
# time. Young objects are still collected as usual (most garbage is freed by reference counting
# anyway); full collections run on a schedule instead of whenever enough objects got old.
FULL_COLLECTION_SECONDS = int(os.environ.get("CASETABLE_FULL_GC_SECONDS", "600"))
_young, _middle, _ = gc.get_threshold()
gc.set_threshold(_young, _middle, 1_000_000)


def _full_collections() -> None:
    while True:  # the worker's lifetime
        socketio.sleep(FULL_COLLECTION_SECONDS)
        gc.collect()


if FULL_COLLECTION_SECONDS > 0:
    socketio.start_background_task(_full_collections)


def _without_websocket_compression(wsgi_app: Any) -> Any:
    """Refuse permessage-deflate by hiding the browser's offer from the websocket server.

    eventlet's websocket server (and simple-websocket) accept the offer on their own; the
    Socket.IO option the app passes does not reach them. Measured with benchmarks/load.py:
    deflate costs CPU on every delivery and saves little on short texts.
    """

    def app_without(environ: dict[str, Any], start_response: Any) -> Any:
        environ.pop("HTTP_SEC_WEBSOCKET_EXTENSIONS", None)
        return wsgi_app(environ, start_response)

    return app_without


if not app.config.get("SOCKETIO_WEBSOCKET_COMPRESSION"):
    app.wsgi_app = _without_websocket_compression(app.wsgi_app)

# Behind nginx (docs/deployment.md): trust that many proxies' X-Forwarded-For/-Proto/-Host, so
# rate limits, the login session check and secure URLs see the browser, not 127.0.0.1.
_proxies = int(os.environ.get("CASETABLE_TRUSTED_PROXIES", "0") or 0)
if _proxies:
    from werkzeug.middleware.proxy_fix import ProxyFix

    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=_proxies, x_proto=_proxies, x_host=_proxies)

if __name__ == "__main__":
    from casetable.commands import serve

    serve(app)
