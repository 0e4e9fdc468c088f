"""The one list pipeline: parsing without a database, the page rule, and exact query counts per list view."""

from django.core.cache import cache
from django.http import QueryDict

import pytest

from netzwerk_site.auswahl import Facet, Param, load, paginate, parse, toggle
from tests.factories.diskussionen import DiskussionFactory
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldFactory, ThemenfeldPageFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory

SPEC = (
    Facet("themenfeld", "Themenfeld", multiple=True, load=lambda: [("bildung", "Bildung"), ("arbeit", "Arbeit")]),
    Facet("stand", "Stand", kind="choice", choices=(("offen", "Offen"), ("erledigt", "Erledigt"))),
    Param("q", kind="text", max_length=10),
)


@pytest.mark.unit
def test_parse_keeps_well_formed_values_in_declared_order():
    querydict = QueryDict("themenfeld=arbeit&themenfeld=bildung&themenfeld=arbeit&stand=offen&q=++Kita++Platz++")

    auswahl = parse(querydict, SPEC)

    assert (auswahl.getlist("themenfeld"), auswahl.get("stand"), auswahl.get("q"), auswahl.notices) == (
        ("arbeit", "bildung"),
        "offen",
        "Kita Platz",
        [],
    )


@pytest.mark.unit
def test_parse_drops_malformed_and_unknown_choices_with_a_notice():
    querydict = QueryDict("themenfeld=%3Cscript%3E&stand=fertig&stand=offen&seite=abc")

    auswahl = parse(querydict, SPEC)

    assert (auswahl.getlist("themenfeld"), auswahl.get("stand"), auswahl.seite) == ((), "", "abc")
    assert auswahl.notices == [
        "Der Filterwert „<script>“ für Themenfeld ist unbekannt und wurde ignoriert.",
        "Der Filterwert „fertig“ für Stand ist unbekannt und wurde ignoriert.",
    ]


@pytest.mark.unit
def test_load_drops_values_missing_from_the_options_and_keeps_the_notice_order():
    auswahl = parse(QueryDict("themenfeld=atlantis&themenfeld=bildung&stand=fertig"), SPEC)

    loaded, options = load(auswahl, SPEC[:2])

    assert loaded.getlist("themenfeld") == ("bildung",)
    assert options["stand"] == [("offen", "Offen"), ("erledigt", "Erledigt")]
    assert loaded.notices == [
        "Der Filterwert „atlantis“ für Themenfeld ist unbekannt und wurde ignoriert.",
        "Der Filterwert „fertig“ für Stand ist unbekannt und wurde ignoriert.",
    ]
    assert auswahl.getlist("themenfeld") == ("atlantis", "bildung")


@pytest.mark.unit
def test_toggle_switches_one_value_and_drops_the_page():
    querydict = QueryDict("themenfeld=bildung&stand=offen&seite=3")

    on = toggle(querydict, SPEC[0], "arbeit")
    off = toggle(querydict, SPEC[0], "bildung")
    replaced = toggle(querydict, SPEC[1], "erledigt")

    assert on.urlencode() == "themenfeld=bildung&themenfeld=arbeit&stand=offen"
    assert off.urlencode() == "stand=offen"
    assert replaced.urlencode() == "themenfeld=bildung&stand=erledigt"


@pytest.mark.unit
@pytest.mark.parametrize(
    ("seite", "number", "notices"),
    [
        ("2", 2, []),
        ("abc", 1, ["Die Seitenzahl „abc“ ist ungültig; Sie sehen Seite 1."]),
        ("0", 1, ["Seiten beginnen bei 1; Sie sehen Seite 1."]),
        ("9", 3, ["Es gibt nur 3 Seiten; Sie sehen die letzte."]),
    ],
)
def test_paginate_shows_the_nearest_valid_page_with_a_notice(seite, number, notices):
    items = list(range(25))

    page, given = paginate(items, seite, 10)

    assert (page.number, given) == (number, notices)


@pytest.mark.unit
def test_paginate_past_the_only_page_says_so_in_the_singular():
    page, notices = paginate([1], "4", 10)

    assert (page.number, notices) == (1, ["Es gibt nur 1 Seite; Sie sehen sie."])


# -- exact query counts of every list view at 1 and 3 items ---------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "queries"), [(1, 19), (3, 19)])
# 19: the five facets' counts come from one UNION ALL query (23 with one count query per facet).
def test_library_query_count(client, site_tree, django_assert_num_queries, count, queries):
    themenfeld = ThemenfeldFactory(slug="bildung")
    for _ in range(count):
        PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[themenfeld])

    with django_assert_num_queries(queries):
        response = client.get("/praxisbeispiele/?themenfeld=bildung")

    assert response.context["anzahl"] == count


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "queries"), [(1, 15), (3, 15)])
def test_veranstaltungen_list_query_count(client, site_tree, django_assert_num_queries, count, queries):
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    for _ in range(count):
        VeranstaltungPageFactory(parent=index)

    with django_assert_num_queries(queries):
        response = client.get("/veranstaltungen/?art=netzwerktreffen&art=fachtag&themenfeld=x")

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "queries"), [(1, 12), (3, 12)])
# 12 with the header's unread notification count, cached per member after the request.
def test_diskussionen_list_query_count(member_client, django_assert_num_queries, count, queries):
    DiskussionFactory.create_batch(count)

    with django_assert_num_queries(queries):
        response = member_client.get("/diskussionen/?stand=offen")

    assert len(response.context["seite"].object_list) == count


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "queries"), [(1, 7), (3, 7)])
# 7 with the answer-time figures per Land organisation (one aggregate query).
def test_umsetzung_query_count(client, site_tree, django_assert_num_queries, count, queries):
    themenfeld = ThemenfeldFactory(slug="bildung")
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder, themenfeld=themenfeld)
    for _ in range(count):
        HandlungsfeldPageFactory(parent=themenfeld_page, themenfeld=themenfeld).save_revision().publish()

    with django_assert_num_queries(queries):
        response = client.get("/umsetzung/?themenfeld=bildung")

    assert len(response.context["handlungsfelder"]) == count


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "queries"), [(1, 7), (3, 6)])
def test_suche_query_count(client, site_tree, django_assert_num_queries, count, queries):
    themenfeld = ThemenfeldFactory(slug="bildung")
    for number in range(count):
        page = PraxisbeispielPageFactory(
            parent=site_tree.praxisbeispiele, title=f"Stadtteilmütter {number}", themenfelder=[themenfeld]
        )
        page.save_revision().publish()
    cache.clear()
    client.get("/suche/", {"q": "warm-up"})

    with django_assert_num_queries(queries):
        response = client.get("/suche/", {"q": "Stadtteilmütter", "themenfeld": "bildung"})

    assert response.context["ergebnis"].count == count
