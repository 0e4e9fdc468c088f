"""Every page type and every error page keeps the site layout, for every role (no bare error page)."""

import re

from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory, override_settings
from django.urls import get_resolver, reverse

from wagtail.models import Page, PageViewRestriction

import pytest

from konto.lockout import gesperrt
from konto.roles import Rolle
from netzwerk_site.models import Kommune, Themenfeld
from tests.factories.diskussionen import BeitragFactory
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

OHNE_ROLLE = "ohne Rolle"
ROLLEN = [None, OHNE_ROLLE, Rolle.MITGLIED_KOMMUNE, Rolle.MITGLIED_LAND, Rolle.REDAKTION]


def layout_faults(html):
    """What a page in the site layout lacks: header, footer, German language, exactly one h1."""
    faults = []
    if '<header class="site-header"' not in html:
        faults.append("header")
    if '<footer class="site-footer">' not in html:
        faults.append("footer")
    if '<html lang="de">' not in html:
        faults.append('lang="de"')
    h1_count = len(re.findall(r"<h1[\s>]", html))
    if h1_count != 1:
        faults.append(f"{h1_count} h1")
    return faults


def user_for(rolle):
    if rolle is None:
        return None
    return UserFactory(rolle=None if rolle == OHNE_ROLLE else rolle)


def client_for(user, **kwargs):
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


def one_page_per_type():
    """The first live page of every page class the seed creates, in tree order."""
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        pages.setdefault(type(page).__name__, page.url)
    return sorted(pages.values())


def view_urls(thread):
    library = Page.objects.get(slug="praxisbeispiele").url
    veranstaltungen = Page.objects.get(slug="veranstaltungen").url
    return [
        f"{library}?themenfeld={Themenfeld.objects.order_by('order').first().slug}",
        veranstaltungen,
        f"{veranstaltungen}archiv/",
        f"{veranstaltungen}?ansicht=monat",
        reverse("kommune_list"),
        reverse("kommune_detail", args=[Kommune.objects.order_by("name").first().slug]),
        reverse("umsetzung"),
        f"{reverse('suche')}?q=Sprache",
        reverse("diskussionen:liste"),
        reverse("diskussionen:diskussion", args=[thread.diskussion.pk]),
        reverse("diskussionen:fragen"),
        reverse("konto:uebersicht"),
        reverse("einreichung:einreichen"),
        reverse("barriere_melden"),
    ]


@pytest.mark.parametrize("rolle", ROLLEN)
def test_every_page_type_and_view_keeps_the_layout(seeded_module, groups, rolle):
    client = client_for(user_for(rolle))
    urls = one_page_per_type() + view_urls(BeitragFactory())

    faults = {url: layout_faults(client.get(url, follow=True).content.decode()) for url in urls}

    assert faults == {url: [] for url in urls}


def restricted_with_password(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    return page.url


@pytest.mark.parametrize("rolle", ROLLEN)
def test_every_error_page_keeps_the_layout(seeded_module, groups, rolle):
    user = user_for(rolle)
    client = client_for(user)
    password_page = restricted_with_password(Page.objects.get(slug="impressum"))

    responses = {
        "404": client.get("/gibt-es-nicht/", follow=True),
        "nur für Mitglieder": client.get(reverse("diskussionen:liste"), follow=True),
        "nur für das Land": client.get(reverse("diskussionen:fragen"), follow=True),
        "Passwort": client.get(password_page, follow=True),
        "Wagtail-Anmeldung": client.get("/_util/login/?next=/", follow=True),
        "CSRF": client_for(user, enforce_csrf_checks=True).post(reverse("barriere_melden"), {"beschreibung": "x"}),
    }

    faults = {name: layout_faults(response.content.decode()) for name, response in responses.items()}

    assert faults == {name: [] for name in responses}


def test_error_pages_answer_with_their_status_and_say_what_to_do(seeded_module, groups):
    ohne_rolle = client_for(user_for(OHNE_ROLLE))
    kommune = client_for(user_for(Rolle.MITGLIED_KOMMUNE))
    password_page = restricted_with_password(Page.objects.get(slug="impressum"))

    not_found = Client().get("/gibt-es-nicht/")
    to_login = Client().get(reverse("diskussionen:liste"))
    refused = ohne_rolle.get(reverse("diskussionen:liste"))
    not_for_kommunen = kommune.get(reverse("diskussionen:fragen"))
    password = Client().get(password_page)
    wagtail_login = Client().get("/_util/login/")
    csrf = client_for(None, enforce_csrf_checks=True).post(reverse("barriere_melden"), {"beschreibung": "x"})

    responses = [not_found, refused, not_for_kommunen, password, wagtail_login, csrf]
    assert [response.status_code for response in responses] == [404, 403, 403, 200, 200, 403]
    assert to_login.url == f"{reverse('konto:anmelden')}?next=/diskussionen/"
    assert "Geben Sie das Passwort ein" in password.content.decode()
    assert "Ein Konto erhalten Sie auf Einladung der Redaktion." in wagtail_login.content.decode()
    assert "laden Sie die Seite neu" in csrf.content.decode()


@pytest.mark.parametrize("rolle", ROLLEN)
def test_server_error_page_keeps_the_layout_without_the_database(
    seeded_module, groups, rolle, django_assert_num_queries
):
    request = RequestFactory().get("/")
    request.user = user_for(rolle)
    handler500 = get_resolver().resolve_error_handler(500)

    with django_assert_num_queries(0):
        response = handler500(request)

    assert response.status_code == 500
    assert layout_faults(response.content.decode()) == []


@pytest.mark.parametrize("rolle", ROLLEN)
def test_lockout_page_keeps_the_layout(seeded_module, groups, rolle):
    user = user_for(rolle)
    request = RequestFactory().post(reverse("konto:anmelden"))
    request.user = user or AnonymousUser()

    response = gesperrt(request)

    assert layout_faults(response.content.decode()) == []


@override_settings(AXES_FAILURE_LIMIT=2)
def test_locked_out_login_shows_the_lockout_page_in_the_layout(seeded_module, groups):
    user = UserFactory()
    client = Client()
    for _ in range(2):
        client.post(reverse("konto:anmelden"), {"username": user.username, "password": "falsch"})

    response = client.post(reverse("konto:anmelden"), {"username": user.username, "password": "Geheim-Passwort-123"})

    assert response.status_code == 429
    assert layout_faults(response.content.decode()) == []
