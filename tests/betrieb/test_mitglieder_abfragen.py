"""Exact queries of a Kommune member's pages at 1 and 3 items: the cold build and the request served from the cache.

A warm request costs the session, the user, her groups, the members' generation and what her personal parts
need; it does not grow with the items of the page except where a part is per item (one query for all).
"""

from django.urls import reverse

import pytest

from diskussionen.models import Abonnement
from konto.roles import Rolle
from praxisbeispiele.choices import UebernahmeStand
from praxisbeispiele.models import Uebernahme
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory, add_beitraege
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, KommuneFactory, ThemenfeldPageFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.choices import AnmeldungStatus
from veranstaltungen.models import Anmeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.SEITENCACHE_SEKUNDEN = 300


@pytest.fixture
def anna(groups):
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=KommuneFactory(name="Kusel"))


def _bibliothek(site_tree, anna, anzahl):
    for _index in range(anzahl):
        PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele)
    return site_tree.praxisbeispiele.url


def _praxisbeispiel(site_tree, anna, anzahl):
    beispiel = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele)
    kommunen = [anna.kommune] + [KommuneFactory() for _index in range(anzahl - 1)]
    for kommune in kommunen:
        Uebernahme.objects.create(praxisbeispiel=beispiel, kommune=kommune, stand=UebernahmeStand.GEPLANT)
    return beispiel.url


def _themenfeld(site_tree, anna, anzahl):
    themenfeld = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    for _index in range(anzahl):
        HandlungsfeldPageFactory(parent=themenfeld)
    return themenfeld.url


def _veranstaltungen(site_tree, anna, anzahl):
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    for _index in range(anzahl):
        veranstaltung = VeranstaltungPageFactory(parent=index)
        Anmeldung.objects.create(veranstaltung=veranstaltung, user=anna, status=AnmeldungStatus.BESTAETIGT)
    return index.url


def _diskussionen(site_tree, anna, anzahl):
    for _index in range(anzahl):
        BeitragFactory(diskussion=DiskussionFactory(author=anna))
    return reverse("diskussionen:liste")


def _diskussion(site_tree, anna, anzahl):
    diskussion = DiskussionFactory(author=anna)
    add_beitraege(diskussion, anzahl)
    Abonnement.objects.create(user=anna, diskussion=diskussion)
    return reverse("diskussionen:diskussion", args=[diskussion.pk])


def _konto(site_tree, anna, anzahl):
    _veranstaltungen(site_tree, anna, anzahl)
    for _ in range(anzahl):
        BeitragFactory(diskussion=DiskussionFactory(author=anna))
    return reverse("konto:uebersicht")


SEITEN = {
    "bibliothek": _bibliothek,
    "praxisbeispiel": _praxisbeispiel,
    "themenfeld": _themenfeld,
    "veranstaltungen": _veranstaltungen,
    "diskussionen": _diskussionen,
    "diskussion": _diskussion,
    "konto": _konto,
}
# (cold build, warm request) by page and number of items. Cold with the caches on: results kept until the content
# changes (netzwerk_site.inhaltsstand) are computed once and their cards then loaded by key (+1 for the library's
# page and the similar examples), the menu's site root paths once (+1). Warm: session, user, her groups (the class)
# and the members' generation, nothing more: the personal parts come from what the first build kept beside the page
# (netzwerk_site.persoenlich.geteilt): the adoption form for her Kommune, the actions on others' posts for her
# class, the follow tools, unread marks and the Land's button for her and her read state. The header's unread count
# comes from the cache (konto.benachrichtigungen). /konto/ is cached for her alone (betrieb.page_cache.PRO_PERSON).
ABFRAGEN = {
    ("bibliothek", 1): (26, 4),
    ("bibliothek", 3): (26, 4),
    ("praxisbeispiel", 1): (35, 4),
    ("praxisbeispiel", 3): (35, 4),
    # +1 cold: the first event list of the day asks once whether a stored next occurrence has passed.
    ("themenfeld", 1): (30, 4),
    ("themenfeld", 3): (30, 4),
    ("veranstaltungen", 1): (20, 4),
    ("veranstaltungen", 3): (20, 4),
    ("diskussionen", 1): (16, 4),
    ("diskussionen", 3): (16, 4),
    ("diskussion", 1): (17, 4),
    ("diskussion", 3): (17, 4),
    ("konto", 1): (19, 4),
    ("konto", 3): (19, 4),
}


@pytest.mark.parametrize(("seite", "anzahl"), list(ABFRAGEN))
def test_a_members_page_costs_exactly_these_queries_cold_and_warm(
    client, site_tree, anna, seite, anzahl, django_assert_num_queries
):
    url = SEITEN[seite](site_tree, anna, anzahl)
    client.force_login(anna)
    cold, warm = ABFRAGEN[seite, anzahl]

    with django_assert_num_queries(cold):
        first = client.get(url)
    with django_assert_num_queries(warm):
        second = client.get(url)

    assert (first.status_code, second.status_code) == (200, 200)
