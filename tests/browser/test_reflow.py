"""Every page type reflows (WCAG 1.4.10) and has no serious or critical WCAG 2.1 AA violation in axe-core.

Viewports: 320 px and 390 px wide phones, and 640 CSS px at device scale factor 2, which is how Chromium
lays out a 1280 px window at 200 % zoom. A 1280 px window at 400 % zoom is 320 CSS px: the 320 case.

The portal is seeded once for the module (`seeded_module`) and served by a server thread of its own, so the
many parametrized cases share one seed, one tab per viewport and role, and one login per role. axe-core runs
once per page type, at 390 px: at all three widths it would add about three minutes.
"""

import gc
import re
import warnings
from dataclasses import dataclass

from wagtail.models import Page, PageViewRestriction

import pytest
from pytest_django.live_server_helper import LiveServer

from diskussionen.models import Diskussion
from konto.models import User
from tests.chromium import RecordingPage
from tests.factories.diskussionen import BeitragFactory
from tests.journeys.conftest import PASSWORDS
from veranstaltungen.models import VeranstaltungPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MITGLIED = "pirmasens"
REDAKTION = "redaktion"
LAND = "ministerium"
VIEWPORTS = {
    "320": {"viewport": {"width": 320, "height": 800}},
    "390": {"viewport": {"width": 390, "height": 844}},
    "1280-zoom-200": {"viewport": {"width": 640, "height": 800}, "device_scale_factor": 2},
}
AXE_VIEWPORT = "390"


@dataclass(frozen=True)
class Besuch:
    """One page type as a person reaches it: path (with {placeholders}), role, expected status, action."""

    path: str
    role: str | None = None
    status: int = 200
    submit: str = ""  # the button (a regular expression) pressed on the form, without the browser's validation
    csrf_verfaellt: bool = False  # the form is sent with a wrong CSRF token


THEMENFELD = "/themenfelder/ankommen-und-orientierung/"
BESUCHE = {
    "startseite": Besuch("/"),
    "themenfelder": Besuch("/themenfelder/"),
    "themenfeld": Besuch(THEMENFELD),
    "handlungsfeld": Besuch(THEMENFELD + "informationsvermittlung-in-den-afa/"),
    "bibliothek": Besuch("/praxisbeispiele/"),
    "bibliothek-zwei-filter": Besuch("/praxisbeispiele/?themenfeld=ankommen-und-orientierung&zielgruppe=ehrenamtliche"),
    "bibliothek-suche": Besuch("/praxisbeispiele/?q=Sprache"),
    "praxisbeispiel": Besuch("/praxisbeispiele/kreuznacher-modell/"),
    "kommunen": Besuch("/kommunen/"),
    "kommune": Besuch("/kommunen/landkreis-bad-kreuznach/"),
    "umsetzung": Besuch("/umsetzung/"),
    "veranstaltungen": Besuch("/veranstaltungen/"),
    "veranstaltungen-gefiltert": Besuch("/veranstaltungen/?themenfeld=bildung&art=workshop"),
    "veranstaltungen-monat": Besuch("/veranstaltungen/?ansicht=monat"),
    "veranstaltung": Besuch("/veranstaltungen/auftaktdialog-workshop-ankommen-und-orientierung/"),
    "archiv": Besuch("/veranstaltungen/archiv/"),
    "suche": Besuch("/suche/?q=Sprache"),
    "kooperationsstrategie": Besuch("/kooperationsstrategie/"),
    "strategieabschnitt": Besuch("/kooperationsstrategie/eckpunkte/"),
    "impressum": Besuch("/impressum/"),
    "barriere-melden": Besuch("/barriere-melden/"),
    "anmelden": Besuch("/konto/anmelden/"),
    "passwort-vergessen": Besuch("/konto/passwort-vergessen/"),
    "diskussionen": Besuch("/diskussionen/", MITGLIED),
    "diskussion": Besuch("/diskussionen/{diskussion}/", MITGLIED),
    "frage-an-das-land": Besuch("/diskussionen/{frage}/", MITGLIED),
    "neue-diskussion": Besuch("/diskussionen/neu/", MITGLIED),
    "fragen": Besuch("/diskussionen/fragen/", LAND),
    "konto": Besuch("/konto/", MITGLIED),
    "benachrichtigungen": Besuch("/konto/benachrichtigungen/", MITGLIED),
    "kalender-abonnieren": Besuch(
        "/konto/", MITGLIED, submit="Adresse für den persönlichen Kalender erstellen|Neue Adresse erstellen"
    ),
    "einreichen": Besuch("/praxisbeispiele/einreichen/", MITGLIED),
    "teilnehmende": Besuch("/veranstaltungen/{veranstaltung}/teilnehmende/", REDAKTION),
    "anmelden-fehler": Besuch("/konto/anmelden/", submit="Anmelden"),
    "barriere-melden-fehler": Besuch("/barriere-melden/", submit="Meldung senden"),
    "einreichen-fehler": Besuch("/praxisbeispiele/einreichen/", MITGLIED, submit="Praxisbeispiel einreichen"),
    "neue-diskussion-fehler": Besuch("/diskussionen/neu/", MITGLIED, submit="Diskussion eröffnen"),
    "fehler-404": Besuch("/gibt-es-nicht/", status=404),
    "fehler-403": Besuch("/veranstaltungen/{veranstaltung}/teilnehmende/", MITGLIED, status=403),
    "fehler-csrf": Besuch("/barriere-melden/", submit="Meldung senden", status=403, csrf_verfaellt=True),
    # The portal fixture puts a password on this page, so that Wagtail's password form is checked too.
    "passwortseite": Besuch("/datenschutz/"),
}
# Cases that still fail, each with its cause; a fix turns the case into an XPASS error (strict).
BEKANNT_UEBERLAUF = {}
BEKANNT_AXE = {}


