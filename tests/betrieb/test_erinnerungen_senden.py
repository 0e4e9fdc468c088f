"""manage.py erinnerungen_senden: reminders of Fragen an das Land 3 working days before and after the due date."""

from datetime import date
from io import StringIO

from django.core import mail as outbox
from django.core.management import call_command
from django.utils import timezone

import pytest

from diskussionen.choices import Stand
from diskussionen.erinnerungen import arbeitstage_vor, frage_erinnern
from konto.models import Benachrichtigung
from konto.roles import Rolle
from netzwerk_site import erinnerungen
from tests.factories.diskussionen import DiskussionFactory
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import OrganisationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# Tuesday; three working days before it is the Thursday before the weekend.
FAELLIG = date(2026, 12, 8)
DONNERSTAG_DAVOR = date(2026, 12, 3)


@pytest.fixture
def frage(groups):
    stelle = OrganisationFactory(name="Ministerium für Familie")
    UserFactory(email="land@example.org", rolle=Rolle.MITGLIED_LAND, organisation=stelle)
    UserFactory(email="andere-stelle@example.org", rolle=Rolle.MITGLIED_LAND, organisation=OrganisationFactory())
    UserFactory(email="redaktion@example.org", rolle=Rolle.REDAKTION)
    UserFactory(email="ehemals@example.org", rolle=Rolle.MITGLIED_LAND, organisation=stelle, is_active=False)
    return DiskussionFactory(
        title="Wer zahlt die Sprachmittlung?", is_frage_an_land=True, zugewiesen_an=stelle, faellig_am=FAELLIG
    )


def run_on(day, monkeypatch, capture):
    monkeypatch.setattr(timezone, "localdate", lambda *args: day)
    output = StringIO()
    with capture(execute=True):
        call_command("erinnerungen_senden", stdout=output)
    return output.getvalue()


def sent():
    return sorted((message.to[0], message.subject) for message in outbox.outbox)


def test_three_working_days_before_counts_back_across_the_weekend():
    assert [arbeitstage_vor(FAELLIG, n) for n in (1, 2, 3)] == [date(2026, 12, 7), date(2026, 12, 4), DONNERSTAG_DAVOR]


def test_the_reminder_before_the_due_date_reaches_the_organisation_and_the_redaktion_once(
    frage, monkeypatch, django_capture_on_commit_callbacks
):
    run_on(date(2026, 12, 2), monkeypatch, django_capture_on_commit_callbacks)
    assert sent() == []

    first = run_on(DONNERSTAG_DAVOR, monkeypatch, django_capture_on_commit_callbacks)
    second = run_on(DONNERSTAG_DAVOR, monkeypatch, django_capture_on_commit_callbacks)
    run_on(date(2026, 12, 7), monkeypatch, django_capture_on_commit_callbacks)

    betreff = "Erinnerung: Frage an das Land fällig am 8. Dezember 2026"
    assert sent() == [("land@example.org", betreff), ("redaktion@example.org", betreff)]
    assert f"/diskussionen/{frage.pk}/" in outbox.outbox[0].body
    assert ("diskussionen.erinnerungen.frage_erinnern: 2" in first, "frage_erinnern: 0" in second) == (True, True)
    assert sorted(Benachrichtigung.objects.values_list("schluessel", flat=True)) == [f"frage:{frage.pk}:vorher"] * 2


def test_nothing_more_on_the_due_date_and_the_overdue_reminder_once_the_day_after(
    frage, monkeypatch, django_capture_on_commit_callbacks
):
    run_on(DONNERSTAG_DAVOR, monkeypatch, django_capture_on_commit_callbacks)
    outbox.outbox.clear()

    run_on(FAELLIG, monkeypatch, django_capture_on_commit_callbacks)
    assert sent() == []
    run_on(date(2026, 12, 9), monkeypatch, django_capture_on_commit_callbacks)
    run_on(date(2026, 12, 9), monkeypatch, django_capture_on_commit_callbacks)
    run_on(date(2026, 12, 10), monkeypatch, django_capture_on_commit_callbacks)

    betreff = "Überfällig: Frage an das Land seit dem 8. Dezember 2026 fällig"
    assert sent() == [("land@example.org", betreff), ("redaktion@example.org", betreff)]


def test_answered_and_unassigned_questions_get_no_reminder(frage):
    frage.stand = Stand.BEANTWORTET
    frage.save()
    DiskussionFactory(is_frage_an_land=True, faellig_am=FAELLIG)

    assert frage_erinnern(date(2026, 12, 9)) == 0


def test_the_diskussionen_reminder_is_registered_with_the_command():
    assert frage_erinnern in erinnerungen.registered()


def test_the_command_runs_every_registered_reminder_and_counts_what_each_returned(monkeypatch):
    def zwei_erinnert(today):
        return ["a", "b"]

    def keine(today):
        return 0

    monkeypatch.setattr(erinnerungen, "_functions", [])
    erinnerungen.register(zwei_erinnert)
    erinnerungen.register(keine)
    erinnerungen.register(keine)
    output = StringIO()

    call_command("erinnerungen_senden", stdout=output)

    assert output.getvalue().splitlines() == [
        f"{__name__}.zwei_erinnert: 2",
        f"{__name__}.keine: 0",
        "Statistiken der Datenbank aktualisiert.",
    ]
