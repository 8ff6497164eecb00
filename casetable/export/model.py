"""Frozen summary models: one value per closed table (and per overview) that every renderer reads.

The app builds them from stored, already scrubbed data; nothing here touches a database, so a
stored summary can be rendered again byte for byte after the contributions are purged.
Count mappings are kept as tuples of (label, count) pairs in a canonical order, so the values are
hashable, compare equal after a JSON round trip, and render in the same order every time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
# "antwoord" and "reflectie" are the case bringer's answers and closing reflection.
CONTRIBUTION_KINDS: tuple[str, ...] = ("vraag", "antwoord", "analyse", "advies", "hulpbron",
                                       "signaal", "reflectie")
NOTE_KINDS: tuple[str, ...] = ("leerpunt", "signaal_beleid", "goede_praktijk", "afspraak")
LEVELS: tuple[str, ...] = ("eigen_organisatie", "lokaal_bestuur", "vlaams", "federaal")
URGENCIES: tuple[str, ...] = ("laag", "normaal", "hoog")
SUPPRESSED = "<5"  # what the caller puts instead of a count below five

Count = int | str  # an int, or SUPPRESSED after small-number suppression
Pairs = tuple[tuple[str, Count], ...]


def _set(obj: object, name: str, value: object) -> None:
    """Assign inside __post_init__ of a frozen dataclass (normalising the caller's input)."""
    object.__setattr__(obj, name, value)


def _check(value: str | None, allowed: tuple[str, ...], what: str) -> None:
    """Reject unknown codes early: a typo would otherwise vanish from every export."""
    if value is not None and value not in allowed:
        raise ValueError(f"unknown {what}: {value!r} (expected one of {', '.join(allowed)})")


def count_sort_key(pair: tuple[str, Count]) -> tuple[int, int, str, str]:
    """Largest counts first, suppressed ones after every number, then by label."""
    label, value = pair
    if isinstance(value, str):
        return (1, 0, label.casefold(), label)
    return (0, -value, label.casefold(), label)


def to_pairs(value: Mapping[str, Count] | Iterable[tuple[str, Count]], *, allow_suppressed: bool,
             order: tuple[str, ...] | None = None) -> Pairs:
    """Normalise a mapping or pairs to canonical pairs; rejects duplicates and bad counts."""
    items = list(value.items() if isinstance(value, Mapping) else value)
    labels = [str(label) for label, _ in items]
    if len(set(labels)) != len(labels):
        raise ValueError("duplicate label in counts")
    pairs: list[tuple[str, Count]] = []
    for label, count in items:
        if isinstance(count, bool) or not (
            (isinstance(count, int) and count >= 0) or (allow_suppressed and count == SUPPRESSED)
        ):
            raise ValueError(f"bad count for {label!r}: {count!r}")
        pairs.append((str(label), count))
    if order is not None:
        rank = {code: i for i, code in enumerate(order)}
        return tuple(sorted(pairs, key=lambda p: (rank.get(p[0], len(rank)), p[0])))
    return tuple(sorted(pairs, key=count_sort_key))


@dataclass(frozen=True, slots=True)
class Tags:
    """Catalogue labels a note (or signal) is tagged with."""

    themes: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("themes", "doelgroepen", "rights"):
            _set(self, name, tuple(getattr(self, name)))

    def to_dict(self) -> dict[str, Any]:
        return {"themes": list(self.themes), "doelgroepen": list(self.doelgroepen),
                "rights": list(self.rights)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Tags:
        return cls(tuple(d.get("themes", ())), tuple(d.get("doelgroepen", ())),
                   tuple(d.get("rights", ())))


@dataclass(frozen=True, slots=True)
class Contribution:
    """One scrubbed contribution; author is an alias like "CAW 2", never a person."""

    kind: str
    text: str
    author: str | None = None
    votes: int = 0
    referral: str | None = None

    def __post_init__(self) -> None:
        _check(self.kind, CONTRIBUTION_KINDS, "contribution kind")

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "author": self.author,
                "votes": self.votes, "referral": self.referral}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Contribution:
        return cls(d["kind"], d["text"], d.get("author"), int(d.get("votes", 0)),
                   d.get("referral"))


@dataclass(frozen=True, slots=True)
class Phase:
    """A method phase as it ran: planned minutes, real duration, its contributions in order."""

    name: str
    planned_minutes: int | None = None
    actual_seconds: int | None = None
    contributions: tuple[Contribution, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "contributions", tuple(self.contributions))

    def by_kind(self) -> list[tuple[str, tuple[Contribution, ...]]]:
        """Contributions grouped by kind in CONTRIBUTION_KINDS order, empty kinds left out."""
        groups = [(k, tuple(c for c in self.contributions if c.kind == k))
                  for k in CONTRIBUTION_KINDS]
        return [(k, items) for k, items in groups if items]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "planned_minutes": self.planned_minutes,
                "actual_seconds": self.actual_seconds,
                "contributions": [c.to_dict() for c in self.contributions]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Phase:
        return cls(d["name"], d.get("planned_minutes"), d.get("actual_seconds"),
                   tuple(Contribution.from_dict(c) for c in d.get("contributions", ())))


@dataclass(frozen=True, slots=True)
class Advice:
    """One advice with its votes; approved says the case bringer accepted it."""

    text: str
    votes: int = 0
    referral: str | None = None
    approved: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "votes": self.votes, "referral": self.referral,
                "approved": self.approved}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Advice:
        return cls(d["text"], int(d.get("votes", 0)), d.get("referral"),
                   bool(d.get("approved", False)))


