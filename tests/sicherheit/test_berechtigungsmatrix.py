"""Who gets what on GET: every URL pattern of the URLconf, per role, with the status and where redirects go.

A new URL pattern fails `test_every_url_pattern_is_in_the_matrix` until it has a row in TABELLE (patterns of our
own apps) or falls under one of the PRAEFIXREGELN (URL includes of Django, Wagtail and the Wagtail API).
"""

from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

import pytest

from tests.conftest import close_response
from tests.sicherheit.conftest import ROLLEN, client_fuer, url_muster

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@dataclass(frozen=True)
class Weiter:
    """A redirect; `{url}` in the target stands for the requested URL, `{w}` for the shared objects."""

    ziel: str
    status: int = 302


class Rollen(NamedTuple):
    anonym: int | Weiter
    mitglied_kommune: int | Weiter
    mitglied_land: int | Weiter
    redaktion: int | Weiter
    inaktiv: int | Weiter
    ohne_rolle: int | Weiter


@dataclass(frozen=True)
class Fall:
    """A concrete URL for a pattern (`{w}` are the shared objects) and the answer per role.

    In TABELLE `muster` is the full route the URL must resolve to; in a prefix rule's probes it is only a label.
    """

    muster: str
    url: str
    rollen: Rollen
    fall: str = ""


@dataclass(frozen=True)
class Praefixregel:
    """URL includes of other packages, probed with a few representative URLs."""

    name: str
    praefixe: tuple[str, ...]
    proben: tuple[Fall, ...]


def alle(erwartet):
    return Rollen(*[erwartet] * len(ROLLEN))


# The inactive member's session is anonymous: ModelBackend.get_user() refuses inactive users.
ANMELDEN = Weiter("/konto/anmelden/?next={url}")
ADMIN_ANMELDEN = Weiter("/admin/login/?next={url}")
ZUM_KONTO = Weiter("/konto/")
# The one rule (konto.permissions.members_only): visitors to the login, users outside the network refused with 403.
MITGLIEDER = Rollen(ANMELDEN, 200, 200, 200, ANMELDEN, 403)
# members_only wraps require_POST: who asks is checked before the method.
MITGLIEDER_NUR_POST = Rollen(ANMELDEN, 405, 405, 405, ANMELDEN, 403)
# Own account, data export and deletion: any logged-in user (login_required).
ANGEMELDETE = Rollen(ANMELDEN, 200, 200, 200, ANMELDEN, 200)
ANGEMELDETE_NUR_POST = Rollen(ANMELDEN, 405, 405, 405, ANMELDEN, 405)
# Wagtail admin: without "wagtailadmin.access_admin" every user is sent to the admin login. Our screens are viewsets
# whose views ask a permission policy; a user with admin access but without the screen's permission (no role here
# has that combination) gets Wagtail's refusal, a redirect to /admin/ (tests/diskussionen, tests/konto).
NUR_REDAKTION_IM_ADMIN = Rollen(ADMIN_ANMELDEN, ADMIN_ANMELDEN, ADMIN_ANMELDEN, 200, ADMIN_ANMELDEN, ADMIN_ANMELDEN)
REDAKTION_NUR_POST_IM_ADMIN = Rollen(
    ADMIN_ANMELDEN, ADMIN_ANMELDEN, ADMIN_ANMELDEN, 405, ADMIN_ANMELDEN, ADMIN_ANMELDEN
)

# netzwerk_site/urls.py: Wagtail pages below paths that end in a file name (RoutablePageMixin routes).
SEITEN_DATEIEN = r"^((?:[\w\-]+/)+[\w\-]+\.(?:atom|csv|json))$"

