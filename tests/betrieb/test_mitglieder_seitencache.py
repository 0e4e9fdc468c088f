"""Members get cached pages: the body per visibility class, their personal parts filled per request."""

import re

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from betrieb import page_cache
from diskussionen.models import Beitrag
from netzwerk_site import persoenlich
from praxisbeispiele.choices import UebernahmeStand
from praxisbeispiele.models import Uebernahme
from tests.betrieb import mitglieder_welt

pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.usefixtures("seitencache_an")]


def _entry():
    keys = [key for key in cache._cache if f":{page_cache.MITGLIEDER_PREFIX}:" in key]
    assert len(keys) == 1
    return cache.get(keys[0].split(":", 2)[2])


def test_a_members_second_request_is_a_hit_with_her_own_csrf_token(client, welt):
    anna = welt.users["kommune_a"]

    first, first_html = mitglieder_welt.get(client, anna, welt.urls["praxisbeispiel"])
    second = client.get(welt.urls["praxisbeispiel"])

    assert first[page_cache.HEADER] == "gespeichert"
    assert second[page_cache.HEADER] == "treffer"
    assert mitglieder_welt.CSRF_VALUE.sub(r"\1…\2", second.content.decode()) == first_html
    assert client.cookies["csrftoken"].value
    assert (first["Cache-Control"], second["Cache-Control"]) == ("private, no-store", "private, no-store")
    assert second["Vary"] == first["Vary"] == "Cookie, Accept-Language"


def test_a_member_of_another_kommune_gets_the_same_body_with_her_own_adoption_form(client, welt):
    mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["praxisbeispiel"])

    response, html = mitglieder_welt.get(client, welt.users["kommune_b"], welt.urls["praxisbeispiel"])

    assert response[page_cache.HEADER] == "treffer"
    assert "Übernahme Ihrer Kommune ändern" not in html
    assert "Ihre Kommune hat das Beispiel übernommen?" in html
    assert "Übernahme zurückziehen" not in html


def test_each_visibility_class_has_its_own_entry(client, welt):
    mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["bibliothek"])

    land, _html = mitglieder_welt.get(client, welt.users["land"], welt.urls["bibliothek"])
    redaktion, _html = mitglieder_welt.get(client, welt.users["redaktion"], welt.urls["bibliothek"])
    anonym, _html = mitglieder_welt.get(client, None, welt.urls["bibliothek"])

    assert land[page_cache.HEADER] == "gespeichert"
    assert redaktion[page_cache.HEADER] == "gespeichert"
    assert anonym[page_cache.HEADER] == "gespeichert"


def test_superusers_and_pages_that_did_not_declare_themselves_are_built_cold(client, welt, admin_user):
    _response, _html = mitglieder_welt.get(client, admin_user, welt.urls["bibliothek"])
    again = client.get(welt.urls["bibliothek"])
    mitglieder_welt.get(client, welt.users["kommune_a"], reverse("konto:benachrichtigungen"))
    konto = client.get(reverse("konto:benachrichtigungen"))

    assert page_cache.HEADER not in again
    assert page_cache.HEADER not in konto


def test_a_new_adoption_shows_to_the_next_member_at_once(client, welt, django_capture_on_commit_callbacks):
    mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["praxisbeispiel"])

    with django_capture_on_commit_callbacks(execute=True):
        Uebernahme.objects.create(praxisbeispiel=welt.beispiel, kommune=welt.kommune_b, stand=UebernahmeStand.UMGESETZT)
    response, html = mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["praxisbeispiel"])

    assert response[page_cache.HEADER] == "gespeichert"
    assert f"{welt.kommune_b.display_name}</a>: umgesetzt" in html


