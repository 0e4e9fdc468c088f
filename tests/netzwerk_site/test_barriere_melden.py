"""Barriere melden: anonymous, protected by honeypot and form token, nothing lost, Redaktion told."""

import time

from django.test import override_settings

import pytest

from netzwerk_site.barrieren import new_token
from netzwerk_site.models import Barrieremeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/barriere-melden/"


def formular(seconds_ago):
    return new_token(shown_at=time.time() - seconds_ago)


def report(client, seconds_ago=10, **overrides):
    data = {
        "seite": "/praxisbeispiele/",
        "beschreibung": "Die Filter lassen sich mit dem Screenreader nicht bedienen.",
        "name": "Erika Beispiel",
        "email": "erika@example.org",
        "homepage": "",
        "formular": formular(seconds_ago),
        **overrides,
    }
    return client.post(URL, data)


def test_anonymous_report_is_stored_and_confirmed(
    client, site_tree, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = report(client)

    assert response.status_code == 302
    assert response.url == "/barriere-melden/danke/"
    assert list(Barrieremeldung.objects.values_list("seite", "email")) == [("/praxisbeispiele/", "erika@example.org")]
    assert [(m.subject, m.to) for m in mailoutbox] == [
        ("Neue Barrieremeldung", [settings.REDAKTION_EMAIL]),
        ("Ihre Barrieremeldung ist eingegangen", ["erika@example.org"]),
    ]


def test_report_without_address_only_notifies_redaktion(
    client, site_tree, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report(client, name="", email="")

    assert [m.to for m in mailoutbox] == [[settings.REDAKTION_EMAIL]]


def test_filled_honeypot_is_refused(client, site_tree, mailoutbox):
    response = report(client, homepage="http://spam.example")

    assert response.status_code == 200
    assert Barrieremeldung.objects.count() == 0
    assert mailoutbox == []


@override_settings(BARRIERE_MELDEN_MIN_SEKUNDEN=3)
def test_form_sent_too_fast_is_refused_and_keeps_the_text(client, site_tree):
    response = report(client, seconds_ago=0.5)

    html = response.content.decode()
    assert response.status_code == 200
    assert Barrieremeldung.objects.count() == 0
    assert "Das Formular wurde sehr schnell abgeschickt" in html
    assert "Die Filter lassen sich mit dem Screenreader nicht bedienen." in html


def test_forged_timestamp_is_refused(client, site_tree):
    response = report(client, formular="12345:falsch")

    assert response.status_code == 200
    assert Barrieremeldung.objects.count() == 0


def test_missing_description_gives_a_german_error_and_keeps_the_rest(client, site_tree):
    response = report(client, beschreibung="")

    html = response.content.decode()
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert 'value="Erika Beispiel"' in html
    assert Barrieremeldung.objects.count() == 0


def test_form_prefills_the_page_the_visitor_came_from(client, site_tree):
    response = client.get(URL, {"seite": "/kommunen/"})

    assert response.context["form"].initial["seite"] == "/kommunen/"


def test_redaktion_sees_reports_in_the_admin(editor_client, site_tree):
    Barrieremeldung.objects.create(beschreibung="Kontrast im Kopfbereich zu gering.")

    response = editor_client.get("/admin/snippets/netzwerk_site/barrieremeldung/")

    assert response.status_code == 200
    assert "Kontrast im Kopfbereich zu gering." in response.content.decode()