# fmt: off
TABELLE = (
    # konto
    Fall("konto/", "/konto/", ANGEMELDETE),
    # A signed-in user is sent on: the Redaktion to the admin, everyone else to the account.
    Fall("konto/anmelden/", "/konto/anmelden/", Rollen(200, ZUM_KONTO, ZUM_KONTO, Weiter("/admin/"), 200, ZUM_KONTO)),
    Fall("konto/passwort/", "/konto/passwort/", ANGEMELDETE),
    Fall("konto/benachrichtigungen/", "/konto/benachrichtigungen/", ANGEMELDETE),
    Fall("konto/benachrichtigungen/gelesen/", "/konto/benachrichtigungen/gelesen/", ANGEMELDETE_NUR_POST),
    # Nobody's notification: another member's answers the same 404 (tests/konto/test_benachrichtigungen.py).
    Fall(
        "konto/benachrichtigungen/<int:pk>/",
        "/konto/benachrichtigungen/999999/",
        Rollen(ANMELDEN, 404, 404, 404, ANMELDEN, 404),
        fall="fremd",
    ),
    Fall(
        "konto/wochenueberblick/abbestellen/<str:token>/",
        "/konto/wochenueberblick/abbestellen/gefaelscht/",
        alle(400),
        fall="ungueltig",
    ),
    Fall("konto/abmelden/", "/konto/abmelden/", alle(405)),
    Fall("konto/einladung/<str:token>/", "/konto/einladung/{w.einladung_token}/", alle(200)),
    Fall("konto/einladung/<str:token>/", "/konto/einladung/unbekannt/", alle(410), fall="ungueltig"),
    Fall("konto/meine-daten.zip", "/konto/meine-daten.zip", ANGEMELDETE),
    Fall("konto/loeschen/", "/konto/loeschen/", ANGEMELDETE),
    Fall("konto/passwort-vergessen/", "/konto/passwort-vergessen/", alle(200)),
    Fall("konto/passwort-vergessen/gesendet/", "/konto/passwort-vergessen/gesendet/", alle(200)),
    Fall(
        "konto/passwort-neu/<uidb64>/<token>/",
        "/konto/passwort-neu/{w.reset_uid}/{w.reset_token}/",
        alle(Weiter("/konto/passwort-neu/{w.reset_uid}/set-password/")),
    ),
    Fall("konto/passwort-neu/fertig/", "/konto/passwort-neu/fertig/", alle(200)),
    # praxisbeispiele
    Fall("praxisbeispiele/einreichen/", "/praxisbeispiele/einreichen/", MITGLIEDER),
    Fall(
        "praxisbeispiele/einreichen/<int:pk>/danke/",
        "/praxisbeispiele/einreichen/{w.einreichung.pk}/danke/",
        Rollen(ANMELDEN, 200, 404, 404, ANMELDEN, 403),
    ),
    # The revision form opens only for the submitter and only while the Redaktion asks for changes.
    Fall(
        "praxisbeispiele/einreichen/<int:pk>/bearbeiten/",
        "/praxisbeispiele/einreichen/{w.einreichung.pk}/bearbeiten/",
        Rollen(ANMELDEN, 409, 404, 404, ANMELDEN, 403),
    ),
    Fall(
        "praxisbeispiele/einreichen/<int:pk>/ueberarbeitet/",
        "/praxisbeispiele/einreichen/{w.einreichung.pk}/ueberarbeitet/",
        Rollen(ANMELDEN, 200, 404, 404, ANMELDEN, 403),
    ),
    Fall(
        "aktionen/praxisbeispiele/pruefung/<str:token>/",
        "/aktionen/praxisbeispiele/pruefung/gefaelscht/",
        alle(400),
        fall="ungueltig",
    ),
    # Routes of the library page that answer with a file, served by Wagtail through our own pattern.
    Fall(SEITEN_DATEIEN, "/praxisbeispiele/export.csv", alle(200), fall="export.csv"),
    Fall(SEITEN_DATEIEN, "/praxisbeispiele/export.json", alle(200), fall="export.json"),
    Fall(SEITEN_DATEIEN, "/praxisbeispiele/feed.atom", alle(200), fall="feed.atom"),
    Fall(SEITEN_DATEIEN, "/praxisbeispiele/gibt-es-nicht.csv", alle(404), fall="unbekannt"),
    Fall(
        "aktionen/praxisbeispiele/<int:pk>/uebernahme/",
        "/aktionen/praxisbeispiele/{w.praxisbeispiel.pk}/uebernahme/",
        MITGLIEDER_NUR_POST,
    ),
    Fall(
        "aktionen/praxisbeispiele/<int:pk>/kontakt/widerrufen/",
        "/aktionen/praxisbeispiele/{w.praxisbeispiel.pk}/kontakt/widerrufen/",
        MITGLIEDER_NUR_POST,
    ),
    Fall(
        "aktionen/praxisbeispiele/<int:pk>/uebernahme/zurueckziehen/",
        "/aktionen/praxisbeispiele/{w.praxisbeispiel.pk}/uebernahme/zurueckziehen/",
        MITGLIEDER_NUR_POST,
    ),
    # veranstaltungen and kalender
    Fall("veranstaltungen/kalender.ics", "/veranstaltungen/kalender.ics", alle(200)),
    Fall(
        "veranstaltungen/themenfeld/<slug:slug>/kalender.ics",
        "/veranstaltungen/themenfeld/{w.themenfeld.slug}/kalender.ics",
        alle(200),
    ),
    Fall(
        "veranstaltungen/<slug:slug>/termin.ics",
        "/veranstaltungen/{w.veranstaltung.slug}/termin.ics",
        alle(200),
    ),
    Fall(
        "veranstaltungen/<slug:slug>/termin.ics",
        "/veranstaltungen/{w.interne_veranstaltung.slug}/termin.ics",
        Rollen(404, 200, 200, 200, 404, 404),
        fall="intern",
    ),
    Fall(
        "aktionen/veranstaltungen/<int:pk>/anmelden/",
        "/aktionen/veranstaltungen/{w.veranstaltung.pk}/anmelden/",
        MITGLIEDER_NUR_POST,
    ),
    Fall(
        "aktionen/veranstaltungen/<int:pk>/abmelden/",
        "/aktionen/veranstaltungen/{w.veranstaltung.pk}/abmelden/",
        MITGLIEDER_NUR_POST,
    ),
    # Only Redaktion and the organising Organisation (the Land member's Ministerium) see who registered.
    Fall(
        "veranstaltungen/<int:pk>/teilnehmende/",
        "/veranstaltungen/{w.veranstaltung.pk}/teilnehmende/",
        Rollen(ANMELDEN, 403, 200, 200, ANMELDEN, 403),
    ),
    Fall(
        "veranstaltungen/<int:pk>/teilnehmende.csv",
        "/veranstaltungen/{w.veranstaltung.pk}/teilnehmende.csv",
        Rollen(ANMELDEN, 403, 200, 200, ANMELDEN, 403),
    ),
    Fall("kalender/erneuern/", "/kalender/erneuern/", MITGLIEDER_NUR_POST),
    # A former member may still revoke the address she once created.
    Fall("kalender/widerrufen/", "/kalender/widerrufen/", ANGEMELDETE_NUR_POST),
    # Without a freshly created address in the session there is nothing to show.
    Fall(
        "kalender/zugang/",
        "/kalender/zugang/",
        Rollen(ANMELDEN, ZUM_KONTO, ZUM_KONTO, ZUM_KONTO, ANMELDEN, ZUM_KONTO),
    ),
    # The secret address itself authenticates; who sends the request does not matter.
    Fall("kalender/<str:token>.ics", "/kalender/{w.kalender_token}.ics", alle(200)),
    Fall("kalender/<str:token>.ics", "/kalender/unbekannt.ics", alle(404), fall="ungueltig"),
    # diskussionen
    Fall("diskussionen/", "/diskussionen/", MITGLIEDER),
    Fall("diskussionen/neu/", "/diskussionen/neu/", MITGLIEDER),
    Fall("diskussionen/fragen/", "/diskussionen/fragen/", Rollen(ANMELDEN, 403, 200, 403, ANMELDEN, 403)),
    Fall("diskussionen/einstellungen/", "/diskussionen/einstellungen/", MITGLIEDER),
    Fall("diskussionen/abbestellen/<str:token>/", "/diskussionen/abbestellen/{w.abbestellen_token}/", alle(200)),
    Fall("diskussionen/abbestellen/<str:token>/", "/diskussionen/abbestellen/gefaelscht/", alle(400), fall="ungueltig"),
    Fall(
        "diskussionen/themenfeld/<slug:slug>/folgen/",
        "/diskussionen/themenfeld/{w.themenfeld.slug}/folgen/",
        MITGLIEDER_NUR_POST,
    ),
    Fall("diskussionen/<int:pk>/", "/diskussionen/{w.diskussion.pk}/", MITGLIEDER),
    Fall("diskussionen/<int:pk>/antworten/", "/diskussionen/{w.diskussion.pk}/antworten/", MITGLIEDER_NUR_POST),
    Fall("diskussionen/<int:pk>/erledigt/", "/diskussionen/{w.diskussion.pk}/erledigt/", MITGLIEDER_NUR_POST),
    Fall("diskussionen/<int:pk>/folgen/", "/diskussionen/{w.diskussion.pk}/folgen/", MITGLIEDER_NUR_POST),
    Fall(
        "diskussionen/beitrag/<int:pk>/",
        "/diskussionen/beitrag/{w.beitrag.pk}/",
        Rollen(
            ANMELDEN, *[Weiter("/diskussionen/{w.diskussion.pk}/?seite=1#beitrag-{w.beitrag.pk}")] * 3, ANMELDEN, 403
        ),
    ),
    # The Beitrag was written by the Kommune member; only its author edits or deletes it, others are refused alike.
    Fall(
        "diskussionen/beitrag/<int:pk>/bearbeiten/",
        "/diskussionen/beitrag/{w.beitrag.pk}/bearbeiten/",
        Rollen(ANMELDEN, 200, 403, 403, ANMELDEN, 403),
    ),
    Fall(
        "diskussionen/beitrag/<int:pk>/loeschen/",
        "/diskussionen/beitrag/{w.beitrag.pk}/loeschen/",
        Rollen(ANMELDEN, 200, 403, 403, ANMELDEN, 403),
    ),
    Fall("diskussionen/beitrag/<int:pk>/melden/", "/diskussionen/beitrag/{w.beitrag.pk}/melden/", MITGLIEDER),
    Fall(
        "diskussionen/beitrag/<int:pk>/antwort-des-landes/",
        "/diskussionen/beitrag/{w.beitrag.pk}/antwort-des-landes/",
        MITGLIEDER_NUR_POST,
    ),
    Fall("diskussionen/anhang/<int:pk>/", "/diskussionen/anhang/{w.anhang.pk}/", MITGLIEDER),
    # netzwerk_site
    Fall("umsetzung/", "/umsetzung/", alle(200)),
    Fall("barriere-melden/", "/barriere-melden/", alle(200)),
    Fall("barriere-melden/danke/", "/barriere-melden/danke/", alle(200)),
    Fall("kommunen/", "/kommunen/", alle(200)),
    Fall("kommunen/<slug:slug>/", "/kommunen/{w.kommune.slug}/", alle(200)),
    Fall("kommunen/<slug:slug>/", "/kommunen/gibt-es-nicht/", alle(404), fall="unbekannt"),
    Fall("healthz", "/healthz", alle(200)),
    # suche
    Fall("suche/", "/suche/", alle(200)),
    Fall("api/suche/", "/api/suche/", alle(200)),
    # Our own viewsets inside the Wagtail admin (konto.viewsets, diskussionen.viewsets).
    Fall("admin/konto/einladen/", "/admin/konto/einladen/", NUR_REDAKTION_IM_ADMIN),
    Fall("admin/diskussionen/meldungen/", "/admin/diskussionen/meldungen/", NUR_REDAKTION_IM_ADMIN),
    Fall(
        "admin/diskussionen/beitrag/<int:pk>/<str:aktion>/",
        "/admin/diskussionen/beitrag/{w.beitrag.pk}/verbergen/",
        REDAKTION_NUR_POST_IM_ADMIN,
    ),
    Fall("admin/diskussionen/", "/admin/diskussionen/", NUR_REDAKTION_IM_ADMIN),
    Fall(
        "admin/diskussionen/<int:pk>/sperren/",
        "/admin/diskussionen/{w.diskussion.pk}/sperren/",
        REDAKTION_NUR_POST_IM_ADMIN,
    ),
    Fall(
        "admin/diskussionen/<int:pk>/entsperren/",
        "/admin/diskussionen/{w.diskussion.pk}/entsperren/",
        REDAKTION_NUR_POST_IM_ADMIN,
    ),
    Fall("admin/diskussionen/<int:pk>/zuweisen/", "/admin/diskussionen/{w.diskussion.pk}/zuweisen/", NUR_REDAKTION_IM_ADMIN),
    Fall("admin/diskussionen/protokoll/", "/admin/diskussionen/protokoll/", NUR_REDAKTION_IM_ADMIN),
)

