"""A question to the Land from the asking Kommune through the Redaktion's work list and the Land office's
"Fragen an Ihre Stelle" to the answer, which reaches the asker by mail and in the header."""

import datetime

from django.utils import timezone

import pytest

from diskussionen.choices import Stand
from diskussionen.models import Diskussion
from konto.models import Benachrichtigung
from tests.journeys.conftest import ask_the_land, follow, go_to, log_in, on_small_screen, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRAGE = "Wie finanziert das Land Integrationslotsinnen in kleinen Gemeinden?"
ANTWORT = "Das Land fördert Integrationslotsinnen über die Integrationsförderung; der Antrag geht an das LSJV."
MFFKI = "Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)"
ASKER_MAIL = "integration@pirmasens.example.org"


def ask_as_pirmasens(page, base):
    log_in(page, base, "pirmasens")
    ask_the_land(page, FRAGE, "Drei Ortsgemeinden möchten gemeinsam eine Lotsin beschäftigen.")


def assign_from_the_work_list(page, base, faellig_am):
    """The Redaktion lands on the dashboard and assigns the question from the work list; returns the group's text."""
    log_in(page, base, "redaktion")
    landed = page.url
    panel = page.get_by_role("region", name="Arbeitsliste der Redaktion", exact=False)
    gruppe = panel.get_by_role("region", name="Offene Fragen an das Land", exact=False)
    gruppe_text = gruppe.inner_text()
    follow(gruppe.get_by_role("link", name=FRAGE, exact=True))
    page.get_by_label("Stelle des Landes").select_option(label=MFFKI)
    page.get_by_label("Antwort fällig am").fill(faellig_am.isoformat())
    follow(page.get_by_role("button", name="Zuweisen"))
    return landed, gruppe_text


def test_a_kommune_asks_the_land_the_redaktion_assigns_the_land_answers_and_the_asker_is_told(
    seeded, live_server, person, mailoutbox
):
    base = live_server.url
    faellig_am = timezone.localdate() + datetime.timedelta(days=10)
    ungelesen_vorher = Benachrichtigung.objects.filter(user__username="pirmasens", gelesen_am__isnull=True).count()

    ask_as_pirmasens(person(), base)
    landed, gruppe_text = assign_from_the_work_list(person(), base, faellig_am)

    assert landed == f"{base}/admin/"
    assert f"{FRAGE} – noch keiner Stelle zugewiesen" in gruppe_text

    offen = Diskussion.objects.filter(stand=Stand.OFFEN, zugewiesen_an__short_name="MFFKI").count()
    land = person()
    log_in(land, base, "ministerium")
    go_to(land, "Mein Konto")
    header_link = land.get_by_role("navigation", name="Konto").get_by_role("link", name="Fragen an Ihre Stelle")
    header_text = header_link.inner_text()
    section = land.get_by_role("region", name="Fragen an Ihre Stelle")
    entry = section.get_by_role("listitem").filter(has=land.get_by_role("link", name=FRAGE, exact=True))
    entry_text = " ".join(entry.inner_text().split())
    screenshot(land, "frage-an-das-land-konto")
    follow(entry.get_by_role("link", name=FRAGE, exact=True))
    land.get_by_label("Ihr Beitrag").fill(ANTWORT)
    follow(land.get_by_role("button", name="Als Antwort des Landes senden"))

    assert header_text == f"Fragen an Ihre Stelle ({offen} offen)"
    assert entry_text == f"{FRAGE} – Antwort fällig am {faellig_am:%d.%m.%Y}"

    answer_mails = [message.subject for message in mailoutbox if message.to == [ASKER_MAIL]]
    asker = person()
    log_in(asker, base, "pirmasens")
    notifications = asker.get_by_role("navigation", name="Konto").get_by_role("link", name="Benachrichtigungen")
    notifications_text = notifications.inner_text()
    follow(notifications)
    follow(asker.get_by_role("link", name=f"Antwort des Landes auf „{FRAGE}“", exact=True))
    lands_on_answer = asker.get_by_text(ANTWORT).is_visible()
    screenshot(asker, "frage-an-das-land-antwort")

    assert answer_mails == [f"Antwort des Landes auf „{FRAGE}“"]
    assert notifications_text == f"Benachrichtigungen ({ungelesen_vorher + 1} ungelesen)"
    assert "#beitrag-" in asker.url
    assert lands_on_answer

    small = on_small_screen(person, base, "frage-an-das-land", "/konto/", username="ministerium")

    assert small == {"Anmeldung": 0, "/konto/": 0}
