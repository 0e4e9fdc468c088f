"""A person's whole way through the seeded portal in headless Chromium: log in, act, look at the outcome.

Each journey module seeds once (`seeded`, function-scoped) and walks in one test, so the several seconds of
`seed_netzwerk --demo` are paid once per role. Locators are roles and labels only, so each journey also checks
that what a person uses has an accessible name.
"""

import re
from pathlib import Path

import pytest

from konto.seeding import DEMO_ACCOUNTS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "tmp" / "journeys"
SMALL_SCREEN = {"width": 390, "height": 844}
PASSWORDS = {account["username"]: account["password"] for account in DEMO_ACCOUNTS}


@pytest.fixture
def person(browser):
    """A new browser context per person, as if each sat at her own computer; closed after the test."""
    contexts = []

    def open_tab(viewport=None):
        context = browser.new_context(locale="de-DE", viewport=viewport or {"width": 1280, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def log_in(page, base_url, username):
    """Sign in through the real login form with a demo account from the README."""
    page.goto(f"{base_url}/konto/anmelden/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort", exact=False).fill(PASSWORDS[username])
    follow(page.get_by_role("button", name="Anmelden"))
    assert "/konto/anmelden/" not in page.url, page.locator("main").inner_text()


def follow(locator):
    """Click a link or submit button and wait until the browser has loaded the page it leads to."""
    with locator.page.expect_navigation():
        locator.click()
    return locator.page


def go_to(page, name):
    """Follow a link of the main navigation, or "Mein Konto" of the account navigation."""
    navigation = "Konto" if name == "Mein Konto" else "Hauptnavigation"
    return follow(page.get_by_role("navigation", name=navigation).get_by_role("link", name=name, exact=True))


def ask_the_land(page, title, text, attachments=()):
    """A member, already logged in, opens a Diskussion as a Frage an das Land, with optional attachments."""
    go_to(page, "Diskussionen")
    follow(page.get_by_role("link", name="Neue Diskussion beginnen"))
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Ihr Beitrag").fill(text)
    page.get_by_label("Frage an das Land").check()
    if attachments:
        page.get_by_label("Anhänge").set_input_files(files=list(attachments))
    follow(page.get_by_role("button", name="Diskussion eröffnen"))


def assign_in_admin(page, title, stelle, faellig_am):
    """The Redaktion, already in the Wagtail admin, assigns the question titled `title` through the admin menu."""
    page.get_by_role("button", name="Diskussionen", exact=True).click()
    follow(page.get_by_role("link", name="Diskussionen und Fragen an das Land"))
    follow(page.get_by_role("link", name="Nur Fragen an das Land zeigen"))
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))
    follow(row.get_by_role("link", name="Dem Land zuweisen"))
    page.get_by_label("Stelle des Landes").select_option(label=stelle)
    page.get_by_label("Antwort fällig am").fill(faellig_am.isoformat())
    follow(page.get_by_role("button", name="Zuweisen"))
    return page.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))


def feed_events(page, link):
    """The VEVENT summaries of the calendar a webcal link subscribes to, fetched with the page's cookies."""
    response = page.request.get(link.get_attribute("href").replace("webcal://", "http://", 1))
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    return vevent_summaries(response.text())


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def overflow(page):
    """How many pixels the document is wider than the window (0 when nothing scrolls sideways)."""
    # A vertical scroll bar can make the layout box narrower than the document for a moment: that is not overflow.
    return max(0, page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def too_wide(page):
    """The innermost elements that reach past the window's right edge, for the message of a failed overflow check."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible")
            .slice(0, 5)
            .map(e => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.trim().slice(0, 40)}`)"""
    )


def on_small_screen(person, base_url, name, path, username=None):
    """Login (when username is given) and the page a journey ends on at 390 px: screenshots and overflow in px."""
    page = person(viewport=SMALL_SCREEN)
    found = {}
    if username:
        page.goto(f"{base_url}/konto/anmelden/")
        found["Anmeldung"] = overflow(page)
        screenshot(page, f"{name}-390-anmeldung")
        log_in(page, base_url, username)
    page.goto(base_url + path)
    found[path] = overflow(page)
    if found[path]:
        found["zu breit"] = too_wide(page)
    screenshot(page, f"{name}-390-ende")
    return found


def vevent_summaries(ics_text):
    """The SUMMARY of every VEVENT in an iCalendar text, unfolded."""
    unfolded = re.sub(r"\r?\n[ \t]", "", ics_text)
    return re.findall(r"BEGIN:VEVENT.*?^SUMMARY[^:]*:(.*?)\r?$", unfolded, flags=re.S | re.M)