PRAEFIXREGELN = (
    Praefixregel("Wagtail-Admin", ("admin/",), (
        Fall("admin/", "/admin/", NUR_REDAKTION_IM_ADMIN),
        Fall("admin/", "/admin/pages/{w.home.pk}/", NUR_REDAKTION_IM_ADMIN),
        # Barriere reports carry names and e-mail addresses of visitors.
        Fall("admin/", "/admin/snippets/netzwerk_site/barrieremeldung/", NUR_REDAKTION_IM_ADMIN),
    )),
    Praefixregel("Django-Admin", ("django-admin/",), (
        Fall("django-admin/", "/django-admin/", alle(Weiter("/django-admin/login/?next={url}"))),
        Fall("django-admin/", "/django-admin/login/", alle(200)),
    )),
    Praefixregel("Wagtail-Dokumente", ("dokumente/",), (
        Fall("dokumente/", "{w.dokument.url}", alle(200)),
    )),
    Praefixregel("Wagtail-API", ("api/v2/",), (
        Fall("api/v2/", "/api/v2/pages/", alle(200)),
        Fall("api/v2/", "/api/v2/pages/{w.praxisbeispiel.pk}/", alle(200)),
        # Wagtail's API applies the page's view restriction to the session: members see internal events.
        Fall(
            "api/v2/", "/api/v2/pages/{w.interne_veranstaltung.pk}/", Rollen(404, 200, 200, 200, 404, 404), fall="intern"
        ),
    )),
    Praefixregel("Wagtail-Seiten", ("_util/", r"^((?:[\w\-]+/)*)$"), (
        Fall("wagtail_serve", "/", alle(200)),
        Fall("wagtail_serve", "/themenfelder/{w.themenfeld.slug}/", alle(200)),
        Fall("wagtail_serve", "/praxisbeispiele/", alle(200)),
        Fall("wagtail_serve", "/praxisbeispiele/{w.praxisbeispiel.slug}/", alle(200)),
        Fall("wagtail_serve", "/praxisbeispiele/{w.einreichung.slug}/", alle(404), fall="entwurf"),
        Fall("wagtail_serve", "/veranstaltungen/", alle(200)),
        Fall("wagtail_serve", "/veranstaltungen/archiv/", alle(200)),
        Fall("wagtail_serve", "/veranstaltungen/{w.veranstaltung.slug}/", alle(200)),
        # A view-restricted page follows the one rule too (WAGTAIL_FRONTEND_LOGIN_URL and the core's
        # on_serve_page hook).
        Fall("wagtail_serve", "/veranstaltungen/{w.interne_veranstaltung.slug}/", MITGLIEDER, fall="intern"),
        Fall("wagtail_serve", "/_util/login/", alle(200)),
    )),
)
# fmt: on


