from wagtail.models import Page

import pytest

from konto.roles import Rolle
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def total(client, page_type):
    response = client.get("/api/v2/pages/", {"type": page_type, "limit": 100, "fields": "title"})
    assert response.status_code == 200
    data = response.json()
    return data["meta"]["total_count"], [item["title"] for item in data["items"]]


def test_api_lists_the_seeded_page_types_without_duplicates(client, seeded_module):
    themenfelder, _ = total(client, "netzwerk_site.ThemenfeldPage")
    handlungsfelder, _ = total(client, "netzwerk_site.HandlungsfeldPage")
    praxis_count, praxis_titles = total(client, "praxisbeispiele.PraxisbeispielPage")

    assert (themenfelder, handlungsfelder) == (5, 33)
    assert praxis_count >= 30
    assert len(set(praxis_titles)) == praxis_count


def test_api_is_read_only(client, seeded_module):
    response = client.post("/api/v2/pages/", {"title": "Neu"})

    assert response.status_code == 405


def test_every_seeded_page_renders_for_anonymous_visitors_or_asks_members_to_log_in(client, seeded_module):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    restricted = {page.pk for page in pages if page.get_view_restrictions()}

    statuses = {page.url: client.get(page.url).status_code for page in pages}

    assert {type(page).__name__ for page in pages} == {
        "HomePage",
        "ThemenfeldIndexPage",
        "ThemenfeldPage",
        "HandlungsfeldPage",
        "PraxisbeispielIndexPage",
        "PraxisbeispielPage",
        "KooperationsstrategiePage",
        "StrategieabschnittPage",
        "InhaltsPage",
        "VeranstaltungIndexPage",
        "VeranstaltungPage",
    }
    assert {page.url: statuses[page.url] for page in pages if page.pk not in restricted} == {
        page.url: 200 for page in pages if page.pk not in restricted
    }
    assert {statuses[page.url] for page in pages if page.pk in restricted} <= {302}


def test_strategy_pages_show_six_and_four_points(client, seeded_module):
    grundverstaendnis = client.get("/kooperationsstrategie/grundverstaendnis/").content.decode()
    eckpunkte = client.get("/kooperationsstrategie/eckpunkte/").content.decode()

    assert grundverstaendnis.count('class="punkt"') == 6
    assert eckpunkte.count('class="punkt"') == 4
    assert "Etablierung eines interkommunalen Netzwerks" in eckpunkte


def test_seed_creates_the_legal_pages_and_leichte_sprache(client, seeded_module):
    pages = {
        url: client.get(url) for url in ["/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/"]
    }

    assert {url: r.status_code for url, r in pages.items()} == dict.fromkeys(pages, 200)
    datenschutz = pages["/datenschutz/"].content.decode()
    assert "kein Cookie-Banner" in datenschutz
    assert "[Platzhalter:" in datenschutz
    assert "Durchsetzungsstelle" in pages["/barrierefreiheit/"].content.decode()


@pytest.mark.parametrize("rolle", [Rolle.MITGLIED_KOMMUNE, Rolle.MITGLIED_LAND, Rolle.REDAKTION])
def test_every_seeded_internal_page_opens_for_each_network_role(client, seeded_module, rolle):
    restricted = [page for page in Page.objects.live().specific() if page.get_view_restrictions()]
    client.force_login(UserFactory(rolle=rolle))

    statuses = {page.url: client.get(page.url).status_code for page in restricted}

    assert sorted(statuses) == [
        "/veranstaltungen/netzwerktreffen-interkommunales-netzwerk/",
        "/veranstaltungen/vernetzungstreffen-sprachbildung/",
    ]
    assert statuses == {page.url: 200 for page in restricted}