def cases(names, bekannt):
    return [
        pytest.param(*name, id="-".join(name), marks=[pytest.mark.xfail(strict=True, reason=bekannt[name])])
        if name in bekannt
        else pytest.param(*name, id="-".join(name))
        for name in names
    ]


@pytest.fixture(scope="module")
def portal(seeded_module):
    """The seeded portal with a Diskussion and a Frage an das Land, served on a port of its own."""
    author = User.objects.get(username=MITGLIED)
    ids = {
        "diskussion": BeitragFactory(diskussion__author=author).diskussion.pk,
        "frage": BeitragFactory(diskussion__author=author, diskussion__is_frage_an_land=True).diskussion.pk,
        "veranstaltung": VeranstaltungPage.objects.get(slug="netzwerktreffen-interkommunales-netzwerk").pk,
    }
    assert Diskussion.objects.count() == 2
    PageViewRestriction.objects.create(
        page=Page.objects.get(slug="datenschutz"), restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    server = LiveServer("localhost")
    yield server.url, ids
    server.stop()
    # Keep-alive sockets of the stopped server's request threads would warn whenever they are collected.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture(scope="module")
def tabs(browser, portal):
    """{(viewport, role): RecordingPage}, each role logged in once before the tests, which roll back what they write."""
    base_url, _ids = portal
    opened = {}
    for viewport, options in VIEWPORTS.items():
        for role in (None, MITGLIED, LAND, REDAKTION):
            tab = RecordingPage(browser.new_context(bypass_csp=True, locale="de-DE", **options))
            if role:
                log_in(tab.page, base_url, role)
            opened[viewport, role] = tab
    yield opened
    for tab in opened.values():
        tab.page.context.close()


def log_in(page, base_url, username):
    page.goto(f"{base_url}/konto/anmelden/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort", exact=False).fill(PASSWORDS[username])
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Anmelden").click()
    assert "/konto/anmelden/" not in page.url


def visit(page, portal, name):
    """Open the page type `name` as its Besuch describes; assert the expected status."""
    base_url, ids = portal
    besuch = BESUCHE[name]
    response = page.goto(base_url + besuch.path.format(**ids))
    if besuch.submit:
        page.evaluate("document.querySelectorAll('form').forEach(form => { form.noValidate = true; })")
        if besuch.csrf_verfaellt:
            page.evaluate("document.querySelectorAll('[name=csrfmiddlewaretoken]').forEach(i => { i.value = 'x'; })")
        with page.expect_navigation() as navigation:
            page.locator("main").get_by_role("button", name=re.compile(f"^(?:{besuch.submit})$")).first.click()
        response = navigation.value
    assert (response.status, page.url.startswith(base_url)) == (besuch.status, True), name


def widest(page):
    """The five elements reaching farthest past the window's right edge: tag.class and right edge in px."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
                .map(e => [e, Math.round(e.getBoundingClientRect().right)])
                .filter(([e, right]) => right > width)
                .sort((a, b) => b[1] - a[1])
                .slice(0, 5)
                .map(([e, right]) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${right}`);
        }"""
    )


@pytest.mark.parametrize(("viewport", "name"), cases([(v, n) for v in VIEWPORTS for n in BESUCHE], BEKANNT_UEBERLAUF))
def test_page_does_not_scroll_sideways(tabs, portal, viewport, name):
    page = tabs[viewport, BESUCHE[name].role].page
    visit(page, portal, name)

    sizes = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")

    assert sizes[0] <= sizes[1], f"{name} at {viewport}: {sizes[0]} > {sizes[1]} px, widest: {widest(page)}"


@pytest.mark.parametrize(("viewport", "name"), cases([(AXE_VIEWPORT, n) for n in BESUCHE], BEKANNT_AXE))
def test_page_has_no_serious_wcag_violation(tabs, portal, viewport, name):
    tab = tabs[viewport, BESUCHE[name].role]
    visit(tab.page, portal, name)

    violations = tab.axe_violations()

    assert violations == [], f"{name}: {violations}"
