"""The member's overview /konto/ is cached for her alone (betrieb.page_cache.PRO_PERSON): a class of one, for one
day, invalidated by every change of what it lists; the unread marks, which reading changes, stay personal parts."""

import datetime

from django.test import Client
from django.urls import reverse

import pytest

from betrieb import page_cache
from diskussionen import beitraege
from veranstaltungen.models import Anmeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.usefixtures("seitencache_an")]
KONTO = reverse("konto:uebersicht")


def _konto(user):
    client = Client()
    client.force_login(user)
    response = client.get(KONTO)
    return response, response.content.decode()


def test_her_second_visit_is_a_hit_and_another_member_gets_her_own_entry(welt):
    anna, bernd = welt.users["kommune_a"], welt.users["kommune_b"]

    first, _html = _konto(anna)
    second, anna_html = _konto(anna)
    other, bernd_html = _konto(bernd)

    assert (first[page_cache.HEADER], second[page_cache.HEADER]) == ("gespeichert", "treffer")
    assert other[page_cache.HEADER] == "gespeichert"
    assert anna.email in anna_html and bernd.email not in anna_html
    assert bernd.email in bernd_html and anna.email not in bernd_html
    assert second["Cache-Control"] == "private, no-store"


def test_a_cancelled_registration_leaves_her_overview_at_once(welt, django_capture_on_commit_callbacks):
    anna = welt.users["kommune_a"]
    _r, before = _konto(anna)

    with django_capture_on_commit_callbacks(execute=True):
        Anmeldung.objects.filter(user=anna).delete()
    _r, after = _konto(anna)

    assert welt.veranstaltung.title in before
    assert welt.veranstaltung.title not in after


def test_reading_a_thread_clears_its_unread_mark_on_the_cached_overview(welt, django_capture_on_commit_callbacks):
    anna, bernd = welt.users["kommune_a"], welt.users["kommune_b"]
    with django_capture_on_commit_callbacks(execute=True):
        beitraege.create_beitrag(welt.diskussion, bernd, "Neu von Bernd.")
    _r, unread = _konto(anna)

    client = Client()
    client.force_login(anna)
    assert client.get(welt.urls["diskussion"]).status_code == 200
    response = client.get(KONTO)
    read = response.content.decode()

    assert "(neue Beiträge)" in unread
    assert response[page_cache.HEADER] == "treffer"
    assert "(neue Beiträge)" not in read


def test_the_next_day_builds_her_overview_anew(welt, monkeypatch):
    anna = welt.users["kommune_a"]
    _konto(anna)
    morgen = page_cache.timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(page_cache.timezone, "localdate", lambda: morgen)

    response, _html = _konto(anna)

    assert response[page_cache.HEADER] == "gespeichert"


def test_her_other_account_pages_are_never_cached(welt):
    client = Client()
    client.force_login(welt.users["kommune_a"])
    for name in ("konto:benachrichtigungen", "konto:passwort_aendern", "konto:loeschen"):
        client.get(reverse(name))
        again = client.get(reverse(name))
        assert page_cache.HEADER not in again, name
