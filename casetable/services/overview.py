"""The coordinator's overview: counts over closed tables of a network and period, suppressed.

Every count that crosses tables passes `suppress`: 1 to 4 becomes "<5", so narrowing the period
or picking one theme never shows that one, two, three or four tables (families) had something.
Counts are numbers of tables (a theme that came up twice at one table counts once). Themes,
doelgroepen and rights come from the learning notes a summary keeps (and the rights ticked at the
table); referrals from advice with a referral service (from the frozen summary after the purge).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import defer

from casetable import seed_data
from casetable.export import model as ex
from casetable.export.charts import render_bar_chart_svg, render_overview_charts
from casetable.export.csv import render_signals_csv
from casetable.export.docx import render_signaalnota_docx
from casetable.export.json import render_overview_json
from casetable.export.labels import t
from casetable.export.markdown import render_signaalnota_markdown
from casetable.export.pdf import render_signaalnota_pdf
from casetable.extensions import db
from casetable.models import CaseTable, Contribution, Network, Note, Participant, Role, User, utcnow
from casetable.services import audit
from casetable.services.errors import DomainError
from casetable.services.summaries import (
    SUMMARY_STATUSES,
    Export,
    catalogue_labels,
    export_note,
    frozen_referrals,
    select_notes,
)

THRESHOLD = 5
DEFAULT_DAYS = 365
MAX_DAYS = 20 * 366
CHARTS = ("services", "themes", "doelgroepen", "rights")


def suppress(count: int, threshold: int = THRESHOLD) -> ex.Count:
    """A count of 1 up to threshold-1 becomes "<5"; 0 and larger counts are shown as they are.

    >>> [suppress(n) for n in (0, 1, 4, 5, 12)]
    [0, '<5', '<5', 5, 12]
    """
    return ex.SUPPRESSED if 0 < count < threshold else count


def suppress_counts(counts: Mapping[str, int], threshold: int = THRESHOLD) -> dict[str, ex.Count]:
    """Every non-zero count of a label -> count mapping, suppressed."""
    return {label: suppress(n, threshold) for label, n in counts.items() if n > 0}


def quarter(day: dt.date) -> str:
    """'2026-Q4' for 23 November 2026."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def month(day: dt.date) -> str:
    """'2026-11' for 23 November 2026."""
    return f"{day.year}-{day.month:02d}"


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class OverviewQuery:
    """What the coordinator asked for: a period, one network or all, and signal filters."""

    start: dt.date
    end: dt.date
    network_id: int | None = None
    theme: str | None = None
    level: str | None = None
    urgency: str | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str], today: dt.date) -> OverviewQuery:
        """Read the form's query string; bad or missing values fall back to the defaults."""
        end = _date(args.get("tot")) or today
        start = _date(args.get("van")) or end - dt.timedelta(days=DEFAULT_DAYS)
        if start > end:
            start, end = end, start
        start = max(start, end - dt.timedelta(days=MAX_DAYS))
        network = args.get("netwerk") or ""
        level, urgency = args.get("niveau") or None, args.get("urgentie") or None
        return cls(
            start=start, end=end,
            network_id=int(network) if network.isdigit() else None,
            theme=(args.get("thema") or None),
            level=level if level in seed_data.SIGNAL_LEVELS else None,
            urgency=urgency if urgency in seed_data.URGENCIES else None,
        )

    def to_args(self) -> dict[str, str]:
        """The query string that gives this query back (for export and chart links)."""
        args = {"van": self.start.isoformat(), "tot": self.end.isoformat()}
        for key, value in (("netwerk", self.network_id), ("thema", self.theme),
                           ("niveau", self.level), ("urgentie", self.urgency)):
            if value is not None:
                args[key] = str(value)
        return args


@dataclass
class _Signal:
    """A signal to policy with the slugs it is filtered on."""

    signal: ex.Signal
    themes: frozenset[str]
    level: str | None
    urgency: str | None
    public_id: str


@dataclass
class _TableFacts:
    """What one table contributes to the overview, as catalogue labels."""

    public_id: str
    province: str
    theme_slugs: set[str] = field(default_factory=set)
    services: set[str] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)
    doelgroepen: set[str] = field(default_factory=set)
    rights: set[str] = field(default_factory=set)
    referrals: set[str] = field(default_factory=set)
    signals: list[_Signal] = field(default_factory=list)


@dataclass(frozen=True)
class OverviewResult:
    """The overview plus what only the page shows (tables per province, links to tables)."""

    overview: ex.Overview
    provinces: tuple[tuple[str, ex.Count], ...]
    signal_tables: tuple[str, ...]  # public id of each signal's table, in overview.signals order
    networks: tuple[Network, ...]


