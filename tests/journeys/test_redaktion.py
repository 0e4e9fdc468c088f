"""The Redaktion finds an open question to the Land in the Wagtail admin and assigns it with a due date."""

import datetime

from django.utils import timezone

import pytest

from konto.models import User
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.journeys.conftest import assign_in_admin, log_in, on_small_screen, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRAGE = "Gilt die neue Verwaltungsvorschrift auch für Sprachkurse der Kommunen?"
MFFKI = "Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)"


def test_the_redaktion_assigns_an_open_question_to_a_land_organisation_with_a_due_date(seeded, live_server, person):
    asker = User.objects.get(username="pirmasens")
    BeitragFactory(diskussion=DiskussionFactory(title=FRAGE, author=asker, is_frage_an_land=True), author=asker)
    faellig_am = timezone.localdate() + datetime.timedelta(days=14)
    base = live_server.url
    page = person()

    log_in(page, base, "redaktion")
    landed_in_admin = page.url == f"{base}/admin/"
    row = assign_in_admin(page, FRAGE, MFFKI, faellig_am)
    screenshot(page, "redaktion-zugewiesen")

    assert landed_in_admin
    assert page.get_by_text(f"Die Frage ist {MFFKI} zugewiesen.").count() == 1
    assert f"{MFFKI}, fällig am {faellig_am:%d.%m.%Y}" in row.inner_text()

    small = on_small_screen(person, base, "redaktion", "/admin/diskussionen/?frage=1", username="redaktion")

    assert small["Anmeldung"] == 0
