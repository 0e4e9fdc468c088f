"""The whole-page cache serves anonymous visitors, never personal pages, and follows every change."""

from django.urls import reverse

import pytest

from betrieb import page_cache
from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def cache_on(settings):
    """The page cache is off in the test settings; the cache itself starts empty (tests/conftest.py)."""
    settings.SEITENCACHE_SEKUNDEN = 300


@pytest.fixture
def beispiel(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title="Sprachcafé Kusel")


def test_second_anonymous_request_is_served_from_the_cache_with_one_query(client, beispiel, django_assert_num_queries):
    first = client.get(beispiel.url)
    with django_assert_num_queries(1):
        second = client.get(beispiel.url)

    assert first[page_cache.HEADER] == "gespeichert"
    assert second[page_cache.HEADER] == "treffer"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_publishing_a_change_shows_the_new_version_at_once(client, beispiel, django_capture_on_commit_callbacks):
    client.get(beispiel.url)

    beispiel.title = "Sprachcafé Kusel und Umgebung"
    with django_capture_on_commit_callbacks(execute=True):
        beispiel.save_revision().publish()
    response = client.get(beispiel.url)

    assert response[page_cache.HEADER] == "gespeichert"
    assert "Sprachcafé Kusel und Umgebung" in response.content.decode()


def test_unpublishing_removes_the_page_for_anonymous_visitors(client, beispiel, django_capture_on_commit_callbacks):
    client.get(beispiel.url)

    with django_capture_on_commit_callbacks(execute=True):
        beispiel.unpublish()

    assert client.get(beispiel.url).status_code == 404


def test_a_change_to_a_vocabulary_invalidates_the_lists(client, site_tree, django_capture_on_commit_callbacks):
    themenfeld = ThemenfeldFactory(title="Alter Titel")
    with django_capture_on_commit_callbacks(execute=True):
        PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[themenfeld])
    library = site_tree.praxisbeispiele.url
    assert "Alter Titel" in client.get(library).content.decode()

    themenfeld.title = "Ganz neuer Titel"
    with django_capture_on_commit_callbacks(execute=True):
        themenfeld.save()

    assert "Ganz neuer Titel" in client.get(library).content.decode()


def test_logged_in_members_neither_read_nor_fill_the_anonymous_entries(client, member, beispiel):
    client.force_login(member)

    first = client.get(beispiel.url)
    second = client.get(beispiel.url)

    # Members have entries of their own (tests/betrieb/test_mitglieder_seitencache.py).
    assert (first[page_cache.HEADER], second[page_cache.HEADER]) == ("gespeichert", "treffer")
    client.logout()
    assert client.get(beispiel.url)[page_cache.HEADER] == "gespeichert"


def test_a_page_for_members_is_not_cached_for_the_anonymous_visitor_who_is_redirected(client, site_tree):
    response = client.get(reverse("diskussionen:liste"))

    assert response.status_code == 302
    assert page_cache.HEADER not in response


def test_a_form_with_a_csrf_token_is_never_cached(client, site_tree):
    first = client.get(reverse("barriere_melden"))
    second = client.get(reverse("barriere_melden"))

    assert first.status_code == 200
    assert page_cache.HEADER not in first
    assert page_cache.HEADER not in second


def test_a_cached_calendar_feed_answers_a_conditional_request_with_304(
    client, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        index = VeranstaltungIndexPageFactory(parent=site_tree.home)
        VeranstaltungPageFactory(parent=index)
    url = reverse("veranstaltungen:kalender")
    etag = client.get(url)["ETag"]

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response[page_cache.HEADER] == "treffer"
    assert response.content == b""


def test_session_and_login_bookkeeping_do_not_invalidate(client, member, beispiel, django_capture_on_commit_callbacks):
    before = (page_cache.generation(), page_cache.member_generation())

    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(member)

    assert (page_cache.generation(), page_cache.member_generation()) == before


def test_the_cache_can_be_switched_off(client, settings, beispiel):
    settings.SEITENCACHE_SEKUNDEN = 0

    client.get(beispiel.url)

    assert page_cache.HEADER not in client.get(beispiel.url)
