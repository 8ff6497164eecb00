"""Consistent "[persoon N]" per table without keeping names: keyed hashes and a number store.

A name form ("sandra vanhoutte", "sandra") is normalised and turned into an HMAC-SHA256 hex
digest with the table's secret key; only digests reach the store. When the table closes and its
key is destroyed, the digests can no longer be linked to anybody.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class PseudonymStore(Protocol):
    """Where a table keeps digest -> number; the store decides the numbering.

    A store may also offer `peek_next() -> int` (the number `assign` would hand out next) so
    that a preview can show the number a new person would get.
    """

    def number_for(self, digest: str) -> int | None:
        """The number bound to this digest, if any."""
        ...

    def assign(self, digests: Sequence[str]) -> int:
        """Allocate the next free number, bind every digest to it and return it."""
        ...


class MemoryPseudonymStore:
    """A store in process memory: for tests, the CLI and one-off scrubs."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._next = 1

    def number_for(self, digest: str) -> int | None:
        return self._numbers.get(digest)

    def assign(self, digests: Sequence[str]) -> int:
        n = self._next
        self._next += 1
        for d in digests:
            self._numbers.setdefault(d, n)
        return n

    def peek_next(self) -> int:
        return self._next

    def __len__(self) -> int:
        return self._next - 1


class _OverlayStore:
    """Reads through to a base store; new assignments stay in this overlay only (preview)."""

    def __init__(self, base: PseudonymStore) -> None:
        self._base = base
        self._own: dict[str, int] = {}
        self._seen_max = 0
        self._count = 0

    def number_for(self, digest: str) -> int | None:
        n = self._own.get(digest)
        if n is None:
            n = self._base.number_for(digest)
            if n is not None:
                self._seen_max = max(self._seen_max, n)
        return n

    def assign(self, digests: Sequence[str]) -> int:
        peek = getattr(self._base, "peek_next", None)
        first = peek() if callable(peek) else self._seen_max + 1
        n = max(first, self._seen_max + 1) + self._count
        self._count += 1
        for d in digests:
            self._own.setdefault(d, n)
        return n


def normalize(form: str) -> str:
    """Casefold, drop accents and collapse spaces: "Yılmaz" and "yilmaz" are one person."""
    if form.isascii():
        return " ".join(form.lower().replace("’", "'").split())
    decomposed = unicodedata.normalize("NFKD", form.replace("ı", "i").casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").split())


def _keyed_pads(key: bytes) -> tuple[Any, Any]:
    """SHA-256 states after the inner and outer HMAC pads (RFC 2104) of `key`.

    Copying these two states per digest is HMAC-SHA256 without building an `hmac.HMAC` object
    (which is Python code) for every name form.
    """
    block = hashlib.sha256().block_size
    if len(key) > block:
        key = hashlib.sha256(key).digest()
    key = key.ljust(block, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in key))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in key))
    return inner, outer


class Pseudonymizer:
    """Turns a person's name words into a number, consistently within one table."""

    def __init__(
        self, key: bytes, store: PseudonymStore, *, _pads: tuple[Any, Any] | None = None
    ) -> None:
        if len(key) < 16:
            raise ValueError("pseudonym key must be at least 16 bytes")
        self._key = key
        # the keyed pads are computed once per table key and shared with for_one_call()
        self._pads = _pads or _keyed_pads(key)
        self.store = store

    def digest(self, form: str) -> str:
        """HMAC-SHA256 hex digest of a normalised name form under the table key."""
        inner, outer = self._pads
        h = inner.copy()
        h.update(normalize(form).encode("utf-8"))
        o = outer.copy()
        o.update(h.digest())
        return o.hexdigest()

    def knows(self, form: str) -> bool:
        """True when this name form was already seen in the table."""
        return self.store.number_for(self.digest(form)) is not None

    def number_for(self, words: Sequence[str]) -> int:
        """Number of the person named by `words` ("sandra", "vanhoutte"), assigning one if new.

        A full name matches its own earlier full form, or an earlier first name alone when its
        family name is new ("Sandra" then "Sandra Vanhoutte"); a lone word matches any earlier
        form it was bound to ("Vanhoutte" after "Sandra Vanhoutte"). Family names shared by
        relatives are not used to merge two full names.
        """
        words = [w for w in (normalize(x) for x in words) if w]
        if not words:
            raise ValueError("empty name")
        full = self.digest(" ".join(words))
        n = self.store.number_for(full)
        if n is not None:
            return n
        if len(words) == 1:
            return self.store.assign([full])
        first, rest = self.digest(words[0]), self.digest(" ".join(words[1:]))
        n_first, n_rest = self.store.number_for(first), self.store.number_for(rest)
        if n_first is not None and n_rest is None:
            return n_first
        return self.store.assign(
            [d for d, k in ((full, None), (first, n_first), (rest, n_rest)) if k is None]
        )

    def for_one_call(self) -> Pseudonymizer:
        """The same table with digests memoised for one scrub call, then dropped with it."""
        return _Memoised(self._key, self.store, _pads=self._pads)

    def preview(self) -> Pseudonymizer:
        """A Pseudonymizer on the same key whose new names are not bound in the real store."""
        return Pseudonymizer(self._key, _OverlayStore(self.store), _pads=self._pads)


class _Memoised(Pseudonymizer):
    """Computes each form's digest once; lives only as long as one scrub call."""

    def __init__(
        self, key: bytes, store: PseudonymStore, *, _pads: tuple[Any, Any] | None = None
    ) -> None:
        super().__init__(key, store, _pads=_pads)
        self._seen: dict[str, str] = {}
        self._known: dict[str, bool] = {}

    def knows(self, form: str) -> bool:
        k = self._known.get(form)
        if k is None:
            k = self._known[form] = super().knows(form)
        return k

    def number_for(self, words: Sequence[str]) -> int:
        self._known.clear()  # a new binding may make a word known
        return super().number_for(words)

    def digest(self, form: str) -> str:
        d = self._seen.get(form)
        if d is None:
            d = self._seen[form] = super().digest(form)
        return d
