"""The coordinator's view: scope per network, small-number suppression, exports, access."""

from __future__ import annotations

import datetime as dt
import itertools
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from casetable.export.model import SUPPRESSED, Overview
from casetable.extensions import db
from casetable.models import AuditEvent
from casetable.services import overview
from casetable.services.overview import OverviewQuery, recurring, suppress, suppress_counts
from tests.conftest import login
from tests.test_summaries import play_table, private_rate_window

__all__ = ["private_rate_window"]  # autouse fixture: the busy tables get their own rate window

DAY = dt.date(2026, 11, 23)


def at(day: dt.date) -> datetime:
    return datetime.combine(day, dt.time(9), tzinfo=UTC)


def test_suppress_is_a_small_pure_function():
    assert [suppress(n) for n in range(8)] == [0, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED,
                                               5, 6, 7]
    assert suppress(3, threshold=3) == 3 and suppress(2, threshold=10) == SUPPRESSED
    assert suppress_counts({"a": 0, "b": 1, "c": 9}) == {"b": SUPPRESSED, "c": 9}


def test_query_from_args_is_forgiving():
    q = OverviewQuery.from_args({"van": "2026-12-01", "tot": "2026-01-01", "netwerk": "x",
                                 "niveau": "lokaal", "urgentie": "nope"}, DAY)
    assert (q.start, q.end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 1))
    assert q.network_id is None and q.level == "lokaal" and q.urgency is None
    default = OverviewQuery.from_args({}, DAY)
    assert default.end == DAY and default.start == DAY - dt.timedelta(days=365)
    assert OverviewQuery.from_args(default.to_args(), DAY) == default


def all_counts(o: Overview) -> list[object]:
    """Every count an overview shows."""
    values: list[object] = [o.tables]
    for pairs in (o.services, o.themes, o.doelgroepen, o.rights):
        values += [v for _, v in pairs]
    return values + [r.count for r in o.referrals]


@pytest.fixture
def network_a(create_network, create_user):
    """Network A (Antwerpen): seven closed tables over three quarters, themes mixed."""
    net = create_network("Netwerk A", "Antwerpen")
    facilitator = create_user("facilitator", [net])
    days = [dt.date(2026, 2, 10), dt.date(2026, 3, 3), dt.date(2026, 5, 5), dt.date(2026, 5, 20),
            dt.date(2026, 6, 1), dt.date(2026, 8, 8), dt.date(2026, 9, 9)]
    for i, day in enumerate(days):
        themes = ("huisvesting",) if i % 3 else ("huisvesting", "voeding")
        play_table(facilitator, contributions_n=5, notes_n=2, scheduled_for=at(day),
                   themes=themes, services=("caw", "ocmw", "clb") if i < 5 else ("caw", "ggz"),
                   title=f"Tafel A{i + 1}")
    return net, facilitator


def test_slicing_filters_never_reveal_a_count_below_five(app, client, create_user, network_a):
    net, _ = network_a
    coordinator = create_user("coordinator", [net])
    starts = [dt.date(2026, m, 1) for m in range(1, 11)]
    themes = [None, "huisvesting", "voeding", "kinderopvang"]
    seen_suppressed = False
    for start, length, theme in itertools.product(starts, (1, 31, 92, 365), themes):
        query = OverviewQuery(start, start + dt.timedelta(days=length), None, theme)
        o = overview.build_overview(coordinator, query).overview
        for value in all_counts(o):
            assert not (isinstance(value, int) and 1 <= value <= 4), (query, value)
            seen_suppressed |= value == SUPPRESSED
    assert seen_suppressed
    # The full year shows the real numbers: seven tables, "voeding" at three of them ("<5").
    year = overview.build_overview(coordinator, OverviewQuery(dt.date(2026, 1, 1), DAY)).overview
    assert year.tables == 7
    assert dict(year.themes) == {"Huisvesting": 7, "Voeding": SUPPRESSED}
    assert dict(year.services) == {"CAW": 7, "OCMW / Sociaal Huis": 5, "CLB": 5, "GGZ": SUPPRESSED}
    assert [(r.province, r.service, r.count) for r in year.referrals] == [
        ("Antwerpen", "OCMW / Sociaal Huis", 7)]

    # The same through HTML, charts and the signaalnota on a narrow slice.
    login(client, coordinator)
    args = {"van": "2026-05-01", "tot": "2026-06-30", "thema": "voeding"}
    page = client.get("/overzicht/", query_string=args).get_data(as_text=True)
    md = client.get("/overzicht/export.md", query_string=args).get_data(as_text=True)
    svg = client.get("/overzicht/grafiek/services.svg", query_string=args).get_data(as_text=True)
    assert "&lt;5" in page and "&lt;5" in svg and "<5" in md
    for body in (page, svg, md):
        for n in range(1, 5):
            assert f">{n}<" not in body and f"| {n} |" not in body


