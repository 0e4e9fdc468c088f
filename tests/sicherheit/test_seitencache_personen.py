"""No viewer ever gets another viewer's personal bits or a higher class's content from the page cache.

For every page type members get from the cache and every ordered pair of viewers (anonymous, member of
Kommune A, member of Kommune B, Land member, Redaktion): X fills the cache, then Y's answer must equal what
Y gets with the cache switched off (CSRF token value blanked), and must not contain X's CSRF token.
"""

from itertools import permutations

from django.core.cache import cache

import pytest

from betrieb import page_cache
from diskussionen.models import Beitrag
from praxisbeispiele.choices import UebernahmeStand
from praxisbeispiele.models import Uebernahme
from tests.betrieb import mitglieder_welt
from tests.betrieb.mitglieder_welt import VIEWERS
from veranstaltungen.choices import AnmeldungStatus
from veranstaltungen.models import Anmeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
PAIRS = list(permutations(VIEWERS, 2))


@pytest.fixture
def welt(site_tree, groups):
    return mitglieder_welt.build(site_tree)


def _user(welt, viewer):
    return welt.users.get(viewer)


def _cold(client, settings, welt, viewer, url):
    settings.SEITENCACHE_SEKUNDEN = 0
    _response, html = mitglieder_welt.get(client, _user(welt, viewer), url)
    settings.SEITENCACHE_SEKUNDEN = 300
    return html


@pytest.mark.parametrize("seite", mitglieder_welt.SEITEN)
def test_no_viewer_gets_what_the_cache_kept_for_another(client, settings, welt, seite):
    url = welt.urls[seite]
    leaks = []
    for x, y in PAIRS:
        cache.clear()
        expected = _cold(client, settings, welt, y, url)
        first, _html = mitglieder_welt.get(client, _user(welt, x), url)
        second, got = mitglieder_welt.get(client, _user(welt, y), url)

        if got != expected:
            leaks.append((x, y, second.get(page_cache.HEADER), _first_difference(expected, got)))
        x_token = first.cookies.get("csrftoken")
        if x_token and x_token.value and x_token.value in second.content.decode():
            leaks.append((x, y, "csrf", x_token.value))

    assert leaks == []


def _first_difference(expected, got):
    for index, (a, b) in enumerate(zip(expected, got, strict=False)):
        if a != b:
            return expected[max(0, index - 150) : index + 150], got[max(0, index - 150) : index + 150]
    return expected[len(got) :][:300], got[len(expected) :][:300]


def _new_post(welt, actor):
    Beitrag.objects.create(diskussion=welt.diskussion, author=actor, body=f"Neu von {actor.first_name}.")


def _adoption(welt, actor):
    Uebernahme.objects.create(
        praxisbeispiel=welt.beispiel, kommune=actor.kommune, stand=UebernahmeStand.GEPLANT, created_by=actor
    )


def _registration(welt, actor):
    Anmeldung.objects.create(veranstaltung=welt.veranstaltung, user=actor, status=AnmeldungStatus.BESTAETIGT)


CHANGES = {
    "diskussion": _new_post,
    "praxisbeispiel": _adoption,
    "veranstaltung": _registration,
    "konto": _registration,
}


@pytest.mark.parametrize("seite", list(CHANGES))
@pytest.mark.parametrize("order", [("kommune_a", "kommune_b"), ("kommune_b", "kommune_a")])
def test_right_after_a_change_each_member_gets_her_own_state_in_either_order(
    client, settings, welt, seite, order, django_capture_on_commit_callbacks
):
    url = welt.urls[seite]
    mitglieder_welt.get(client, welt.users["kommune_a"], url)

    with django_capture_on_commit_callbacks(execute=True):
        CHANGES[seite](welt, welt.users["kommune_b"])
    got = {viewer: mitglieder_welt.get(client, welt.users[viewer], url)[1] for viewer in order}

    assert got == {viewer: _cold(client, settings, welt, viewer, url) for viewer in order}
