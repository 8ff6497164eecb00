"""The frequent events stay cheap: a fixed, small number of SQL statements each.

benchmarks/post_path.py and benchmarks/load.py measure the cost; this pins down its main driver,
so that a lazy load or a per-candidate pseudonym query that creeps back in fails a test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from casetable.extensions import db
from casetable.services import tables


@contextmanager
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn, _cursor, sql, *_rest) -> None:
        seen.append(sql.split(None, 1)[0].upper())

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_a_post_costs_three_statements(app, create_table, seat):
    table = create_table()
    tables.control_phase(table.facilitator, table, "goto", 2)
    caw = seat(table, "caw")
    caw.post("Mevrouw Sandra Vanhoutte belde gisteren over de huur.")  # binds a pseudonym
    with statements() as seen:
        ack = caw.post("Heeft Sandra Vanhoutte in Gent al een leefloon? Bel 0478 21 36 54.")
    assert ack["ok"] and "[persoon 1]" in ack["contribution"]["text"]
    # The table with the sender's seat, the sequence number, the row: nothing per name.
    assert sorted(seen) == ["INSERT", "SELECT", "UPDATE"], seen


def test_preview_vote_and_flag_stay_small(app, create_table, seat):
    table = create_table()
    tables.control_phase(table.facilitator, table, "goto", 4)  # advice: voting
    caw, clb = seat(table, "caw"), seat(table, "clb")
    advice = caw.post("Vraag een verhoogde tegemoetkoming aan.", kind="advies")
    assert advice["ok"], advice
    assert clb.emit("preview", text="Meneer Dirk Verstraete belt.")["ok"]  # loads the map once
    with statements() as seen:
        assert clb.emit("preview", text="Mevrouw Sandra Vanhoutte belt morgen.")["ok"]
    assert seen == ["SELECT"], seen  # only the table: the map is this process's copy
    with statements() as seen:
        assert clb.emit("vote", id=advice["id"])["ok"]
    # table, advice, own vote, insert, count, rev, advice row
    assert len(seen) == 7, seen
    with statements() as seen:
        assert clb.emit("flag", id=advice["id"])["ok"]
    # table, contribution, own flag, rev, audit, contribution row, flag
    assert len(seen) == 7, seen


def test_a_reveal_costs_the_same_few_statements_for_any_number_held(
    app, create_user, create_table, seat, staff_seat
):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.control_phase(facilitator, table, "goto", 3)  # analyse: silent
    console = staff_seat(table, facilitator)
    screens = [seat(table, service) for service in ("caw", "clb", "ocmw", "kind-en-gezin")]
    for i, screen in enumerate(screens * 3):
        assert screen.post(f"Analyse {i} over de huurachterstal.", kind="analyse")["ok"]
    with statements() as seen:
        assert console.emit("reveal") == {"ok": True, "count": 12}
    # the table, the facilitator, the held rows, one UPDATE of the table (numbers and revealed
    # phase), one executemany for the contributions, the audit line: none per contribution.
    assert sorted(seen) == ["INSERT", "SELECT", "SELECT", "SELECT", "UPDATE", "UPDATE"], seen
    # What those statements wrote is what a screen that resyncs later reads.
    late = seat(table, "vdab")
    state = late.emit("sync", after_seq=0, after_rev=0)
    assert state["ok"], state
    assert 3 in state["state"]["revealed_phases"] and state["state"]["held"] == 0
    assert sorted(c["seq"] for c in state["contributions"]) == list(range(1, 13))