def test_coordinator_of_a_cannot_reach_network_b(app, client, create_network, create_user,
                                                 network_a):
    net_a, _ = network_a
    net_b = create_network("Netwerk B", "Limburg")
    facilitator_b = create_user("facilitator", [net_b])
    table_b = play_table(facilitator_b, title="Tafel van B", scheduled_for=at(dt.date(2026, 4, 4)))
    coordinator_a = create_user("coordinator", [net_a])
    login(client, coordinator_a)
    for fmt in ("", ".md", ".docx", ".pdf", ".json"):
        assert client.get(f"/t/{table_b.public_id}/verslag{fmt}").status_code in (403, 404)
    b = {"netwerk": str(net_b.id)}
    for path in ("/overzicht/", "/overzicht/export.csv", "/overzicht/export.pdf",
                 "/overzicht/export.docx", "/overzicht/export.md", "/overzicht/export.json",
                 "/overzicht/grafiek/services.svg", "/overzicht/grafiek/rights.svg"):
        assert client.get(path, query_string=b).status_code in (403, 404), path
    # Without a network filter, A's overview holds nothing of B.
    page = client.get("/overzicht/", query_string={"van": "2026-01-01"}).get_data(as_text=True)
    reports = client.get("/overzicht/verslagen").get_data(as_text=True)
    assert "Tafel van B" not in page and "Netwerk B" not in page and "Tafel van B" not in reports
    assert "Tafel A1" in reports
    csv = client.get("/overzicht/export.csv", query_string={"van": "2026-01-01"}).data
    assert b"Tafel van B" not in csv and b"Tafel A" in csv


