"""manage.py erinnerungen_senden runs the reminders of every app: Fragen an das Land, barrier reports, reviews."""

import os
import subprocess
import sys
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

from django.core import mail as outbox
from django.core.management import call_command
from django.utils import timezone

import pytest

from diskussionen.erinnerungen import frage_erinnern
from konto.roles import Rolle
from netzwerk_site import erinnerungen
from netzwerk_site.barrieren import barriere_erinnern
from netzwerk_site.models import Barrieremeldung
from praxisbeispiele.erinnerungen import pruefung_erinnern
from tests.factories.diskussionen import DiskussionFactory
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import OrganisationFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BERLIN = ZoneInfo("Europe/Berlin")
# A Thursday: the question is due the next Tuesday, the barrier report came in 40 days before (deadline in two
# days), the Praxisbeispiel was last reviewed more than a year before.
HEUTE = date(2026, 12, 3)
DREI = {
    "diskussionen.erinnerungen.frage_erinnern",
    "netzwerk_site.barrieren.barriere_erinnern",
    "praxisbeispiele.erinnerungen.pruefung_erinnern",
}


@pytest.fixture
def faellig(site_tree, groups):
    stelle = OrganisationFactory(name="Ministerium für Familie")
    UserFactory(email="land@example.org", rolle=Rolle.MITGLIED_LAND, organisation=stelle)
    UserFactory(email="redaktion@example.org", rolle=Rolle.REDAKTION)
    einreicherin = UserFactory(email="kommune@example.org", rolle=Rolle.MITGLIED_KOMMUNE)
    DiskussionFactory(title="Sprachmittlung", is_frage_an_land=True, zugewiesen_an=stelle, faellig_am=date(2026, 12, 8))
    meldung = Barrieremeldung.objects.create(beschreibung="Die Karte ist ohne Maus nicht bedienbar.")
    Barrieremeldung.objects.filter(pk=meldung.pk).update(created_at=datetime(2026, 10, 24, 10, tzinfo=BERLIN))
    page = PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele,
        title="Sprachcafé",
        zuletzt_geprueft=date(2025, 11, 1),
        eingereicht_von=einreicherin,
    )
    page.first_published_at = datetime(2024, 1, 10, 12, tzinfo=BERLIN)
    page.save()


def run(monkeypatch, capture):
    echt = timezone.localdate
    # Only "today" is moved: the date of a stored time stays what it was.
    monkeypatch.setattr(timezone, "localdate", lambda value=None, *args: HEUTE if value is None else echt(value))
    output = StringIO()
    with capture(execute=True):
        call_command("erinnerungen_senden", stdout=output)
    # Other registered reminders (e.g. the weekly digest) may also report; these three are under test here.
    return sorted(line for line in output.getvalue().splitlines() if line.split(":")[0] in DREI)


def sent():
    return sorted((message.to[0], message.subject) for message in outbox.outbox)


def test_every_apps_reminder_is_registered_with_the_command():
    assert {frage_erinnern, barriere_erinnern, pruefung_erinnern} <= set(erinnerungen.registered())


def test_django_setup_alone_registers_the_reminders_as_the_command_sees_them():
    # A fresh process: only the AppConfigs' ready() imports, none of this test module's, register the functions.
    code = (
        "import django; django.setup(); from netzwerk_site import erinnerungen; "
        "print(*sorted(f'{f.__module__}.{f.__name__}' for f in erinnerungen.registered()))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "netzwerk_site.settings.test"}

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)  # noqa: S603

    assert DREI - set(result.stdout.split()) == set()


def test_the_command_sends_each_apps_reminders_once_and_nothing_on_a_second_run(
    faellig, monkeypatch, django_capture_on_commit_callbacks
):
    erster = run(monkeypatch, django_capture_on_commit_callbacks)
    gesendet = sent()
    run(monkeypatch, django_capture_on_commit_callbacks)

    assert erster == [
        "diskussionen.erinnerungen.frage_erinnern: 2",
        "netzwerk_site.barrieren.barriere_erinnern: 1",
        "praxisbeispiele.erinnerungen.pruefung_erinnern: 1",
    ]
    assert gesendet == [
        ("kommune@example.org", "Ist das noch aktuell? „Sprachcafé“"),
        ("land@example.org", "Erinnerung: Frage an das Land fällig am 8. Dezember 2026"),
        ("redaktion@example.org", "Barrieremeldung offen: Antwortfrist endet am 05.12.2026"),
        ("redaktion@example.org", "Erinnerung: Frage an das Land fällig am 8. Dezember 2026"),
    ]
    assert sent() == gesendet
