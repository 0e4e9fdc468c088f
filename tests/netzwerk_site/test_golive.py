"""`manage.py bereit_fuer_betrieb`: what still blocks going live, from the core and every app."""

import io
import re
import shutil

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from netzwerk_site.seeding.schema import DEFAULT_DATA_DIR
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PLATZHALTER = "Die Seite „{}“ ({}) enthält Platzhalter: Ersetzen Sie im Admin jeden „[Platzhalter: …]“ durch den richtigen Text und veröffentlichen Sie die Seite."
DEMO_KONTO = "Das Demo-Konto „{}“ ist aktiv, sein Passwort steht im README: Löschen oder deaktivieren Sie es im Admin unter „Benutzer“."
BEISPIELTERMIN = "Die Veranstaltung „{}“ (/veranstaltungen/{}/) ist ein erfundener Beispieltermin: Löschen Sie sie im Admin oder tragen Sie Datum und Ort des echten Treffens ein."
DIALOGFORUM = BEISPIELTERMIN.replace(
    "„{}“ (/veranstaltungen/{}/)", "„Dialogforum „{}““ (/veranstaltungen/dialogforum-{}/)"
)


@pytest.fixture
def real_addresses(settings):
    settings.DEFAULT_FROM_EMAIL = "netzwerk-integration@mffki.rlp.de"
    settings.REDAKTION_EMAIL = "redaktion-netzwerk@mffki.rlp.de"


@pytest.fixture
def filled_data_dir(tmp_path):
    """A copy of the seed files whose legal pages have every placeholder filled in."""
    data_dir = tmp_path / "seed"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    seiten = data_dir / "seiten.toml"
    seiten.write_text(re.sub(r"\[Platzhalter[^\]]*\]", "eingetragen", seiten.read_text()))
    return data_dir


def check():
    out = io.StringIO()
    try:
        call_command("bereit_fuer_betrieb", stdout=out)
    except CommandError as error:
        return error.returncode, str(error), out.getvalue().splitlines()
    return 0, "", out.getvalue().splitlines()


def test_check_fails_on_the_demo_seed_and_says_what_to_do(settings):
    settings.DEFAULT_FROM_EMAIL = "netzwerk-integration@example.org"
    settings.REDAKTION_EMAIL = "redaktion@example.org"
    call_command("seed_netzwerk", "--demo", stdout=io.StringIO())

    returncode, message, lines = check()

    assert returncode == 1
    assert (
        message
        == "18 Punkte blockieren den Betrieb. Erledigen Sie die genannten Schritte und rufen Sie den Befehl erneut auf."
    )
    assert lines == [
        "- Die Einstellung DEFAULT_FROM_EMAIL ist die Beispieladresse „netzwerk-integration@example.org“: Setzen Sie die Umgebungsvariable DEFAULT_FROM_EMAIL auf eine echte Adresse.",
        "- Die Einstellung REDAKTION_EMAIL ist die Beispieladresse „redaktion@example.org“: Setzen Sie die Umgebungsvariable REDAKTION_EMAIL auf eine echte Adresse.",
        "- Die Seite „Netzwerktreffen des interkommunalen Netzwerks Integration“ (/veranstaltungen/netzwerktreffen-interkommunales-netzwerk/) nennt die Beispieladresse „https://konferenz.example.org/netzwerktreffen“: Tragen Sie im Admin die echte Adresse ein und veröffentlichen Sie die Seite.",
        "- " + PLATZHALTER.format("Impressum", "/impressum/"),
        "- " + PLATZHALTER.format("Datenschutzerklärung", "/datenschutz/"),
        "- " + PLATZHALTER.format("Erklärung zur Barrierefreiheit", "/barrierefreiheit/"),
        "- " + DEMO_KONTO.format("ministerium"),
        "- " + DEMO_KONTO.format("pirmasens"),
        "- " + DEMO_KONTO.format("redaktion"),
        "- "
        + BEISPIELTERMIN.format(
            "Netzwerktreffen des interkommunalen Netzwerks Integration", "netzwerktreffen-interkommunales-netzwerk"
        ),
        "- " + BEISPIELTERMIN.format("Runder Tisch Sprachbildung", "runder-tisch-sprachbildung"),
        "- " + BEISPIELTERMIN.format("Vernetzungstreffen Sprachbildung", "vernetzungstreffen-sprachbildung"),
        "- " + DIALOGFORUM.format("Ankommen und Orientierung", "ankommen-und-orientierung"),
        "- "
        + DIALOGFORUM.format(
            "Deutscherwerb, Sprachbildung, Sprachmittlung", "deutscherwerb-sprachbildung-sprachmittlung"
        ),
        "- " + BEISPIELTERMIN.format("Fachtag „Verein und Ehrenamt“", "fachtag-verein-und-ehrenamt"),
        "- " + DIALOGFORUM.format("Bildung (Kita, Schule, berufliche Orientierung)", "bildung"),
        "- " + DIALOGFORUM.format("Arbeitsmarkt, Beschäftigung, berufliche Bildung", "arbeitsmarkt"),
        "- " + DIALOGFORUM.format("Integration in den sozialen Raum", "integration-in-den-sozialen-raum"),
    ]


def test_check_passes_on_a_seed_without_demo_whose_placeholders_are_filled(real_addresses, filled_data_dir):
    call_command("seed_netzwerk", "--data-dir", filled_data_dir, stdout=io.StringIO())

    returncode, message, lines = check()

    assert (returncode, message, lines) == (0, "", ["Nichts blockiert den Betrieb."])


def test_check_names_an_active_account_with_an_example_address_but_not_a_deactivated_one(real_addresses):
    UserFactory(username="pruefung", email="pruefung@kreis.example")
    UserFactory(username="ehemalig", email="ehemalig@example.org", is_active=False)

    returncode, message, lines = check()

    assert (returncode, message) == (
        1,
        "Ein Punkt blockiert den Betrieb. Erledigen Sie die genannten Schritte und rufen Sie den Befehl erneut auf.",
    )
    assert lines == [
        "- Das Konto „pruefung“ hat die Beispieladresse „pruefung@kreis.example“: Tragen Sie im Admin unter „Benutzer“ die echte E-Mail-Adresse ein oder deaktivieren Sie das Konto."
    ]
