"""Helpers for the browser journeys: log in, open a table, join, post, step phases."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
PASSWORD = "een lang wachtwoord voor de browser"
FACILITATOR = "gespreksleider@example.org"
ADMIN = "beheer@example.org"
NETWORK = "Lokaal team Genk"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
PROJECTOR = {"width": 1920, "height": 1080}


def login(page: Any, email: str = FACILITATOR) -> None:
    page.goto("/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_load_state()


@dataclass
class LiveTable:
    console: Any  # the facilitator's page
    public_id: str
    code: str

    @property
    def join_path(self) -> str:
        return f"/j/{self.code}"


VIGNETTE = (
    "Een alleenstaande mama (34) met drie kinderen woont sinds de scheiding in een sociale "
    "woning. Het gezin leeft van een leefloon en het Groeipakket; er is een huurachterstal van "
    "vier maanden. De oudste (14) spijbelt, de jongste (2) staat op een wachtlijst voor "
    "kinderopvang."
)


def open_table(
    ctx: Any, title: str = "Gezin met huurachterstal", vignette: bool = True
) -> LiveTable:
    """Log in as facilitator, create and open a table, share the vignette; return the console."""
    page = ctx.new_page()
    login(page)
    page.goto("/tables/new")
    page.locator("input[name=title]").fill(title + " " + secrets.token_hex(2))
    page.get_by_role("button", name="Aanmaken").click()
    page.wait_for_url(re.compile(r"/t/[^/]+$"))
    public_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    if vignette:
        page.locator("textarea[name=vignette]").fill(VIGNETTE)
        page.locator("textarea[name=question]").fill("Hoe houden we mama aan boord bij het OCMW?")
        page.locator("input[name=consent]").first.check()
        page.get_by_role("button", name="Casus delen").last.click()
        page.wait_for_load_state()
    page.get_by_role("button", name="Casustafel openen").click()
    page.wait_for_load_state()
    code = page.locator("#join-code").inner_text().strip()
    page.locator("#conn.conn-connected").wait_for()
    return LiveTable(console=page, public_id=public_id, code=code)


def open_projector(ctx: Any, table: LiveTable) -> Any:
    """The projector screen, in its own context (a second laptop window with the same login).

    A page that shares a context with the console would be a background tab, where chromium
    throttles animation frames and every Playwright click on the console waits for them.
    """
    ctx.add_cookies(table.console.context.cookies())
    page = ctx.new_page()
    page.goto(f"/t/{table.public_id}/projector")
    page.locator("#conn.conn-connected").wait_for()
    return page


def join(ctx: Any, table: LiveTable, service: str = "caw") -> Any:
    """A participant opens the join link, picks a service, accepts the house rules."""
    page = ctx.new_page()
    page.goto(table.join_path)
    page.locator("select[name=service]").select_option(service)
    page.locator("input[name=rules]").check()
    page.get_by_role("button", name="Aan tafel gaan").click()
    page.wait_for_url(re.compile(r"/room$"))
    page.locator("#conn.conn-connected").wait_for()
    return page


def post(page: Any, text: str, kind: str | None = None) -> None:
    """Type and post a contribution with the keyboard-free path (click)."""
    if kind:
        page.locator(f"#kinds input[value={kind}]").check()
    page.locator("#composer-text").fill(text)
    page.locator("#btn-send").click()


def phase(console: Any, action: str) -> None:
    console.locator(f"[data-phase={action}]").click()


def _every_screen_at(console: Any, index: int) -> None:
    """Wait until every live page open in this browser shows phase `index`."""
    for ctx in console.context.browser.contexts:
        for page in ctx.pages:
            if page.evaluate("() => !!window.casetable"):
                page.wait_for_function(
                    "i => (window.casetable.state.state || {}).phase_index === i", arg=index
                )


def goto_phase(console: Any, index: int) -> None:
    """Step the console to a phase index (0-based) and wait until every screen can see it."""
    console.wait_for_function(
        "() => /\\d/.test(document.getElementById('phase-count').textContent)"
    )
    for _ in range(10):
        count = console.locator("#phase-count").text_content() or ""
        current = int(re.search(r"(\d+)", count).group(1)) - 1  # type: ignore[union-attr]
        if current == index:
            _every_screen_at(console, index)
            return
        before = count
        phase(console, "next" if current < index else "prev")
        console.wait_for_function(
            "b => document.getElementById('phase-count').textContent !== b", arg=before
        )
    raise AssertionError("phase not reached")


def shot(page: Any, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
