"""Personal parts shared between viewers who see the same (netzwerk_site.persoenlich.geteilt): the adoption form
of one Kommune, the actions on another's post. Each viewer still gets her own token and never another's part."""

import re

from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

import pytest

from betrieb import page_cache
from diskussionen.models import Diskussion
from konto.roles import Rolle
from praxisbeispiele.models import Uebernahme
from tests.betrieb import mitglieder_welt
from tests.factories.diskussionen import BeitragFactory
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.usefixtures("seitencache_an")]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def kollegin(welt):
    """A second member of Anna's Kommune."""
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=welt.users["kommune_a"].kommune, first_name="Katrin")


def _seite(user, url):
    client = Client()
    client.force_login(user)
    response = client.get(url)
    html = response.content.decode()
    secrets = {_unmask_cipher_token(token) for token in TOKEN.findall(html)}
    return response, html, secrets, client.cookies["csrftoken"].value


def test_a_colleague_of_the_same_kommune_gets_the_shared_adoption_form_with_her_own_token(welt, kollegin):
    _r, anna_html, anna_secrets, anna_cookie = _seite(welt.users["kommune_a"], welt.urls["praxisbeispiel"])
    response, html, secrets, cookie = _seite(kollegin, welt.urls["praxisbeispiel"])

    assert response[page_cache.HEADER] == "treffer"
    assert "Übernahme Ihrer Kommune ändern" in anna_html and "Übernahme Ihrer Kommune ändern" in html
    assert "Übernahme zurückziehen" in html
    assert anna_secrets == {anna_cookie} and secrets == {cookie} and cookie != anna_cookie


def test_the_shared_adoption_form_follows_a_withdrawal_at_once(welt, kollegin, django_capture_on_commit_callbacks):
    anna = welt.users["kommune_a"]
    _seite(anna, welt.urls["praxisbeispiel"])
    beispiel = Uebernahme.objects.get(kommune=anna.kommune).praxisbeispiel
    client = Client()
    client.force_login(anna)
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = client.post(reverse("praxisbeispiele:uebernahme_zurueckziehen", kwargs={"pk": beispiel.pk}))

    _r, html, _s, _c = _seite(kollegin, welt.urls["praxisbeispiel"])

    assert withdrawn.status_code == 302
    assert "Ihre Kommune hat das Beispiel übernommen?" in html
    assert "Übernahme zurückziehen" not in html


def test_another_kommunes_member_never_gets_the_shared_form_of_the_first(welt):
    _seite(welt.users["kommune_a"], welt.urls["praxisbeispiel"])

    _r, html, secrets, cookie = _seite(welt.users["kommune_b"], welt.urls["praxisbeispiel"])

    assert "Übernahme Ihrer Kommune ändern" not in html
    assert secrets == {cookie}


def test_shared_post_actions_keep_each_authors_own_actions_hers(welt):
    anna, bernd = welt.users["kommune_a"], welt.users["kommune_b"]
    _r, anna_html, anna_secrets, anna_cookie = _seite(anna, welt.urls["diskussion"])
    response, bernd_html, bernd_secrets, bernd_cookie = _seite(bernd, welt.urls["diskussion"])
    _r, again, _s, _c = _seite(anna, welt.urls["diskussion"])

    assert response[page_cache.HEADER] == "treffer"
    # Each sees Bearbeiten and Löschen once (her own post) and Melden once (the other's).
    for html in (anna_html, bernd_html, again):
        assert (html.count(">Bearbeiten<"), html.count(">Löschen<"), html.count(">Melden<")) == (1, 1, 1)
    blank = mitglieder_welt.CSRF_VALUE
    assert blank.sub(r"\1…\2", again) == blank.sub(r"\1…\2", anna_html)
    assert anna_secrets == {anna_cookie} and bernd_secrets == {bernd_cookie}


def test_the_land_gets_the_mark_as_answer_button_on_a_land_post_and_a_kommune_member_never(welt):
    land, anna = welt.users["land"], welt.users["kommune_a"]
    diskussion = Diskussion.objects.get(title="Sprachstand erheben")
    BeitragFactory(diskussion=diskussion, author=UserFactory(rolle=Rolle.MITGLIED_LAND), body="Aus dem Ministerium.")
    _seite(anna, welt.urls["diskussion"])

    _r, land_html, land_secrets, land_cookie = _seite(land, welt.urls["diskussion"])
    _r, anna_html, _s, _c = _seite(anna, welt.urls["diskussion"])
    _r, land_again, _s, _c = _seite(land, welt.urls["diskussion"])

    assert land_html.count("Als Antwort des Landes markieren") == 1
    assert land_again.count("Als Antwort des Landes markieren") == 1
    assert "Als Antwort des Landes markieren" not in anna_html
    assert land_secrets == {land_cookie}


def test_reading_a_thread_clears_its_mark_in_her_cached_list_and_only_hers(welt, django_capture_on_commit_callbacks):
    from diskussionen import beitraege

    anna, bernd, land = welt.users["kommune_a"], welt.users["kommune_b"], welt.users["land"]
    with django_capture_on_commit_callbacks(execute=True):
        beitraege.create_beitrag(welt.diskussion, bernd, "Neu von Bernd.")
    _r, anna_vorher, _s, _c = _seite(anna, welt.urls["diskussionen"])
    _r, land_vorher, _s, _c = _seite(land, welt.urls["diskussionen"])

    _seite(anna, welt.urls["diskussion"])
    _r, anna_nachher, _s, _c = _seite(anna, welt.urls["diskussionen"])
    _r, land_nachher, _s, _c = _seite(land, welt.urls["diskussionen"])

    assert "Neue Beiträge" in anna_vorher and "Neue Beiträge" not in anna_nachher
    assert "Neue Beiträge" in land_vorher and "Neue Beiträge" in land_nachher