def test_a_members_only_change_leaves_the_anonymous_entries_alone(client, welt, django_capture_on_commit_callbacks):
    mitglieder_welt.get(client, None, welt.urls["bibliothek"])
    before = (page_cache.generation(), page_cache.member_generation())

    with django_capture_on_commit_callbacks(execute=True):
        Beitrag.objects.create(diskussion=welt.diskussion, author=welt.users["kommune_a"], body="Nur für Mitglieder.")
    anonym, _html = mitglieder_welt.get(client, None, welt.urls["bibliothek"])

    assert page_cache.generation() == before[0]
    assert page_cache.member_generation() > before[1]
    assert anonym[page_cache.HEADER] == "treffer"


def test_a_new_post_shows_to_the_next_member_at_once(client, welt, django_capture_on_commit_callbacks):
    mitglieder_welt.get(client, welt.users["kommune_b"], welt.urls["diskussion"])

    with django_capture_on_commit_callbacks(execute=True):
        Beitrag.objects.create(diskussion=welt.diskussion, author=welt.users["kommune_a"], body="Ganz frisch.")
    response, html = mitglieder_welt.get(client, welt.users["kommune_b"], welt.urls["diskussion"])

    assert response[page_cache.HEADER] == "gespeichert"
    assert "Ganz frisch." in html


def test_a_placeholder_typed_into_a_post_is_shown_as_text(client, welt, django_capture_on_commit_callbacks):
    mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["diskussion"])
    forged = persoenlich.platzhalter(_entry()["nonce"], 0)

    with django_capture_on_commit_callbacks(execute=True):
        Beitrag.objects.create(diskussion=welt.diskussion, author=welt.users["kommune_b"], body=f"Trick {forged} Ende")
    first, _html = mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["diskussion"])
    second, html = mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["diskussion"])

    assert (first[page_cache.HEADER], second[page_cache.HEADER]) == ("gespeichert", "treffer")
    assert f"Trick {forged} Ende" in html


def test_a_placeholder_typed_into_a_praxisbeispiel_is_shown_as_text(client, welt, django_capture_on_commit_callbacks):
    mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["praxisbeispiel"])
    forged = persoenlich.platzhalter(_entry()["nonce"], 0)

    welt.beispiel.summary = f"Zusammenfassung {forged}"
    with django_capture_on_commit_callbacks(execute=True):
        welt.beispiel.save_revision().publish()
    mitglieder_welt.get(client, welt.users["kommune_b"], welt.urls["praxisbeispiel"])
    response, html = mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["praxisbeispiel"])

    assert response[page_cache.HEADER] == "treffer"
    assert f"Zusammenfassung {forged}" in html


def test_no_answer_ever_contains_a_placeholder(client, welt):
    for seite in mitglieder_welt.SEITEN:
        for viewer in ("kommune_a", "land", "redaktion"):
            _response, html = mitglieder_welt.get(client, welt.users[viewer], welt.urls[seite])

            assert "persoenlich" not in html, (seite, viewer)


def test_a_page_under_a_password_is_never_cached_for_members(client, welt):
    PageViewRestriction.objects.create(
        page=welt.beispiel, restriction_type=PageViewRestriction.PASSWORD, password="Geheim-123"
    )

    response, _html = mitglieder_welt.get(client, welt.users["kommune_a"], welt.urls["praxisbeispiel"])

    assert response.status_code == 200
    assert page_cache.HEADER not in response


def test_the_form_of_a_cached_page_posts_with_the_members_own_csrf_token(welt):
    csrf_client = Client(enforce_csrf_checks=True)
    mitglieder_welt.get(csrf_client, welt.users["kommune_a"], welt.urls["praxisbeispiel"])
    response, _html = mitglieder_welt.get(csrf_client, welt.users["kommune_b"], welt.urls["praxisbeispiel"])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)

    posted = csrf_client.post(
        reverse("praxisbeispiele:uebernahme_speichern", args=[welt.beispiel.pk]),
        {"stand": UebernahmeStand.GEPLANT, "notiz": "", "csrfmiddlewaretoken": token},
    )

    assert response[page_cache.HEADER] == "treffer"
    assert posted.status_code == 302
    assert Uebernahme.objects.filter(praxisbeispiel=welt.beispiel, kommune=welt.kommune_b).exists()