def test_roles_and_anonymous_access(app, client, create_user, network_a):
    net, _ = network_a
    table = overview.closed_tables(create_user("coordinator", [net]))[0]
    paths = ["/overzicht/", "/overzicht/verslagen", "/overzicht/export.pdf",
             "/overzicht/grafiek/themes.svg", f"/t/{table.public_id}/verslag",
             f"/t/{table.public_id}/verslag.pdf"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path
    other = create_user("facilitator")  # another network, another facilitator
    login(client, other)
    assert client.get(paths[0]).headers["Location"].endswith("/tables")  # their own list
    for path in paths[1:4]:
        assert client.get(path).status_code == 403, path
    for path in paths[4:]:
        assert client.get(path).status_code == 404, path


def test_own_facilitator_and_coordinator_and_admin_may_download(app, create_user, network_a):
    net, facilitator = network_a
    coordinator = create_user("coordinator", [net])
    admin = create_user("admin")
    table = overview.closed_tables(coordinator)[0]
    for user in (facilitator, coordinator, admin):
        client = app.test_client()
        login(client, user)
        assert client.get(f"/t/{table.public_id}/verslag.json").status_code == 200


def test_admin_sees_all_networks_by_province(app, client, create_network, create_user,
                                             network_a):
    net_b = create_network("Netwerk B", "Limburg")
    facilitator_b = create_user("facilitator", [net_b])
    for i in range(5):
        play_table(facilitator_b, contributions_n=5, notes_n=1, title=f"Tafel B{i}",
                   scheduled_for=at(dt.date(2026, 7, 1 + i)), referral="caw")
    admin = create_user("admin")
    result = overview.build_overview(admin, OverviewQuery(dt.date(2026, 1, 1), DAY))
    assert dict(result.provinces) == {"Antwerpen": 7, "Limburg": 5}
    assert {(r.province, r.service, r.count) for r in result.overview.referrals} == {
        ("Antwerpen", "OCMW / Sociaal Huis", 7), ("Limburg", "CAW", 5)}
    login(client, admin)
    page = client.get("/overzicht/", query_string={"van": "2026-01-01"}).get_data(as_text=True)
    assert "Per provincie" in page and "Limburg" in page and "Antwerpen" in page
    assert '<optgroup label="Limburg">' in page


def test_signals_filter_export_and_audit(app, client, create_user, network_a):
    net, _ = network_a
    coordinator = create_user("coordinator", [net])
    query = OverviewQuery(dt.date(2026, 1, 1), DAY)
    everything = overview.build_overview(coordinator, query).overview
    # notes_n=2 per table: a leerpunt and a signal (kind cycles leerpunt, signaal, ...).
    assert len(everything.signals) == 7
    assert {s.level for s in everything.signals} == {"vlaams"}
    none = overview.build_overview(coordinator, OverviewQuery(query.start, query.end,
                                                              level="federaal"))
    assert none.overview.signals == ()
    voeding = overview.build_overview(coordinator, OverviewQuery(query.start, query.end,
                                                                 theme="voeding"))
    assert len(voeding.overview.signals) == 3
    login(client, coordinator)
    args = query.to_args()
    response = client.get("/overzicht/export.csv", query_string=args)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="signalen-2026-01-01-tot-2026-11-23.csv"')
    assert response.data.startswith(b"\xef\xbb\xbf")
    assert b"Leerpunt 2 van de tafel." in response.data
    for fmt in ("pdf", "docx", "md", "json"):
        got = client.get(f"/overzicht/export.{fmt}", query_string=args)
        assert got.status_code == 200 and "signaalnota-2026-01-01" in got.headers[
            "Content-Disposition"]
    assert client.get("/overzicht/export.exe", query_string=args).status_code == 404
    assert client.get("/overzicht/grafiek/nope.svg").status_code == 404
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert sorted(e.details["format"] for e in events) == ["csv", "docx", "json", "md", "pdf"]
    assert all(e.actor == f"user:{coordinator.id}" for e in events)


def test_recurring_problems_over_quarters(app, create_user, network_a):
    net, _ = network_a
    coordinator = create_user("coordinator", [net])
    o = overview.build_overview(coordinator, OverviewQuery(dt.date(2026, 1, 1), DAY)).overview
    found = {(r.label, r.category): r.periods for r in o.recurring}
    assert found[("Huisvesting", "theme")] == ("2026-Q1", "2026-Q2", "2026-Q3")
    assert found[("Voeding", "theme")] == ("2026-Q1", "2026-Q2", "2026-Q3")
    assert ("Huurpremie / huurwaarborg", "right") in found
    # A range of one quarter compares months instead.
    short = recurring(o.signals, dt.date(2026, 5, 1), dt.date(2026, 6, 30))
    assert all(len(p) == 7 for r in short for p in r.periods)


def test_overview_page_has_charts_and_no_inline_script(app, client, create_user, network_a):
    net, _ = network_a
    login(client, create_user("coordinator", [net]))
    html = client.get("/overzicht/", query_string={"van": "2026-01-01"}).get_data(as_text=True)
    main = html.split('<main', 1)[1].split("</main>")[0]
    assert main.count("<svg") == 4 and "<script" not in main and "style=" not in main
    assert "Tafel A1" in main  # a signal links to its table
