import pytest

from netzwerk_site.choices import Umsetzungsstand
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def handlungsfelder(site_tree, editor):
    ankommen = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    bildung = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    pages = {
        "afa": HandlungsfeldPageFactory(parent=ankommen, title="Informationsvermittlung in den AfA"),
        "kita": HandlungsfeldPageFactory(parent=bildung, title="Kita-System"),
    }
    pages["kita"].umsetzungsstand = Umsetzungsstand.IN_UMSETZUNG
    pages["kita"].save_revision(user=editor).publish()
    return ankommen.themenfeld, bildung.themenfeld, pages


def names(response):
    return [h.title for h in response.context["handlungsfelder"]]


def test_umsetzung_lists_every_handlungsfeld_with_state_and_history(client, handlungsfelder, editor):
    response = client.get("/umsetzung/")

    html = response.content.decode()
    assert names(response) == ["Informationsvermittlung in den AfA", "Kita-System"]
    assert f"in Umsetzung ({editor.get_full_name()})" in html


def test_umsetzung_filters_by_themenfeld_and_state(client, handlungsfelder):
    ankommen, bildung, _ = handlungsfelder

    assert names(client.get("/umsetzung/", {"themenfeld": bildung.slug})) == ["Kita-System"]
    assert names(client.get("/umsetzung/", {"stand": "vereinbart"})) == ["Informationsvermittlung in den AfA"]
    assert names(client.get("/umsetzung/", {"themenfeld": ankommen.slug, "stand": "in_umsetzung"})) == []


def test_umsetzung_ignores_unknown_filters_with_a_notice(client, handlungsfelder):
    response = client.get("/umsetzung/", {"themenfeld": "atlantis", "stand": "fertig"})

    assert names(response) == ["Informationsvermittlung in den AfA", "Kita-System"]
    assert response.context["notices"] == [
        "Das Themenfeld „atlantis“ gibt es nicht; der Filter wurde ignoriert.",
        "Den Stand „fertig“ gibt es nicht; der Filter wurde ignoriert.",
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_umsetzung_query_count_is_constant(client, site_tree, django_assert_num_queries, count):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    for _ in range(count):
        HandlungsfeldPageFactory(parent=themenfeld_page).save_revision().publish()

    # One of the seven is the answer-time figures of the Land, added through the "umsetzung" section place.
    with django_assert_num_queries(7):
        assert client.get("/umsetzung/").status_code == 200