def _fall_id(fall):
    return f"{fall.url.replace('{w.', '{')}{'(' + fall.fall + ')' if fall.fall else ''}"


def _parameter(faelle):
    return [pytest.param(fall, rolle, id=f"{_fall_id(fall)}-{rolle}") for fall in faelle for rolle in ROLLEN]


def _abgedeckt_durch_regel(muster):
    return not muster.eigen and any(muster.route.startswith(p) for regel in PRAEFIXREGELN for p in regel.praefixe)


def _route(url):
    try:
        return resolve(urlsplit(url).path).route
    except Resolver404:
        return None


def _get(rolle, welt, url):
    response = client_fuer(rolle, welt).get(url)
    if response.streaming:
        close_response(response)
    return response


def _soll(erwartet, url, welt):
    if isinstance(erwartet, Weiter):
        return erwartet.status, erwartet.ziel.format(url=url, w=welt)
    return erwartet, None


def test_every_url_pattern_is_in_the_matrix():
    in_tabelle = {fall.muster for fall in TABELLE}

    fehlend = [m for m in url_muster() if m.route not in in_tabelle and not _abgedeckt_durch_regel(m)]

    assert fehlend == []


def test_every_row_of_the_matrix_names_an_existing_url_pattern():
    routes = {m.route for m in url_muster()}

    veraltet = sorted({fall.muster for fall in TABELLE} - routes)

    assert veraltet == []


