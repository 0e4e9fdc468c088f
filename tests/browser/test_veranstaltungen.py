"""axe-core on the Veranstaltungen pages: list, month view, an event page and the archive."""

import datetime
from urllib.parse import urlsplit

import pytest

from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.choices import Art, Wiederholung

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def veranstaltungen(site_tree):
    themenfeld = ThemenfeldFactory(slug="bildung", title="Bildung (Kita, Schule, berufliche Orientierung)")
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    VeranstaltungPageFactory(
        parent=index,
        title="Vernetzungstreffen Sprachbildung",
        slug="vernetzungstreffen",
        art=Art.VERNETZUNGSTREFFEN,
        start_date=datetime.date(2027, 3, 16),
        wiederholung=Wiederholung.HALBJAEHRLICH,
        anmeldung_aktiv=True,
        plaetze=20,
        themenfelder=[themenfeld],
    )
    VeranstaltungPageFactory(
        parent=index,
        title="Auftaktdialog: Workshop Bildung",
        slug="workshop-bildung",
        art=Art.WORKSHOP,
        start_date=datetime.date(2024, 12, 10),
        protokoll="<p>Die Arbeitsgruppe hat Felder des Zusammenwirkens erarbeitet.</p>",
        teilnehmende_anzahl=15,
        themenfelder=[themenfeld],
    )


PAGES = {
    "Liste": "/veranstaltungen/",
    "Monat": "/veranstaltungen/?ansicht=monat&monat=2027-03",
    "Veranstaltung": "/veranstaltungen/vernetzungstreffen/",
    "Archiv": "/veranstaltungen/archiv/",
    "Dokumentierte Veranstaltung": "/veranstaltungen/workshop-bildung/",
}


def test_veranstaltungen_pages_have_no_serious_wcag_violations_and_request_no_other_host(
    veranstaltungen, live_server, tab
):
    own_host = urlsplit(live_server.url).netloc

    found = tab.violations_per_page(live_server.url, PAGES)

    assert found == {name: [] for name in PAGES}
    assert tab.hosts == {own_host}
