"""One-way actions ask first in the page: closing the table and making it fully anonymous."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from browser.browser_kit import goto_phase, join, open_table, post

pytestmark = pytest.mark.browser


def no_browser_dialogs(page: Any) -> list[str]:
    """Record any window.confirm/alert/prompt: there must be none (Playwright would dismiss it)."""
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(d.message), d.dismiss()))
    return seen


def open_with_keyboard(page: Any, button: Any) -> None:
    button.focus()
    page.keyboard.press("Enter")


def test_closing_asks_first_and_can_be_cancelled(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    native = no_browser_dialogs(console)
    room = join(new_context(), table, "caw")
    goto_phase(console, 2)
    close = console.locator("#btn-close")
    dialog = console.get_by_role("dialog", name="Casustafel sluiten?")

    # The question says what closing means; the focus is in the dialog, on "Annuleren".
    close.click()
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("kan niet ongedaan worden gemaakt")
    expect(dialog).to_contain_text("Deelnemers kunnen daarna niets meer plaatsen")
    cancel = dialog.get_by_role("button", name="Annuleren")
    expect(cancel).to_be_focused()
    expect(dialog.get_by_role("button", name="Tafel definitief sluiten")).to_be_visible()

    # Cancel: the dialog goes, the focus returns, and the table stays open for everyone.
    cancel.click()
    expect(dialog).to_be_hidden()
    expect(close).to_be_focused()

    # Escape cancels too (opened with the keyboard).
    open_with_keyboard(console, close)
    expect(dialog).to_be_visible()
    expect(cancel).to_be_focused()
    console.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(close).to_be_focused()

    post(room, "Is er al contact met het CAW?")
    expect(room.locator("#composer-feedback")).to_contain_text("Geplaatst.")
    expect(console.locator("#stream .item")).to_have_count(1)
    expect(room.locator("#closed-banner")).to_be_hidden()
    expect(console.locator("#status-badge")).to_have_text("Open")

    # Confirm: the participant's screen shows the table closed, and so does the console.
    close.click()
    dialog.get_by_role("button", name="Tafel definitief sluiten").click()
    expect(room.locator("#closed-banner")).to_be_visible()
    expect(room.locator("#composer")).to_be_hidden()
    expect(console.locator("#status-badge")).to_have_text("Gesloten")
    expect(console.locator("#btn-close")).to_have_count(0)
    assert native == []


def test_fully_anonymous_asks_first_and_can_be_cancelled(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    native = no_browser_dialogs(console)
    author = join(new_context(), table, "caw")
    reader = join(new_context(), table, "clb")
    goto_phase(console, 2)
    post(author, "Is er al contact met het OCMW?")
    item_author = reader.locator("#stream .item .author")
    expect(item_author).to_have_text("CAW 1")
    anon = console.locator("#btn-anonymize")
    dialog = console.get_by_role("dialog", name="Volledig anoniem maken?")

    anon.click()
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("verdwijnen voor iedereen")
    expect(dialog).to_contain_text("maar in één richting")
    cancel = dialog.get_by_role("button", name="Annuleren")
    expect(cancel).to_be_focused()
    cancel.click()
    expect(dialog).to_be_hidden()
    expect(anon).to_be_focused()

    open_with_keyboard(console, anon)
    expect(dialog).to_be_visible()
    console.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(anon).to_be_focused()

    # Still aliases: a new contribution carries one, on every screen.
    post(author, "Loopt er al een aanvraag voor de huurpremie?")
    expect(item_author).to_have_text(["CAW 1", "CAW 1"])
    expect(console.locator("#stream .item .author")).to_have_text(["CAW 1", "CAW 1"])

    # Confirm (with the keyboard): aliases go for everyone, the button goes, the note says so.
    open_with_keyboard(console, anon)
    dialog.get_by_role("button", name="Definitief anoniem maken").focus()
    console.keyboard.press("Enter")
    expect(item_author).to_have_text(["Anoniem", "Anoniem"])
    expect(console.locator("#stream .item .author")).to_have_text(["Anoniem", "Anoniem"])
    expect(anon).to_be_hidden()
    note = console.locator("#attribution-note")
    expect(note).to_have_text("Bijdragen zijn volledig anoniem.")
    expect(note).to_be_focused()
    expect(console.locator("#status-badge")).to_have_text("Open")
    assert native == []


def test_the_dialogs_speak_english(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    console.goto(console.url + "?lang=en")
    expect(console.locator("#conn")).to_have_text("Connected")
    console.get_by_role("button", name="Close the case table").click()
    dialog = console.get_by_role("dialog", name="Close the case table?")
    expect(dialog).to_contain_text("Closing cannot be undone.")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    expect(dialog.get_by_role("button", name="Close the table for good")).to_be_visible()
    console.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    console.get_by_role("button", name="Make fully anonymous").click()
    dialog = console.get_by_role("dialog", name="Make fully anonymous?")
    expect(dialog).to_contain_text(re.compile("one way only"))
    expect(dialog.get_by_role("button", name="Make anonymous for good")).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
