"""A question to the Land across four people: asked, assigned, answered in one step, seen as answered."""

import datetime

from django.utils import timezone

import pytest

from tests.journeys.conftest import ask_the_land, assign_in_admin, follow, go_to, log_in, on_small_screen, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRAGE = "Welche Landesmittel gibt es für Sprachmittlung in Beratungsstellen?"
ANTWORT = "Das Land fördert Sprachmittlung über das Landesprogramm; Anträge stellen Sie bis März."
MFFKI = "Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)"


def open_thread(page, title):
    go_to(page, "Diskussionen")
    return follow(page.get_by_role("link", name=title, exact=True))


def test_a_question_to_the_land_is_assigned_answered_in_one_step_and_the_asker_sees_the_answer(
    seeded, live_server, person, mailoutbox
):
    base = live_server.url
    faellig_am = timezone.localdate() + datetime.timedelta(days=14)

    asker = person()
    log_in(asker, base, "pirmasens")
    ask_the_land(asker, FRAGE, "Wir suchen eine Förderung für Dolmetschende in der Migrationsberatung.")

    redaktion = person()
    log_in(redaktion, base, "redaktion")
    assign_in_admin(redaktion, FRAGE, MFFKI, faellig_am)

    land = person()
    log_in(land, base, "ministerium")
    open_thread(land, FRAGE)
    land.get_by_label("Ihr Beitrag").fill(ANTWORT)
    follow(land.get_by_role("button", name="Als Antwort des Landes senden"))
    land_sees = land.get_by_text(f"beantwortet am {timezone.localdate():%d.%m.%Y} von {MFFKI}").count()

    asker_again = person()
    log_in(asker_again, base, "pirmasens")
    open_thread(asker_again, FRAGE)
    answered = asker_again.get_by_text(f"beantwortet am {timezone.localdate():%d.%m.%Y} von {MFFKI}").count()
    still_due = asker_again.get_by_text("Antwort fällig am").count()
    screenshot(asker_again, "land-beantwortet")
    answer_mails = [message.subject for message in mailoutbox if message.to == ["integration@pirmasens.example.org"]]

    assert land_sees >= 1
    assert answered >= 1
    assert still_due == 0
    assert f"Antwort des Landes auf „{FRAGE}“" in answer_mails

    thread_path = asker_again.url.removeprefix(base)
    small = on_small_screen(person, base, "land", thread_path, username="ministerium")

    assert small == {"Anmeldung": 0, thread_path: 0}
