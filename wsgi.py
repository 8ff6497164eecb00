"""Entry point: `python wsgi.py` (make run) or `gunicorn -k eventlet -w 1 wsgi:app`.

This is the only place that knows about eventlet or gevent: the rest of the app runs unchanged
in threading mode (tests) too.
"""

import os

MODE = os.environ.get("SOCKETIO_ASYNC_MODE", "eventlet")
if MODE == "eventlet":
    import warnings

    # eventlet announces its bug-fix-only status on import; DESIGN.md section 4 knows.
    warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)
    import eventlet

    eventlet.monkey_patch()
elif MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()

from casetable import create_app  # noqa: E402

app = create_app()

if __name__ == "__main__":
    from casetable.commands import serve

    serve(app)