def test_patterns_count_as_ours_by_their_urlconf_or_their_view_module():
    """So that our views inside admin/ need a row of their own, while the rest of admin/ falls under a prefix rule."""
    beispiele = ("konto/anmelden/", "admin/konto/einladen/", "suche/", "admin/", "api/v2/pages/", "_util/login/")

    eigen = {m.route: m.eigen for m in url_muster()}

    assert {route: eigen[route] for route in beispiele} == {
        "konto/anmelden/": True,
        "admin/konto/einladen/": True,
        "suche/": True,
        "admin/": False,
        "api/v2/pages/": False,
        "_util/login/": False,
    }


@pytest.mark.parametrize(("fall", "rolle"), _parameter(TABELLE))
def test_role_gets_the_status_of_the_matrix(welt, fall, rolle):
    url = fall.url.format(w=welt)

    response = _get(rolle, welt, url)

    soll_status, soll_ziel = _soll(fall.rollen._asdict()[rolle], url, welt)
    assert (_route(url), response.status_code, response.get("Location")) == (fall.muster, soll_status, soll_ziel)


@pytest.mark.parametrize(
    ("regel", "fall", "rolle"),
    [
        pytest.param(regel, fall, rolle, id=f"{regel.name}:{_fall_id(fall)}-{rolle}")
        for regel in PRAEFIXREGELN
        for fall in regel.proben
        for rolle in ROLLEN
    ],
)
def test_role_gets_the_status_of_the_prefix_rule_probe(welt, regel, fall, rolle):
    url = fall.url.format(w=welt)

    response = _get(rolle, welt, url)

    soll_status, soll_ziel = _soll(fall.rollen._asdict()[rolle], url, welt)
    assert (response.status_code, response.get("Location")) == (soll_status, soll_ziel)
    assert any((_route(url) or "").startswith(p) for p in regel.praefixe)
