"""A logged-in user outside the network meets the same refusal on a members-only view of every app."""

from django.urls import reverse

import pytest

from tests.sicherheit.conftest import client_fuer

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NUR_MITGLIEDER = (
    "Dieser Bereich ist nur für Mitglieder des Netzwerks Integration. Wenn Sie mitarbeiten möchten, bitten Sie "
    "die Redaktion um eine Einladung."
)

# (method, URL name, argument from the shared objects); POST-only views are asked with POST.
MITGLIEDER_ANSICHTEN = [
    ("get", "diskussionen:liste", None),
    ("get", "diskussionen:diskussion", "diskussion"),
    ("post", "diskussionen:antworten", "diskussion"),
    ("get", "diskussionen:bearbeiten", "beitrag"),
    ("get", "einreichung:einreichen", None),
    ("get", "einreichung:danke", "einreichung"),
    ("post", "praxisbeispiele:uebernahme_speichern", "praxisbeispiel"),
    ("post", "praxisbeispiele:kontakt_widerrufen", "praxisbeispiel"),
    ("post", "veranstaltungen:anmelden", "veranstaltung"),
    ("get", "veranstaltungen:teilnehmende", "veranstaltung"),
    ("post", "kalender:erneuern", None),
]


def _url(welt, name, objekt):
    return reverse(name, kwargs={"pk": getattr(welt, objekt).pk}) if objekt else reverse(name)


@pytest.mark.parametrize(
    ("methode", "name", "objekt"), MITGLIEDER_ANSICHTEN, ids=[n for _, n, _ in MITGLIEDER_ANSICHTEN]
)
def test_user_without_network_role_gets_the_refusal_page(welt, methode, name, objekt):
    client = client_fuer("ohne_rolle", welt)

    response = getattr(client, methode)(_url(welt, name, objekt))

    html = response.content.decode()
    assert (response.status_code, response.context["message"]) == (403, NUR_MITGLIEDER)
    assert '<header class="site-header">' in html
    assert '<html lang="de">' in html
    assert '<h1 class="kern-heading-x-large">Kein Zugriff</h1>' in html
    assert NUR_MITGLIEDER in html


@pytest.mark.parametrize(
    ("methode", "name", "objekt"), MITGLIEDER_ANSICHTEN, ids=[n for _, n, _ in MITGLIEDER_ANSICHTEN]
)
def test_anonymous_visitor_is_sent_to_the_login_instead(welt, methode, name, objekt):
    url = _url(welt, name, objekt)

    response = getattr(client_fuer("anonym", welt), methode)(url)

    assert (response.status_code, response["Location"]) == (302, f"/konto/anmelden/?next={url}")
