"""The scrub choke point: every untrusted text enters the domain through `scrub_text`.

It validates and normalises the text, then runs the scrubber with the table's pseudonyms, and
returns the ScrubbedText that is both stored and broadcast (DESIGN.md section 2).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence

from flask import current_app
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from casetable.extensions import db
from casetable.models import CaseTable, Pseudonym
from casetable.scrub import ScrubbedText, get_scrubber
from casetable.scrub.pseudonyms import MemoryPseudonymStore, Pseudonymizer
from casetable.services import counters
from casetable.services.errors import DomainError

# Control characters, zero-width and bidirectional formatting characters: they can split a name
# so the scrubber misses it ("Sa\u200bndra") or reorder what a reader sees.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def clean_text(raw: object, *, limit: int, required: bool = True) -> str:
    """Validate a raw text field: a string, valid Unicode, not empty, not too long."""
    if raw is None and not required:
        return ""
    if not isinstance(raw, str):
        raise DomainError("invalid")
    if len(raw) > limit * 4:  # refuse huge payloads before doing any work on them
        raise DomainError("text_too_long", limit=limit)
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from a hostile JSON payload
        raise DomainError("invalid") from None
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", raw))
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if required and not text:
        raise DomainError("text_required")
    if len(text) > limit:
        raise DomainError("text_too_long", limit=limit)
    return text


def scrub_text(
    raw: object,
    *,
    table: CaseTable | None,
    limit: int | None = None,
    required: bool = True,
    preview: bool = False,
) -> ScrubbedText:
    """Clean and scrub one untrusted text; the only way text reaches a model or a broadcast."""
    text = clean_text(raw, limit=limit or current_app.config["MAX_TEXT_LENGTH"], required=required)
    if not text:
        return ScrubbedText("")
    pseudonyms = pseudonymizer_for(table)
    if preview:
        pseudonyms = pseudonyms.preview()
    return get_scrubber().scrub(text, pseudonyms=pseudonyms)


def pseudonymizer_for(table: CaseTable | None) -> Pseudonymizer:
    """The table's pseudonymizer: HMAC key derived from the app secret and the table's salt.

    The key is never stored; the salt is destroyed when the table closes, and with it any way to
    link a name to its number.
    """
    if table is None or table.pseudonym_salt is None:
        return Pseudonymizer(os.urandom(32), MemoryPseudonymStore())
    secret = str(current_app.config["SECRET_KEY"]).encode()
    key = hmac.new(secret, b"pseudonyms:" + table.pseudonym_salt, hashlib.sha256).digest()
    return Pseudonymizer(key, DbPseudonymStore(table))


class _Known:
    """This process's copy of one table's digest -> number map, complete up to `version`.

    Every new binding goes through `assign`, which raises the table's `next_person` in the same
    transaction, so a map loaded when `next_person` was V holds every binding below V. A copy
    whose version equals the `next_person` of the table row this event loaded answers both "known"
    and "not known" without a query; otherwise it is reloaded. Only keyed hashes are kept, as in
    the database, and only for tables whose salt still exists.
    """

    __slots__ = ("numbers", "used", "version")

    def __init__(self, version: int, numbers: dict[str, int]) -> None:
        self.version = version
        self.numbers = numbers
        self.used = time.monotonic()


_KNOWN: OrderedDict[tuple[int, bytes], _Known] = OrderedDict()
_KNOWN_LOCK = threading.Lock()
_KNOWN_MAX_TABLES = 2000
_KNOWN_IDLE_SECONDS = 3 * 3600  # a table quiet this long is dropped from memory
_PENDING = "casetable.pseudonyms.pending"  # Session.info key: bindings not yet committed


def _known(key: tuple[int, bytes]) -> _Known | None:
    with _KNOWN_LOCK:
        entry = _KNOWN.get(key)
        if entry is not None:
            entry.used = time.monotonic()
            _KNOWN.move_to_end(key)
        return entry


def _remember(key: tuple[int, bytes], entry: _Known) -> None:
    with _KNOWN_LOCK:
        _KNOWN[key] = entry
        _KNOWN.move_to_end(key)
        cutoff = time.monotonic() - _KNOWN_IDLE_SECONDS
        while _KNOWN and (
            len(_KNOWN) > _KNOWN_MAX_TABLES or next(iter(_KNOWN.values())).used < cutoff
        ):
            _KNOWN.popitem(last=False)


def forget_known(table_id: int) -> None:
    """Drop this process's copy of a table's map (the table closed or was purged)."""
    with _KNOWN_LOCK:
        for key in [k for k in _KNOWN if k[0] == table_id]:
            del _KNOWN[key]


@event.listens_for(Session, "after_commit")
def _publish_pending(session: Session) -> None:
    """Bindings become part of the process copy only once they are committed."""
    pending: dict[tuple[int, bytes], dict[str, int]] = session.info.pop(_PENDING, {})
    for key, bound in pending.items():
        entry = _known(key)
        if entry is None:
            continue
        entry.numbers.update(bound)
        for number in sorted(set(bound.values())):
            if number == entry.version:  # contiguous: the copy is still complete
                entry.version += 1


@event.listens_for(Session, "after_rollback")
def _drop_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


class DbPseudonymStore:
    """Pseudonym numbers per table in the database, shared by every worker of a deployment.

    Lookups are answered from the process copy (_Known) when it is current: a contribution
    checks several candidate names, and a query per candidate was a large part of a post's cost
    (benchmarks/post_path.py).
    """

    def __init__(self, table: CaseTable) -> None:
        assert table.pseudonym_salt is not None
        self.table_id = table.id
        self.key = (table.id, bytes(table.pseudonym_salt))
        self.version = table.next_person

    def _pending(self) -> dict[str, int]:
        return db.session.info.setdefault(_PENDING, {}).setdefault(self.key, {})

    def _current(self) -> _Known:
        entry = _known(self.key)
        if entry is None or entry.version != self.version:
            rows = db.session.execute(
                select(Pseudonym.digest, Pseudonym.number).where(
                    Pseudonym.table_id == self.table_id
                )
            ).all()
            committed = {d: n for d, n in rows if d not in self._pending()}
            entry = _Known(self.version, committed)
            _remember(self.key, entry)
        return entry

    def number_for(self, digest: str) -> int | None:
        own = self._pending().get(digest)
        return own if own is not None else self._current().numbers.get(digest)

    def peek_next(self) -> int:
        """The number the next new person would get (for previews, which assign nothing)."""
        return self.version + len(set(self._pending().values()))

    def assign(self, digests: Sequence[str]) -> int:
        # An atomic increment on the table row: two workers never hand out the same number.
        number = counters.take(self.table_id, "next_person") - 1
        fresh = list(dict.fromkeys(digests))
        if number != self.peek_next():
            # Another worker bound someone since this event loaded the table: one of these
            # digests may be bound now. Bind the rest to that number (this one stays unused).
            bound = dict(
                db.session.execute(
                    select(Pseudonym.digest, Pseudonym.number).where(
                        Pseudonym.table_id == self.table_id, Pseudonym.digest.in_(fresh)
                    )
                ).all()
            )
            if bound:
                number = next(iter(bound.values()))
                fresh = [d for d in fresh if d not in bound]
        pending = self._pending()
        for digest in fresh:
            db.session.add(Pseudonym(table_id=self.table_id, digest=digest, number=number))
            pending[digest] = number
        db.session.flush()
        return number


def destroy_pseudonyms(table: CaseTable) -> int:
    """Forget the table's salt and every keyed hash; returns how many were removed."""
    count = db.session.scalar(
        select(func.count()).select_from(Pseudonym).where(Pseudonym.table_id == table.id)
    )
    db.session.query(Pseudonym).filter(Pseudonym.table_id == table.id).delete()
    table.pseudonym_salt = None
    forget_known(table.id)
    return int(count or 0)
