"""Retention: the purge removes contributions, keeps notes and a byte-identical summary."""

from __future__ import annotations

import datetime as dt
import time
from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select

from casetable import create_app
from casetable.extensions import db, socketio
from casetable.models import AuditEvent, CaseTable, Contribution, Flag, Note, TableStatus, Vote
from casetable.services import contributions, overview, retention, summaries, tables
from casetable.services.overview import OverviewQuery
from casetable.services.viewer import Viewer
from tests.conftest import login
from tests.test_summaries import all_formats, play_table, private_rate_window

__all__ = ["private_rate_window"]  # autouse fixture: the busy tables get their own rate window


def count(model: type, table: CaseTable) -> int:
    column = model.table_id if hasattr(model, "table_id") else None  # type: ignore[attr-defined]
    query = select(func.count()).select_from(model)
    if column is not None:
        query = query.where(column == table.id)
    return int(db.session.scalar(query) or 0)


def main_part(html: str) -> str:
    """The page's content (the header holds a CSRF token that changes with the clock)."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def age(table: CaseTable, days: int) -> None:
    """Pretend the table closed `days` ago."""
    table.closed_at = table.closed_at - timedelta(days=days)  # type: ignore[operator]
    db.session.commit()


def test_purge_keeps_every_format_byte_identical(app, client, create_user):
    facilitator = create_user("facilitator")
    table = play_table(facilitator, contributions_n=40, notes_n=6, close=False)
    first = db.session.scalar(select(Contribution).where(Contribution.table_id == table.id))
    contributions.flag(table, Viewer(user=facilitator), first.id)
    tables.close_table(facilitator, table)
    login(client, facilitator)
    before = all_formats(client, table)
    page_before = main_part(client.get(f"/t/{table.public_id}/verslag").get_data(as_text=True))
    assert count(Contribution, table) == 40 and db.session.scalar(
        select(func.count()).select_from(Vote)) and db.session.scalar(
        select(func.count()).select_from(Flag))

    removed = retention.purge_table(table)
    db.session.expire_all()
    assert removed == 40
    assert count(Contribution, table) == 0
    assert db.session.scalar(select(func.count()).select_from(Vote)) == 0
    assert db.session.scalar(select(func.count()).select_from(Flag)) == 0
    assert count(Note, table) == 6  # learning notes stay
    fresh = db.session.get(CaseTable, table.id)
    assert fresh.status == TableStatus.ARCHIVED and fresh.purged_at is not None
    assert fresh.summary_json is not None

    after = all_formats(client, table)
    for fmt in before:
        assert after[fmt] == before[fmt], fmt
    page_after = main_part(client.get(f"/t/{table.public_id}/verslag").get_data(as_text=True))
    assert page_after == page_before
    # A second purge changes nothing, and never freezes a summary of the emptied table.
    assert retention.purge_table(fresh) == 0
    assert all_formats(client, table) == before
    purges = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).all()
    assert [(e.actor, e.details) for e in purges] == [("system", {"contributions": 40})]


def test_purge_expired_respects_the_retention_period(app, create_user):
    facilitator = create_user("facilitator")
    old, recent = play_table(facilitator, title="Oud"), play_table(facilitator, title="Recent")
    still_open = play_table(facilitator, title="Open", close=False)
    age(old, 31)
    age(recent, 5)
    assert retention.purge_expired(30) == 1
    db.session.expire_all()
    statuses = {t.title.text: t.status for t in (old, recent, still_open)}
    assert statuses == {"Oud": "archived", "Recent": "closed", "Open": "open"}
    assert count(Contribution, recent) == 20 and count(Contribution, old) == 0


def test_purge_command(app, create_user):
    table = play_table(create_user("facilitator"))
    age(table, 40)
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0 and "1 tafel(s) opgeschoond." in result.output
    db.session.expire_all()
    assert db.session.get(CaseTable, table.id).status == TableStatus.ARCHIVED


def test_overview_is_the_same_after_the_purge(app, create_network, create_user):
    net = create_network("Netwerk P", "Limburg")
    facilitator = create_user("facilitator", [net])
    made = [play_table(facilitator, contributions_n=5, notes_n=2, title=f"P{i}") for i in range(6)]
    admin = create_user("admin")
    today = dt.date.today()
    query = OverviewQuery(today - timedelta(days=30), today + timedelta(days=1))
    before = overview.build_overview(admin, query).overview.to_dict()
    for table in made[:4]:
        retention.purge_table(table)
    after = overview.build_overview(admin, query).overview.to_dict()
    before.pop("generated_at")
    after.pop("generated_at")
    assert after == before
    assert before["referrals"] == [{"province": "Limburg", "service": "OCMW / Sociaal Huis",
                                    "count": 6}]


def test_frozen_summary_is_returned_as_stored(app, create_user):
    table = play_table(create_user("facilitator"), notes_n=2)
    built = summaries.build_summary(table)
    summaries.freeze_summary(table)
    db.session.commit()
    assert summaries.summary_for(table) == built
    stored = table.summary_json
    summaries.freeze_summary(table)  # already frozen: kept as it is
    assert table.summary_json == stored


def test_background_purge_runs_and_stops(app, create_user):
    table = play_table(create_user("facilitator"))
    age(table, 40)
    app.config["PURGE_INTERVAL_SECONDS"] = 0.05
    task = retention.start_purge_schedule(app)
    assert task is not None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        db.session.expire_all()
        if db.session.get(CaseTable, table.id).status == TableStatus.ARCHIVED:
            break
        time.sleep(0.05)
    app.config["PURGE_INTERVAL_SECONDS"] = 0  # the loop ends at its next wake-up
    task.join(5)
    assert not task.is_alive()
    assert db.session.get(CaseTable, table.id).status == TableStatus.ARCHIVED
    assert count(Contribution, table) == 0


def test_app_start_schedules_the_purge_unless_disabled(app_config, monkeypatch, tmp_path):
    monkeypatch.setenv("CASETABLE_INSTANCE_PATH", str(tmp_path / "instance"))
    started = []
    monkeypatch.setattr(socketio, "start_background_task",
                        lambda fn, *args: started.append((fn, args)))

    def build(**extra: object) -> Flask:
        application = create_app(dict(app_config, **extra))
        with application.app_context():
            db.engine.dispose()
        return application

    build(PURGE_INTERVAL_SECONDS=24 * 3600)
    assert len(started) == 1 and started[0][0] is retention._purge_loop
    build(PURGE_INTERVAL_SECONDS=0)
    build()  # TESTING without the setting: off
    assert len(started) == 1
    assert retention.purge_interval(build(TESTING=False)) == 24 * 3600
