import pytest

from praxisbeispiele.facets import PER_PAGE
from praxisbeispiele.models import Uebernahme
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def make_examples(site_tree, count):
    themenfeld = ThemenfeldFactory()
    kommune = KommuneFactory()
    return [
        PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[themenfeld], kommunen=[kommune])
        for _ in range(count)
    ]


@pytest.mark.parametrize("count", [30, 300])
def test_library_query_count_does_not_grow_with_the_number_of_examples(
    client, site_tree, django_assert_num_queries, count
):
    make_examples(site_tree, count)

    # The five facets are counted in one query (netzwerk_site.auswahl.count).
    with django_assert_num_queries(19):
        response = client.get("/praxisbeispiele/", {"themenfeld": "themenfeld-0", "seite": "2"})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("seite", "expected_number", "notice"),
    [
        ("1", 1, None),
        ("3", 3, None),
        ("4", 3, "Es gibt nur 3 Seiten; Sie sehen die letzte."),
        ("0", 1, "Seiten beginnen bei 1; Sie sehen Seite 1."),
        ("-2", 1, "Seiten beginnen bei 1; Sie sehen Seite 1."),
        ("zwei", 1, "Die Seitenzahl „zwei“ ist ungültig; Sie sehen Seite 1."),
    ],
)
def test_pagination_edges(client, site_tree, seite, expected_number, notice):
    make_examples(site_tree, PER_PAGE * 2 + 1)

    response = client.get("/praxisbeispiele/", {"seite": seite})

    assert response.status_code == 200
    assert response.context["seite"].number == expected_number
    assert response.context["notices"] == ([notice] if notice else [])


def test_last_page_holds_the_remainder(client, site_tree):
    make_examples(site_tree, PER_PAGE * 2 + 1)

    response = client.get("/praxisbeispiele/", {"seite": "3"})

    assert len(response.context["seite"].object_list) == 1


def test_sorting_newest_first_is_the_default(client, site_tree):
    erstes, zweites = make_examples(site_tree, 2)

    response = client.get("/praxisbeispiele/")

    assert list(response.context["seite"].object_list) == [zweites, erstes]


def test_sorting_by_adoptions(client, site_tree):
    wenig, viel = make_examples(site_tree, 2)
    for kommune in KommuneFactory.create_batch(2):
        Uebernahme.objects.create(praxisbeispiel=viel, kommune=kommune, stand="geplant")
    Uebernahme.objects.create(praxisbeispiel=wenig, kommune=KommuneFactory(), stand="umgesetzt")

    response = client.get("/praxisbeispiele/", {"sortierung": "uebernahmen"})

    assert list(response.context["seite"].object_list) == [viel, wenig]
    assert "Übernommen in 2 Kommunen" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ['"', "*", "NEAR(", "AND", "-", "((", "Sprach" * 1000, "\x00\x07", "%ZZ", "ä' OR 1=1 --"],
)
def test_any_query_string_gives_a_page_not_an_error(client, site_tree, query):
    make_examples(site_tree, 2)

    response = client.get("/praxisbeispiele/", {"q": query})

    assert response.status_code == 200


def test_library_shows_the_submit_link_to_members_only(client, site_tree, member):
    anonymous_html = client.get("/praxisbeispiele/").content.decode()
    client.force_login(member)

    member_html = client.get("/praxisbeispiele/").content.decode()

    assert "Praxisbeispiel einreichen" not in anonymous_html
    assert "Praxisbeispiel einreichen" in member_html
