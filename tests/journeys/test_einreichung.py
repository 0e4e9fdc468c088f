"""A submission's whole way: a member proposes an example, the Redaktion asks for changes, she revises it from
/konto/, the Redaktion approves, and the Praxisbeispiel is live for every visitor."""

import re

import pytest

from tests.journeys.conftest import follow, go_to, log_in, on_small_screen, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITEL = "Sprachpatenschaften in Pirmasens"
KOMMENTAR = "Bitte nennen Sie, wer die Patenschaften finanziert."


def open_in_admin(page, base, title):
    """The Redaktion finds the submission on its admin start page and opens it for review."""
    page.goto(base + "/admin/")
    follow(page.get_by_role("link", name=title).first)


def workflow_action(page, action, comment):
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name=action).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Kommentar").fill(comment)
    follow(dialog.get_by_role("button", name=re.compile(r"^(Freigeben|Änderungen anfordern|Absenden)")).first)


def test_a_member_revises_her_submission_after_the_redaktion_asked_for_changes_and_it_goes_live(
    seeded, live_server, person, mailoutbox
):
    base = live_server.url

    member = person()
    log_in(member, base, "pirmasens")
    go_to(member, "Praxisbeispiele")
    follow(member.get_by_role("link", name="Praxisbeispiel einreichen"))
    member.get_by_label("Titel").fill(TITEL)
    member.get_by_label("Zusammenfassung").fill("Ehrenamtliche begleiten neu zugewanderte Familien im Alltag.")
    member.get_by_label("Beschreibung").fill("Patinnen und Paten treffen ihre Familien jede Woche.")
    member.get_by_role("checkbox", name="Integration in den sozialen Raum").check()
    follow(member.get_by_role("button", name="Einreichen"))
    submitted = member.get_by_role("heading", level=1).inner_text()

    redaktion = person()
    log_in(redaktion, base, "redaktion")
    open_in_admin(redaktion, base, TITEL)
    workflow_action(redaktion, "Änderungen anfordern", KOMMENTAR)

    go_to(member, "Mein Konto")
    comment_shown = member.get_by_text(KOMMENTAR).count()
    follow(member.get_by_role("link", name=re.compile(r"^Einreichung überarbeiten")))
    member.get_by_label("Beschreibung").fill(
        "Patinnen und Paten treffen ihre Familien jede Woche.\n\nDie Stadt Pirmasens finanziert die Fahrtkosten."
    )
    follow(member.get_by_role("button", name=re.compile("Überarbeitung")))
    resubmitted = member.get_by_role("heading", level=1).inner_text()

    open_in_admin(redaktion, base, TITEL)
    workflow_action(redaktion, "Freigeben und veröffentlichen", "Vielen Dank, jetzt ist alles da.")

    visitor = person()
    response = visitor.goto(base + "/praxisbeispiele/sprachpatenschaften-in-pirmasens/")
    live_heading = visitor.get_by_role("heading", level=1).inner_text()
    live_text = visitor.locator("main").inner_text()
    screenshot(visitor, "einreichung-live")
    mails = [m.subject for m in mailoutbox if m.to == ["integration@pirmasens.example.org"]]

    assert submitted and resubmitted
    assert comment_shown >= 1
    assert (response.status, live_heading) == (200, TITEL)
    assert "Die Stadt Pirmasens finanziert die Fahrtkosten." in live_text
    assert len(mails) >= 2, mails

    small = on_small_screen(person, base, "einreichung", "/praxisbeispiele/sprachpatenschaften-in-pirmasens/")
    assert small == {"/praxisbeispiele/sprachpatenschaften-in-pirmasens/": 0}
