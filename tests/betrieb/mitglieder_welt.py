"""A portal with two Kommunen, five viewers and one page of every type members get from the page cache.

Used by tests/betrieb/test_mitglieder_seitencache.py and tests/sicherheit/test_seitencache_personen.py.
Every viewer leaves personal traces: member A's Kommune adopted the Praxisbeispiel, she registered for the
Veranstaltung, follows the thread and wrote a post in it; member B wrote another post.
"""

import re
from types import SimpleNamespace

from django.urls import reverse

from diskussionen.models import Abonnement
from konto.roles import Rolle
from praxisbeispiele.choices import UebernahmeStand
from praxisbeispiele.models import Uebernahme
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, KommuneFactory, ThemenfeldPageFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.choices import AnmeldungStatus
from veranstaltungen.models import Anmeldung

VIEWERS = ("anonym", "kommune_a", "kommune_b", "land", "redaktion")
SEITEN = (
    "startseite",
    "bibliothek",
    "praxisbeispiel",
    "themenfeld",
    "handlungsfeld",
    "veranstaltungen",
    "veranstaltung",
    "diskussionen",
    "diskussion",
    "umsetzung",
    "kommunen",
    "konto",
)
CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def build(site_tree):
    kommune_a = KommuneFactory(name="Kusel")
    kommune_b = KommuneFactory(name="Trier")
    users = {
        "kommune_a": UserFactory(
            rolle=Rolle.MITGLIED_KOMMUNE,
            kommune=kommune_a,
            first_name="Anna",
            last_name="Ahlers",
            email="anna@kusel.example",
        ),
        "kommune_b": UserFactory(
            rolle=Rolle.MITGLIED_KOMMUNE,
            kommune=kommune_b,
            first_name="Bernd",
            last_name="Brehm",
            email="bernd@trier.example",
        ),
        "land": UserFactory(rolle=Rolle.MITGLIED_LAND, first_name="Lena", last_name="Lang", email="lena@land.example"),
        "redaktion": UserFactory(
            rolle=Rolle.REDAKTION, first_name="Rita", last_name="Roth", email="rita@redaktion.example"
        ),
    }
    themenfeld = ThemenfeldPageFactory(parent=site_tree.themenfelder, title="Sprache")
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld, title="Sprachkurse")
    beispiel = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title="Sprachcafé Kusel")
    Uebernahme.objects.create(
        praxisbeispiel=beispiel, kommune=kommune_a, stand=UebernahmeStand.IN_UMSETZUNG, created_by=users["kommune_a"]
    )
    veranstaltungen = VeranstaltungIndexPageFactory(parent=site_tree.home)
    veranstaltung = VeranstaltungPageFactory(parent=veranstaltungen, title="Netzwerktreffen Mainz")
    Anmeldung.objects.create(veranstaltung=veranstaltung, user=users["kommune_a"], status=AnmeldungStatus.BESTAETIGT)
    diskussion = DiskussionFactory(author=users["kommune_a"], title="Sprachstand erheben")
    BeitragFactory(diskussion=diskussion, author=users["kommune_a"], body="Annas eigener Beitrag.")
    BeitragFactory(diskussion=diskussion, author=users["kommune_b"], body="Bernds eigener Beitrag.")
    Abonnement.objects.create(user=users["kommune_a"], diskussion=diskussion)
    urls = {
        "startseite": site_tree.home.url,
        "bibliothek": site_tree.praxisbeispiele.url,
        "praxisbeispiel": beispiel.url,
        "themenfeld": themenfeld.url,
        "handlungsfeld": handlungsfeld.url,
        "veranstaltungen": veranstaltungen.url,
        "veranstaltung": veranstaltung.url,
        "diskussionen": reverse("diskussionen:liste"),
        "diskussion": reverse("diskussionen:diskussion", args=[diskussion.pk]),
        "umsetzung": reverse("umsetzung"),
        "kommunen": reverse("kommune_list"),
        "konto": reverse("konto:uebersicht"),
    }
    return SimpleNamespace(
        users=users,
        urls=urls,
        beispiel=beispiel,
        veranstaltung=veranstaltung,
        diskussion=diskussion,
        kommune_a=kommune_a,
        kommune_b=kommune_b,
    )


def get(client, user, url):
    """The answer to user (None: anonymous) for url, as text with the CSRF token's value blanked."""
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    return response, CSRF_VALUE.sub(r"\1…\2", response.content.decode())
