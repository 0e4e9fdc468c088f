"""Pages under a view restriction appear on no public page, list, feed, export or API answer.

Each list that shows pages asks the one visibility rule (netzwerk_site.visibility.public_pages, or
PraxisbeispielPage.objects.published()); these tests first create the restricted page with everything that
links to it, then walk every public place as an anonymous visitor.
"""

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from konto.roles import MEMBER_GROUPS
from praxisbeispiele.choices import UebernahmeStand
from praxisbeispiele.models import Uebernahme
from tests.factories.netzwerk_site import HandlungsfeldPageFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

GEHEIM = "Vertrauliches Pilotprojekt Wohnraumvermittlung"
GEHEIMES_HANDLUNGSFELD = "Vertrauliche Absprache Wohnraumvermittlung"


def _nur_fuer_mitglieder(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=MEMBER_GROUPS))


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(scope="module")
def geschuetzt(welt, django_db_blocker):
    """welt plus a members-only Praxisbeispiel and Handlungsfeld, each linked from every public place."""
    with django_db_blocker.unblock():
        handlungsfeld = _publish(HandlungsfeldPageFactory(parent=welt.themenfeld_seite, title="Offene Absprache"))
        geheimes_handlungsfeld = _publish(
            HandlungsfeldPageFactory(parent=welt.themenfeld_seite, title=GEHEIMES_HANDLUNGSFELD)
        )
        _nur_fuer_mitglieder(geheimes_handlungsfeld)
        welt.praxisbeispiel.kommunen.set([welt.kommune])
        praxisbeispiel = _publish(
            PraxisbeispielPageFactory(
                parent=welt.praxisbeispiel.get_parent(),
                title=GEHEIM,
                slug="vertrauliches-pilotprojekt",
                themenfelder=[welt.themenfeld],
                kommunen=[welt.kommune],
                handlungsfelder=[handlungsfeld, geheimes_handlungsfeld],
            )
        )
        _nur_fuer_mitglieder(praxisbeispiel)
        Uebernahme.objects.create(praxisbeispiel=praxisbeispiel, kommune=welt.kommune, stand=UebernahmeStand.UMGESETZT)
        veranstaltung = VeranstaltungPageFactory(
            parent=welt.veranstaltung.get_parent(), slug="dokumentierter-termin", title="Dokumentierter Termin"
        )
        veranstaltung.praxisbeispiele.set([praxisbeispiel])
        veranstaltung.handlungsfelder.set([handlungsfeld, geheimes_handlungsfeld])
        _publish(veranstaltung)
        return {"handlungsfeld": handlungsfeld, "veranstaltung": veranstaltung}


# Every public place that lists or links pages: its URL from the shared objects and the restricted ones.
ORTE = {
    "startseite": lambda welt, geschuetzt: "/",
    "bibliothek": lambda welt, geschuetzt: "/praxisbeispiele/",
    "bibliothek-suche": lambda welt, geschuetzt: "/praxisbeispiele/?q=Wohnraumvermittlung",
    "bibliothek-kommune": lambda welt, geschuetzt: f"/praxisbeispiele/?kommune={welt.kommune.slug}",
    "export-csv": lambda welt, geschuetzt: "/praxisbeispiele/export.csv",
    "export-json": lambda welt, geschuetzt: "/praxisbeispiele/export.json",
    "feed": lambda welt, geschuetzt: "/praxisbeispiele/feed.atom",
    "aehnliche-beispiele": lambda welt, geschuetzt: welt.praxisbeispiel.url,
    "themenfeld": lambda welt, geschuetzt: welt.themenfeld_seite.url,
    "handlungsfeld": lambda welt, geschuetzt: geschuetzt["handlungsfeld"].url,
    "kommune": lambda welt, geschuetzt: f"/kommunen/{welt.kommune.slug}/",
    "veranstaltung-dokumentation": lambda welt, geschuetzt: geschuetzt["veranstaltung"].url,
    "umsetzung": lambda welt, geschuetzt: "/umsetzung/",
    "suche": lambda welt, geschuetzt: "/suche/?q=Wohnraumvermittlung",
    "api-suche": lambda welt, geschuetzt: "/api/suche/?q=Wohnraumvermittlung",
    "api-seiten": lambda welt, geschuetzt: "/api/v2/pages/?limit=100",
    "api-seiten-suche": lambda welt, geschuetzt: "/api/v2/pages/?search=Wohnraumvermittlung",
}


@pytest.mark.parametrize("ort", ORTE)
def test_members_only_pages_appear_nowhere_an_anonymous_visitor_looks(welt, geschuetzt, ort):
    url = ORTE[ort](welt, geschuetzt)

    response = Client().get(url)

    text = response.content.decode()
    assert (response.status_code, GEHEIM in text, GEHEIMES_HANDLUNGSFELD in text) == (200, False, False)
