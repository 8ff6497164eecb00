"""English next to Dutch: a complete, compiled catalogue and an English room in the browser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from browser.browser_kit import ROOT, goto_phase, open_table, shot

TRANSLATIONS = ROOT / "casetable" / "translations"
PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")
OTHER_TEAMS = ("coordinator", "summaries")  # their templates are checked by their own catalogue run


def _catalogue():
    with PO.open("rb") as fh:
        return read_po(fh, locale="en")


def test_every_message_has_an_english_translation() -> None:
    todo = [m.id for m in _catalogue() if m.id and (not m.string or m.fuzzy)]
    assert not todo, "translate these in messages.po, then run scripts/i18n.sh:\n" + "\n".join(
        map(str, todo)
    )


def test_compiled_catalogue_matches_the_po() -> None:
    with MO.open("rb") as fh:
        compiled = {m.id: m.string for m in read_mo(fh) if m.id}
    source = {m.id: m.string for m in _catalogue() if m.id}
    assert compiled == source, "messages.mo is stale: run scripts/i18n.sh compile"


def test_every_template_string_is_in_the_catalogue() -> None:
    ids = {m.id for m in _catalogue()}
    found = extract_from_dir(
        str(ROOT / "casetable" / "templates"),
        method_map=[("**.html", "jinja2")],
        keywords={"_": None, "gettext": None, "ngettext": (1, 2)},
    )
    missing = sorted(
        f"{name}:{line} {msg!r}"
        for name, line, msg, _c, _ctx in found
        if msg not in ids and Path(name).parts[0] not in OTHER_TEAMS
    )
    assert not missing, "run scripts/i18n.sh and translate:\n" + "\n".join(missing)


def test_i18n_script_is_runnable() -> None:
    out = subprocess.run(
        ["bash", "-n", str(ROOT / "scripts" / "i18n.sh")], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert Path(sys.executable).with_name("pybabel").exists()


@pytest.mark.browser
def test_english_room_and_console(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    console.goto(console.url + "?lang=en")
    expect(console.locator("#conn")).to_have_text("Connected")
    expect(console.get_by_role("button", name="Next phase →")).to_be_visible()
    room = new_context().new_page()
    room.goto(table.join_path + "?lang=en")
    expect(room.get_by_role("heading", name="House rules")).to_be_visible()
    room.locator("select[name=service]").select_option("caw")
    room.get_by_label("I have read the house rules").check()
    room.get_by_role("button", name="Join the table").click()
    expect(room.locator("#composer-h")).to_have_text("Your contribution")
    expect(room.locator("#conn")).to_have_text("Connected")
    goto_phase(console, 2)
    expect(room.locator("#phase-name")).to_have_text("Clarifying questions")
    expect(room.locator("#kinds")).to_contain_text("Question")
    expect(room.locator("html")).to_have_attribute("lang", "en")
    shot(room, "participant-english")
