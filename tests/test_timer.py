"""The countdown's state as every screen receives it: never started, running, paused, next phase."""

from __future__ import annotations

from typing import Any

from casetable.services.state import table_state


def last_timer(seat: Any) -> dict[str, Any]:
    """The timer of the last `state` broadcast this seat received."""
    states = seat.received("state")
    assert states, "no state broadcast"
    return states[-1]["args"][0]["timer"]


def test_timer_says_whether_the_phase_was_ever_started(
    app, create_user, create_table, seat, staff_seat
):
    facilitator = create_user("facilitator")
    table = create_table(facilitator)
    console = staff_seat(table, facilitator)
    participant = seat(table)

    # Never started: the join reply says so, with the phase's full time left.
    timer = participant.joined["state"]["timer"]
    full = table_state(table)["phases"][0]["minutes"] * 60
    assert timer == {"running": False, "ends_at": None, "remaining": full, "started": False}

    # "+5 min" before the start adds time but does not start anything.
    participant.received()
    assert console.emit("phase", action="extend", value=5)["ok"]
    timer = last_timer(participant)
    assert timer["started"] is False and timer["running"] is False
    assert timer["remaining"] == full + 5 * 60

    assert console.emit("phase", action="start")["ok"]
    timer = last_timer(participant)
    assert timer["started"] is True and timer["running"] is True and timer["ends_at"]

    # Paused right away, so at (nearly) the full time: still a started countdown.
    assert console.emit("phase", action="pause")["ok"]
    timer = last_timer(participant)
    assert timer["started"] is True and timer["running"] is False
    assert full + 5 * 60 - 2 <= timer["remaining"] <= full + 5 * 60

    # Starting again after a pause keeps it started; a new phase starts unstarted.
    assert console.emit("phase", action="start")["ok"]
    assert last_timer(participant)["started"] is True
    assert console.emit("phase", action="next")["ok"]
    timer = last_timer(participant)
    next_full = table_state(table)["phases"][1]["minutes"] * 60
    assert timer == {"running": False, "ends_at": None, "remaining": next_full, "started": False}

    # A reconnecting screen gets the same from `sync`.
    reply = participant.emit("sync", after_seq=0, after_rev=0)
    assert reply["ok"] and reply["state"]["timer"]["started"] is False


def test_going_back_to_a_phase_starts_it_afresh(app, create_user, create_table, staff_seat):
    facilitator = create_user("facilitator")
    table = create_table(facilitator)
    console = staff_seat(table, facilitator)
    assert console.emit("phase", action="start")["ok"]
    assert console.emit("phase", action="next")["ok"]
    assert console.emit("phase", action="start")["ok"]
    console.received()
    assert console.emit("phase", action="prev")["ok"]
    timer = last_timer(console)
    assert timer["started"] is False and timer["running"] is False