def allowed_networks(user: User) -> list[Network]:
    """Networks whose aggregates this user may see: all for an admin, their own otherwise."""
    if user.role == Role.ADMIN:
        return list(db.session.scalars(select(Network).order_by(Network.province, Network.name)))
    if user.role == Role.COORDINATOR:
        return sorted(user.networks, key=lambda n: (n.province, n.name))
    raise DomainError("forbidden")


def scoped_networks(user: User, query: OverviewQuery) -> list[Network]:
    """The networks of this query; a network the user may not see is not found."""
    allowed = allowed_networks(user)
    if query.network_id is None:
        return allowed
    chosen = [n for n in allowed if n.id == query.network_id]
    if not chosen:
        raise DomainError("not_found")
    return chosen


def _labels(slugs: Iterable[str], labels: Mapping[str, str]) -> set[str]:
    return {labels.get(s, s) for s in slugs}


def _collect(network_ids: list[int], query: OverviewQuery, lang: str) -> list[_TableFacts]:
    """Read the tables of the period and what came up at each, in a handful of queries."""
    labels = catalogue_labels(lang)
    services, rights = labels.get("service", {}), labels.get("right", {})
    start = dt.datetime.combine(query.start, dt.time(), tzinfo=dt.UTC)
    end = dt.datetime.combine(query.end + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    scope = select(CaseTable.id).where(
        CaseTable.network_id.in_(network_ids or [-1]), CaseTable.status.in_(SUMMARY_STATUSES),
        CaseTable.scheduled_for >= start, CaseTable.scheduled_for < end)
    rows = db.session.execute(
        select(CaseTable.id, CaseTable.public_id, CaseTable.title, CaseTable.scheduled_for,
               CaseTable.rights_checked, CaseTable.purged_at, Network.province)
        .join(Network, Network.id == CaseTable.network_id)
        .where(CaseTable.id.in_(scope)).order_by(CaseTable.scheduled_for, CaseTable.id)).all()
    facts: dict[int, _TableFacts] = {}
    info: dict[int, tuple[str, dt.date]] = {}
    purged = []
    for table_id, public_id, title, when, checked, purged_at, province in rows:
        facts[table_id] = _TableFacts(public_id, province, rights=_labels(checked or (), rights))
        info[table_id] = (title.text, when.date())
        if purged_at is not None:
            purged.append(table_id)
    for start_at in range(0, len(purged), 500):  # the contributions are gone: read the summary
        for table_id, frozen in db.session.execute(
                select(CaseTable.id, CaseTable.summary_json)
                .where(CaseTable.id.in_(purged[start_at:start_at + 500]))):
            facts[table_id].referrals.update(frozen_referrals(frozen))
    for table_id, slug in db.session.execute(
            select(Participant.table_id, Participant.service_slug).distinct()
            .where(Participant.table_id.in_(scope), Participant.removed.is_(False))):
        facts[table_id].services.add(services.get(slug, slug))
    for table_id, slug in db.session.execute(
            select(Contribution.table_id, Contribution.referral_service).distinct().where(
                Contribution.table_id.in_(scope), Contribution.kind == "advies",
                Contribution.revealed.is_(True), Contribution.hidden.is_(False),
                Contribution.referral_service.is_not(None))):
        facts[table_id].referrals.add(services.get(slug, slug))
    by_table: dict[int, list[Note]] = defaultdict(list)
    for note in db.session.scalars(select(Note).where(Note.table_id.in_(scope)).order_by(Note.id)):
        by_table[note.table_id].append(note)
    for table_id, table_notes in by_table.items():
        f = facts[table_id]
        title, day = info[table_id]
        for note in select_notes(table_notes):
            exported = export_note(note, labels)
            f.theme_slugs.update(note.themes or ())
            f.themes.update(exported.tags.themes)
            f.doelgroepen.update(exported.tags.doelgroepen)
            f.rights.update(exported.tags.rights)
            if exported.kind == "signaal_beleid":
                signal = ex.Signal(exported.text, exported.kind, title, day, exported.tags,
                                   exported.level, exported.urgency)
                f.signals.append(_Signal(signal, frozenset(note.themes or ()), note.level,
                                         note.urgency, f.public_id))
    return list(facts.values())


def _counts(facts: list[_TableFacts], attr: str) -> dict[str, ex.Count]:
    return suppress_counts(Counter(label for f in facts for label in getattr(f, attr)))


def recurring(signals: Iterable[ex.Signal], start: dt.date, end: dt.date) -> list[ex.Recurring]:
    """Themes, doelgroepen and rights in signals of two or more periods (quarters; months when
    the range is a quarter or less)."""
    period = quarter if (end - start).days > 92 else month
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s in signals:
        for category, values in (("theme", s.tags.themes), ("doelgroep", s.tags.doelgroepen),
                                 ("right", s.tags.rights)):
            for label in values:
                seen[(category, label)].add(period(s.table_date))
    found = [ex.Recurring(label, category, tuple(sorted(periods)))
             for (category, label), periods in seen.items() if len(periods) >= 2]
    order = {"theme": 0, "right": 1, "doelgroep": 2}
    return sorted(found, key=lambda r: (-len(r.periods), order[r.category], r.label.casefold()))


def build_overview(user: User, query: OverviewQuery, lang: str = "nl") -> OverviewResult:
    """The overview of the user's networks (or one of them) for a period, counts suppressed."""
    networks = scoped_networks(user, query)
    facts = _collect([n.id for n in networks], query, lang)
    if query.theme:
        facts = [f for f in facts if query.theme in f.theme_slugs]
    rows = [s for f in facts for s in f.signals
            if (query.theme is None or query.theme in s.themes)
            and (query.level is None or s.level == query.level)
            and (query.urgency is None or s.urgency == query.urgency)]
    referrals = Counter((f.province, label) for f in facts for label in f.referrals)
    overview = ex.Overview(
        networks=tuple(n.name for n in networks),
        period_start=query.start, period_end=query.end, tables=suppress(len(facts)),
        services=_counts(facts, "services"), themes=_counts(facts, "themes"),
        doelgroepen=_counts(facts, "doelgroepen"), rights=_counts(facts, "rights"),
        referrals=tuple(ex.Referral(p, s, suppress(n)) for (p, s), n in referrals.items()),
        signals=tuple(r.signal for r in rows),
        recurring=tuple(recurring((r.signal for r in rows), query.start, query.end)),
        generated_at=utcnow().replace(microsecond=0), language=lang,
    )
    provinces = ex.to_pairs(suppress_counts(Counter(f.province for f in facts)),
                            allow_suppressed=True)
    return OverviewResult(overview, provinces, tuple(r.public_id for r in rows), tuple(networks))


def charts(overview: ex.Overview, lang: str = "nl") -> dict[str, str]:
    """The four bar charts as SVG text (our own markup; labels are escaped by the renderer)."""
    return render_overview_charts(overview, lang)


OVERVIEW_FORMATS: dict[str, tuple[str, str]] = {
    "md": ("signaalnota", "text/markdown; charset=utf-8"),
    "docx": ("signaalnota",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("signaalnota", "application/pdf"),
    "json": ("signaalnota", "application/json"),
    "csv": ("signalen", "text/csv; charset=utf-8"),
}


def _render(overview: ex.Overview, fmt: str, lang: str) -> bytes:
    if fmt == "md":
        return render_signaalnota_markdown(overview, lang).encode("utf-8")
    if fmt == "docx":
        return render_signaalnota_docx(overview, lang)
    if fmt == "pdf":
        return render_signaalnota_pdf(overview, lang)
    if fmt == "json":
        return render_overview_json(overview)
    return render_signals_csv(overview.signals, lang)


def export_overview(user: User, query: OverviewQuery, fmt: str, lang: str = "nl") -> Export:
    """The signaalnota (md, docx, pdf, json) or the signals (csv) of a query, audited."""
    if fmt not in OVERVIEW_FORMATS:
        raise DomainError("not_found")
    result = build_overview(user, query, lang)
    stem, mimetype = OVERVIEW_FORMATS[fmt]
    data = _render(result.overview, fmt, lang)
    audit.record("export", user, None, what=stem, format=fmt,
                 networks=[str(n.id) for n in result.networks])
    db.session.commit()
    name = f"{stem}-{query.start.isoformat()}-tot-{query.end.isoformat()}.{fmt}"
    return Export(data, mimetype, name)


def chart_svg(user: User, query: OverviewQuery, key: str, lang: str = "nl") -> str:
    """One of the four charts of a query as standalone SVG."""
    if key not in CHARTS:
        raise DomainError("not_found")
    overview = build_overview(user, query, lang).overview
    title = t("tags_rights" if key == "rights" else key, lang)
    return render_bar_chart_svg(getattr(overview, key), title, lang)


def closed_tables(user: User) -> list[CaseTable]:
    """Closed and archived tables of the user's networks, newest first (links to summaries)."""
    ids = [n.id for n in allowed_networks(user)]
    return list(db.session.scalars(
        select(CaseTable).options(defer(CaseTable.summary_json))
        .where(CaseTable.network_id.in_(ids or [-1]),
                                CaseTable.status.in_(SUMMARY_STATUSES))
        .order_by(CaseTable.scheduled_for.desc(), CaseTable.id.desc())))
