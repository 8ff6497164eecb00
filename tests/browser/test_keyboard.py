"""Keyboard only: join, post and vote without a mouse; new contributions are announced politely."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.browser_kit import goto_phase, open_table, post

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching selector has the focus (fails after limit)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_participant_uses_only_the_keyboard(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    goto_phase(console, 3)
    page = new_context().new_page()
    page.goto(table.join_path)

    # The skip link is the first stop and moves the focus to the content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    expect(page.locator(".skip-link")).to_be_visible()
    tab_to(page, "select[name=service]")
    page.keyboard.press("ArrowDown")
    tab_to(page, "input[name=rules]")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/room$"))
    expect(page.locator("#conn")).to_have_class(re.compile("conn-connected"))
    # A phase change is announced politely.
    goto_phase(console, 4)
    expect(page.locator("#announcer")).to_have_text("Nu fase 5: Adviezen en mogelijkheden.")

    # Choose the kind with the arrow keys, type, post with Enter on the button.
    tab_to(page, "#kinds input:checked")
    expect(page.locator("#kinds input[value=advies]")).to_be_checked()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#kinds input[value=hulpbron]")).to_be_checked()
    page.keyboard.press("ArrowLeft")
    tab_to(page, "#composer-text")
    page.keyboard.type("Een vaste contactpersoon bij het OCMW.")
    tab_to(page, "#btn-send")
    page.keyboard.press("Enter")
    expect(page.locator("#composer-feedback")).to_have_text("Geplaatst.")
    expect(console.locator("#stream .kind-advies .item")).to_have_count(1)

    # A contribution from someone else is announced in the polite live region.
    announcer = page.locator("#announcer")
    expect(announcer).to_have_attribute("aria-live", "polite")
    post(console, "Denk ook aan het inloopteam van het CAW.", kind="hulpbron")
    expect(announcer).to_have_text(re.compile(r"Nieuwe bijdrage \(Hulpbron\)"))

    # Vote with the keyboard; the button says it is pressed.
    tab_to(page, "#stream .kind-advies button.vote")
    page.keyboard.press("Enter")
    vote = page.locator("#stream .kind-advies button.vote")
    expect(vote).to_have_attribute("aria-pressed", "true")
    expect(vote).to_contain_text("1 stem")
    # The list was redrawn, yet the focus stayed on the same button.
    expect(vote).to_be_focused()
    post(console, "Nog een hulpbron: de sociale kruidenier.", kind="hulpbron")
    expect(page.locator("#stream .item")).to_have_count(3)
    expect(vote).to_be_focused()
    # Focus is visible: the focused control draws an outline.
    vote.focus()
    outline = vote.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