@dataclass(frozen=True, slots=True)
class Note:
    """A learning note; level and urgency matter for kind "signaal_beleid" only."""

    kind: str
    text: str
    tags: Tags = field(default_factory=Tags)
    level: str | None = None
    urgency: str | None = None

    def __post_init__(self) -> None:
        _check(self.kind, NOTE_KINDS, "note kind")
        _check(self.level, LEVELS, "signal level")
        _check(self.urgency, URGENCIES, "urgency")

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "tags": self.tags.to_dict(),
                "level": self.level, "urgency": self.urgency}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Note:
        return cls(d["kind"], d["text"], Tags.from_dict(d.get("tags", {})), d.get("level"),
                   d.get("urgency"))


@dataclass(frozen=True, slots=True)
class Counts:
    """Headline numbers of a table; by_kind holds (kind, count) in CONTRIBUTION_KINDS order."""

    participants: int
    contributions: int
    by_kind: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        _set(self, "by_kind", to_pairs(self.by_kind, allow_suppressed=False,
                                       order=CONTRIBUTION_KINDS))

    def to_dict(self) -> dict[str, Any]:
        return {"participants": self.participants, "contributions": self.contributions,
                "by_kind": dict(self.by_kind)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Counts:
        return cls(int(d["participants"]), int(d["contributions"]), d.get("by_kind", {}))


def _dt_to_str(value: dt.datetime) -> str:
    return value.isoformat()


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything a closed table's report shows; advice is kept ranked by votes (stable)."""

    title: str
    date: dt.date
    network: str
    province: str | None
    method: str
    services: tuple[tuple[str, int], ...]
    counts: Counts
    vignette: str
    question: str
    phases: tuple[Phase, ...]
    advice: tuple[Advice, ...]
    rights: tuple[str, ...]
    notes: tuple[Note, ...]
    generated_at: dt.datetime
    language: str = "nl"

    def __post_init__(self) -> None:
        _set(self, "services", to_pairs(self.services, allow_suppressed=False))
        _set(self, "phases", tuple(self.phases))
        _set(self, "advice", tuple(sorted(self.advice, key=lambda a: -a.votes)))
        _set(self, "rights", tuple(self.rights))
        _set(self, "notes", tuple(self.notes))

    def notes_of(self, kind: str) -> tuple[Note, ...]:
        """Notes of one kind, in their stored order."""
        return tuple(n for n in self.notes if n.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict; from_dict(to_dict()) gives an equal Summary."""
        return {
            "schema": SCHEMA_VERSION, "title": self.title, "date": self.date.isoformat(),
            "network": self.network, "province": self.province, "method": self.method,
            "language": self.language, "services": dict(self.services),
            "counts": self.counts.to_dict(), "vignette": self.vignette,
            "question": self.question, "phases": [p.to_dict() for p in self.phases],
            "advice": [a.to_dict() for a in self.advice], "rights": list(self.rights),
            "notes": [n.to_dict() for n in self.notes],
            "generated_at": _dt_to_str(self.generated_at),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Summary:
        """Rebuild from to_dict() output (e.g. a stored frozen summary)."""
        if d.get("schema", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise ValueError(f"unsupported summary schema {d.get('schema')!r}")
        return cls(
            title=d["title"], date=dt.date.fromisoformat(d["date"]), network=d["network"],
            province=d.get("province"), method=d["method"], services=d.get("services", {}),
            counts=Counts.from_dict(d["counts"]), vignette=d.get("vignette", ""),
            question=d.get("question", ""),
            phases=tuple(Phase.from_dict(p) for p in d.get("phases", ())),
            advice=tuple(Advice.from_dict(a) for a in d.get("advice", ())),
            rights=tuple(d.get("rights", ())),
            notes=tuple(Note.from_dict(n) for n in d.get("notes", ())),
            generated_at=dt.datetime.fromisoformat(d["generated_at"]),
            language=d.get("language", "nl"),
        )


# --- coordinator's overview / signaalnota --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Referral:
    """Referrals to one service from tables in one province (count may be SUPPRESSED)."""

    province: str
    service: str
    count: Count

    def __post_init__(self) -> None:
        to_pairs([(self.service, self.count)], allow_suppressed=True)  # validates the count

    def to_dict(self) -> dict[str, Any]:
        return {"province": self.province, "service": self.service, "count": self.count}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Referral:
        return cls(d["province"], d["service"], d["count"])


@dataclass(frozen=True, slots=True)
class Signal:
    """A signal or learning note in the overview, with the table it came from."""

    text: str
    kind: str
    table_title: str
    table_date: dt.date
    tags: Tags = field(default_factory=Tags)
    level: str | None = None
    urgency: str | None = None

    def __post_init__(self) -> None:
        _check(self.kind, NOTE_KINDS, "note kind")
        _check(self.level, LEVELS, "signal level")
        _check(self.urgency, URGENCIES, "urgency")

    @classmethod
    def from_note(cls, note: Note, summary: Summary) -> Signal:
        """Lift a table's note into the overview (used for one table's CSV export too)."""
        return cls(note.text, note.kind, summary.title, summary.date, note.tags, note.level,
                   note.urgency)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "table_title": self.table_title,
                "table_date": self.table_date.isoformat(), "tags": self.tags.to_dict(),
                "level": self.level, "urgency": self.urgency}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Signal:
        return cls(d["text"], d["kind"], d["table_title"],
                   dt.date.fromisoformat(d["table_date"]), Tags.from_dict(d.get("tags", {})),
                   d.get("level"), d.get("urgency"))


@dataclass(frozen=True, slots=True)
class Recurring:
    """A theme, doelgroep or right that came back; periods are labels like "2026-Q3"."""

    label: str
    category: str  # "theme", "doelgroep" or "right"
    periods: tuple[str, ...]

    def __post_init__(self) -> None:
        _check(self.category, ("theme", "doelgroep", "right"), "recurring category")
        _set(self, "periods", tuple(self.periods))

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "category": self.category, "periods": list(self.periods)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Recurring:
        return cls(d["label"], d["category"], tuple(d.get("periods", ())))


@dataclass(frozen=True, slots=True)
class Overview:
    """What a coordinator sees for networks and a period; counts are already suppressed."""

    networks: tuple[str, ...]
    period_start: dt.date
    period_end: dt.date
    tables: Count
    services: Pairs
    themes: Pairs
    doelgroepen: Pairs
    rights: Pairs
    referrals: tuple[Referral, ...]
    signals: tuple[Signal, ...]
    recurring: tuple[Recurring, ...]
    generated_at: dt.datetime
    language: str = "nl"

    def __post_init__(self) -> None:
        _set(self, "networks", tuple(self.networks))
        to_pairs([("tables", self.tables)], allow_suppressed=True)  # validates the count
        for name in ("services", "themes", "doelgroepen", "rights"):
            _set(self, name, to_pairs(getattr(self, name), allow_suppressed=True))
        _set(self, "referrals", tuple(sorted(
            self.referrals, key=lambda r: (r.province.casefold(), r.province,
                                           *count_sort_key((r.service, r.count))))))
        _set(self, "signals", tuple(self.signals))
        _set(self, "recurring", tuple(self.recurring))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict; from_dict(to_dict()) gives an equal Overview."""
        return {
            "schema": SCHEMA_VERSION, "networks": list(self.networks),
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(), "tables": self.tables,
            "services": dict(self.services), "themes": dict(self.themes),
            "doelgroepen": dict(self.doelgroepen), "rights": dict(self.rights),
            "referrals": [r.to_dict() for r in self.referrals],
            "signals": [s.to_dict() for s in self.signals],
            "recurring": [r.to_dict() for r in self.recurring],
            "generated_at": _dt_to_str(self.generated_at), "language": self.language,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Overview:
        """Rebuild from to_dict() output."""
        if d.get("schema", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise ValueError(f"unsupported overview schema {d.get('schema')!r}")
        return cls(
            networks=tuple(d["networks"]),
            period_start=dt.date.fromisoformat(d["period_start"]),
            period_end=dt.date.fromisoformat(d["period_end"]),
            tables=d["tables"] if d["tables"] == SUPPRESSED else int(d["tables"]),
            services=d.get("services", {}), themes=d.get("themes", {}),
            doelgroepen=d.get("doelgroepen", {}), rights=d.get("rights", {}),
            referrals=tuple(Referral.from_dict(r) for r in d.get("referrals", ())),
            signals=tuple(Signal.from_dict(s) for s in d.get("signals", ())),
            recurring=tuple(Recurring.from_dict(r) for r in d.get("recurring", ())),
            generated_at=dt.datetime.fromisoformat(d["generated_at"]),
            language=d.get("language", "nl"),
        )
