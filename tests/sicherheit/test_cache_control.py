"""Personal answers tell the browser not to keep them; public pages for visitors stay cacheable."""

from types import SimpleNamespace

from django.http import HttpResponse

import pytest

from betrieb.cache_control import PrivateCacheControlMiddleware
from tests.conftest import close_response
from tests.sicherheit.conftest import client_fuer

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# Each URL answers a member 200 with something only she may see (or, for the home page, with her name).
PERSOENLICH = {
    "konto": lambda welt: "/konto/",
    "datenexport": lambda welt: "/konto/meine-daten.zip",
    "diskussion": lambda welt: f"/diskussionen/{welt.diskussion.pk}/",
    "anhang": lambda welt: f"/diskussionen/anhang/{welt.anhang.pk}/",
    "suche": lambda welt: "/suche/?q=Sicherheit",
    "api-suche": lambda welt: "/api/suche/?q=Sicherheit",
    "startseite": lambda welt: "/",
}


def _directives(response):
    return {word.strip() for word in response.get("Cache-Control", "").split(",") if word.strip()}


@pytest.mark.parametrize("ort", PERSOENLICH)
def test_answers_to_a_member_are_private_and_not_stored(welt, ort):
    client = client_fuer("mitglied_kommune", welt)

    response = client.get(PERSOENLICH[ort](welt))
    close_response(response)

    assert (response.status_code, _directives(response) >= {"private", "no-store"}) == (200, True)
    assert "Cookie" in response["Vary"]


def test_public_page_for_an_anonymous_visitor_stays_cacheable(welt):
    response = client_fuer("anonym", welt).get("/")

    assert (response.status_code, _directives(response) & {"private", "no-store"}) == (200, set())


@pytest.mark.unit
def test_stricter_words_a_view_chose_are_kept(rf):
    view_response = HttpResponse()
    view_response["Cache-Control"] = "max-age=0, no-cache, must-revalidate, public"
    request = rf.get("/")
    request.user = SimpleNamespace(is_authenticated=True)

    response = PrivateCacheControlMiddleware(lambda request: view_response)(request)

    assert _directives(response) == {"max-age=0", "no-cache", "must-revalidate", "private", "no-store"}
