"""The scrub choke point: every untrusted text enters the domain through `scrub_text`.

It validates and normalises the text, then runs the scrubber with the table's pseudonyms, and
returns the ScrubbedText that is both stored and broadcast (DESIGN.md section 2).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Sequence

from flask import current_app
from sqlalchemy import func, select, update

from casetable.extensions import db
from casetable.models import CaseTable, Pseudonym
from casetable.scrub import ScrubbedText, get_scrubber
from casetable.scrub.pseudonyms import MemoryPseudonymStore, Pseudonymizer
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
    return Pseudonymizer(key, DbPseudonymStore(table.id))


class DbPseudonymStore:
    """Pseudonym numbers per table in the database, shared by every worker of a deployment."""

    def __init__(self, table_id: int) -> None:
        self.table_id = table_id

    def number_for(self, digest: str) -> int | None:
        return db.session.scalar(
            select(Pseudonym.number).where(
                Pseudonym.table_id == self.table_id, Pseudonym.digest == digest
            )
        )

    def peek_next(self) -> int:
        """The number the next new person would get (for previews, which assign nothing)."""
        return int(
            db.session.scalar(select(CaseTable.next_person).where(CaseTable.id == self.table_id))
            or 1
        )

    def assign(self, digests: Sequence[str]) -> int:
        # An atomic increment on the table row: two workers never hand out the same number.
        number = (
            db.session.execute(
                update(CaseTable)
                .where(CaseTable.id == self.table_id)
                .values(next_person=CaseTable.next_person + 1)
                .returning(CaseTable.next_person)
            ).scalar_one()
            - 1
        )
        for digest in dict.fromkeys(digests):
            if self.number_for(digest) is None:
                db.session.add(Pseudonym(table_id=self.table_id, digest=digest, number=number))
        db.session.flush()
        return number


def destroy_pseudonyms(table: CaseTable) -> int:
    """Forget the table's salt and every keyed hash; returns how many were removed."""
    count = db.session.scalar(
        select(func.count()).select_from(Pseudonym).where(Pseudonym.table_id == table.id)
    )
    db.session.query(Pseudonym).filter(Pseudonym.table_id == table.id).delete()
    table.pseudonym_salt = None
    return int(count or 0)
