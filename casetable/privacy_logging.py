"""A logging filter that keeps text bodies out of every log line and traceback.

Our own code never logs a text; this is the second line of defence for libraries and exceptions
(DESIGN.md section 2): messages and tracebacks pass through the scrubber and are shortened.
"""

from __future__ import annotations

import logging
import traceback

MAX_MESSAGE = 500
# Loggers that never see user text and whose lines read better unscrubbed (migration names,
# our own audit lines of ids and actions).
TRUSTED_LOGGERS = ("alembic.", "casetable.audit")


class ScrubLogFilter(logging.Filter):
    """Replace the message and exception text of each record by a scrubbed, shortened copy."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith(TRUSTED_LOGGERS) and not record.exc_info:
            return True
        from casetable.scrub import get_scrubber

        scrub = get_scrubber().scrub
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not take the log line with it
            message = str(record.msg)
        record.msg = scrub(message[:MAX_MESSAGE]).text
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, exc, tb = record.exc_info
            # Keep the shape of the traceback (files, lines, type) but not the exception's text,
            # which may quote the input that caused it.
            frames = scrub("".join(traceback.format_tb(tb))[-8000:]).text
            record.exc_text = f"Traceback (most recent call last):\n{frames}{exc_type.__name__}"
            if exc is not None and getattr(exc, "code", None):
                record.exc_text += f" ({getattr(exc, 'code', '')})"
            record.exc_info = None
        if record.stack_info:
            record.stack_info = None
        return True


def install(level: int = logging.INFO) -> None:
    """Attach the filter to every handler of the root logger (and create one if there is none)."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    for handler in root.handlers:
        if not any(isinstance(f, ScrubLogFilter) for f in handler.filters):
            handler.addFilter(ScrubLogFilter())
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    for noisy in ("engineio", "socketio", "engineio.server", "socketio.server"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
