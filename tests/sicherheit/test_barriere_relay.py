"""Barriere melden is open to anyone: it must not become a way to send the portal's mail to strangers.

The confirmation goes to an address nobody verified, so it repeats nothing the sender typed; each form
display can be sent once; reports per client address and confirmations per recipient are limited.
"""

import pytest

from netzwerk_site.models import Barrieremeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/barriere-melden/"
WERBUNG = "Billige Uhren unter http://spam.example/uhren"
ABSENDER = "Ihr Gewinn wartet"


@pytest.fixture
def limits(settings):
    settings.BARRIERE_MELDEN_MIN_SEKUNDEN = 0
    settings.BARRIERE_MELDEN_PRO_STUNDE = 2
    settings.TRUSTED_PROXIES = []
    # An identical repeat within this window lands on the thank-you page before the token is looked at
    # (tests/sicherheit/test_doppelte_posts.py); these replays come later, when only the spent token stops them.
    settings.DOPPELTE_POSTS_SEKUNDEN = 0
    return settings


def formular_oeffnen(client, **headers):
    """The hidden fields of a freshly displayed form, as a browser would send them back."""
    form = client.get(URL, **headers).context["form"]
    return {field.html_name: field.value() for field in form.hidden_fields()}


def melden(client, verborgen, email="opfer@example.org", **headers):
    data = {
        "seite": "/praxisbeispiele/",
        "beschreibung": WERBUNG,
        "name": ABSENDER,
        "email": email,
        "homepage": "",
        **verborgen,
    }
    return client.post(URL, data, **headers)


def test_confirmation_repeats_neither_name_nor_text_to_the_unverified_address(
    client, site_tree, mailoutbox, limits, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        melden(client, formular_oeffnen(client))

    bestaetigung = next(m for m in mailoutbox if m.to == ["opfer@example.org"])
    html = bestaetigung.alternatives[0][0]
    assert (WERBUNG in bestaetigung.body, ABSENDER in bestaetigung.body) == (False, False)
    assert (WERBUNG in html, ABSENDER in html, "spam.example" in html) == (False, False, False)
    assert limits.REDAKTION_EMAIL in bestaetigung.body
    assert "antwortet innerhalb von sechs Wochen" in bestaetigung.body


def test_redaktion_still_receives_the_whole_report(
    client, site_tree, mailoutbox, limits, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        melden(client, formular_oeffnen(client))

    an_redaktion = next(m for m in mailoutbox if m.to == [limits.REDAKTION_EMAIL])
    assert WERBUNG in an_redaktion.body


def test_form_display_can_be_sent_only_once_and_the_second_try_keeps_the_text(
    client, site_tree, mailoutbox, limits, django_capture_on_commit_callbacks
):
    verborgen = formular_oeffnen(client)
    with django_capture_on_commit_callbacks(execute=True):
        melden(client, verborgen)

    with django_capture_on_commit_callbacks(execute=True):
        response = melden(client, verborgen)

    html = response.content.decode()
    assert response.status_code == 200
    assert Barrieremeldung.objects.count() == 1
    assert len(mailoutbox) == 2
    assert "Dieses Formular wurde bereits abgeschickt. Prüfen Sie Ihre Angaben und senden Sie es erneut." in html
    assert WERBUNG in html


def test_second_try_after_a_replay_is_accepted_with_the_new_form(client, site_tree, limits):
    verborgen = formular_oeffnen(client)
    melden(client, verborgen)
    abgelehnt = melden(client, verborgen)
    neu = {field.html_name: field.value() for field in abgelehnt.context["form"].hidden_fields()}

    response = melden(client, neu)

    assert response.status_code == 302
    assert Barrieremeldung.objects.count() == 2


def test_reports_from_one_address_are_limited_per_hour(client, site_tree, mailoutbox, limits):
    for nummer in range(2):
        melden(client, formular_oeffnen(client), email=f"person{nummer}@example.org")

    response = melden(client, formular_oeffnen(client), email="person9@example.org")

    html = response.content.decode()
    assert response.status_code == 429
    assert Barrieremeldung.objects.count() == 2
    assert (
        "Von Ihrem Anschluss sind in der letzten Stunde bereits 2 Meldungen eingegangen. Senden Sie Ihre Meldung "
        "bitte später erneut oder schreiben Sie der Redaktion eine E-Mail." in html
    )
    assert WERBUNG in html


def test_forged_forwarded_for_does_not_escape_the_address_limit(client, site_tree, limits):
    for nummer in range(2):
        melden(client, formular_oeffnen(client), email="", HTTP_X_FORWARDED_FOR=f"198.51.100.{nummer}")

    response = melden(client, formular_oeffnen(client), email="", HTTP_X_FORWARDED_FOR="198.51.100.9")

    assert response.status_code == 429
    assert Barrieremeldung.objects.count() == 2


def test_confirmations_to_one_recipient_are_limited_per_hour(client, site_tree, limits):
    for nummer in range(2):
        melden(client, formular_oeffnen(client), email="Opfer@Example.org", REMOTE_ADDR=f"198.51.100.{nummer}")

    response = melden(client, formular_oeffnen(client), email="opfer@example.org", REMOTE_ADDR="198.51.100.9")

    html = response.content.decode()
    assert response.status_code == 429
    assert Barrieremeldung.objects.count() == 2
    assert (
        "An diese E-Mail-Adresse wurden in der letzten Stunde bereits 2 Eingangsbestätigungen geschickt. Lassen Sie "
        "das Feld „E-Mail-Adresse“ leer oder senden Sie Ihre Meldung später erneut." in html
    )


def test_recipient_limit_leaves_reports_without_an_address_alone(client, site_tree, limits):
    for nummer in range(2):
        melden(client, formular_oeffnen(client), REMOTE_ADDR=f"198.51.100.{nummer}")

    response = melden(client, formular_oeffnen(client), email="", REMOTE_ADDR="198.51.100.9")

    assert response.status_code == 302
    assert Barrieremeldung.objects.count() == 3


def test_forged_form_token_names_no_internal_field(client, site_tree, limits):
    verborgen = dict.fromkeys(formular_oeffnen(client), "12345:falsch")

    response = melden(client, verborgen)

    html = response.content.decode()
    assert Barrieremeldung.objects.count() == 0
    assert "Zeitstempel" not in html
    assert "Das Formular ist ungültig oder abgelaufen. Prüfen Sie Ihre Angaben und senden Sie es erneut." in html


def test_every_display_of_the_form_gets_its_own_token_also_with_the_page_cache(client, site_tree, limits):
    limits.SEITENCACHE_SEKUNDEN = 300

    erstes, zweites = formular_oeffnen(client), formular_oeffnen(client)

    assert erstes["formular"] != zweites["formular"]
