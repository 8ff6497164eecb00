"""A participant flags a detail that slipped through; the facilitator erases it in one click."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.browser_kit import PROJECTOR, goto_phase, join, open_projector, open_table, post

pytestmark = pytest.mark.browser

SLIPPED = "De oudste zit op de Sint-Jozefschool naast de frituur."


def test_flag_then_erase_and_adjust_everywhere(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    author = join(new_context(), table, "caw")
    reader = join(new_context(), table, "clb")
    projector = open_projector(new_context(viewport=PROJECTOR), table)
    goto_phase(console, 2)
    post(author, SLIPPED)
    post(author, "Is de school al op de hoogte van de afwezigheden?")
    for page in (reader, console, projector):
        expect(page.locator("#stream .item")).to_have_count(2)

    first = reader.locator("#stream .item").first
    first.get_by_role("button", name=re.compile("Markeer")).click()
    expect(reader.locator("#composer-feedback")).to_contain_text("Gemarkeerd")
    queue = console.locator("#modqueue li")
    expect(queue).to_have_count(1)
    expect(console.locator("#mod-count")).to_have_text("(1)")
    expect(queue.first).to_contain_text("1 markering")
    expect(console.locator("#announcer")).to_have_text("Een bijdrage is gemarkeerd als herkenbaar.")

    queue.first.get_by_role("button", name="Wissen").click()
    for page in (author, reader, console, projector):
        expect(page.locator("#stream .item .body").first).to_have_text(
            "[verwijderd door de gespreksleider]"
        )
        assert "Sint-Jozefschool" not in page.content()
    expect(queue).to_have_count(0)
    expect(console.locator("#mod-empty")).to_be_visible()

    # Adjust: an inline editor (no browser prompt), and the new text is scrubbed again.
    reader.locator("#stream .item").nth(1).get_by_role("button", name=re.compile("Markeer")).click()
    expect(queue).to_have_count(1)
    queue.first.get_by_role("button", name="Aanpassen").click()
    editor = console.get_by_label(re.compile("Aangepaste tekst"))
    expect(editor).to_be_focused()
    editor.fill("Is de school van mevrouw Vanhoutte al op de hoogte?")
    editor.press("Enter")  # a textarea: Enter is a newline, the button posts
    console.locator("#modqueue").get_by_role("button", name="Opslaan").click()
    for page in (author, reader, projector):
        body = page.locator("#stream .item .body").nth(1)
        expect(body).to_contain_text("Is de school van")
        expect(body.locator(".chip")).to_have_count(1)
        assert "Vanhoutte" not in page.content()
    expect(queue).to_have_count(0)
