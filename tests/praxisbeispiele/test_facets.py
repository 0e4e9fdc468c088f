"""Library filters alone and combined, and facet counts that match the results."""

import dataclasses
from collections import Counter

from django.http import QueryDict

import pytest

from netzwerk_site.auswahl import count, parse
from netzwerk_site.choices import KommuneArt
from praxisbeispiele.choices import PraxisEbene
from praxisbeispiele.facets import FACETS, SPEC
from praxisbeispiele.models import Foerderung
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory, ZielgruppeFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

# -- parsing the library's URL, without the database ------------------------------------


@pytest.mark.unit
def test_parse_reads_every_parameter_of_the_library():
    querydict = QueryDict(
        "themenfeld=bildung&themenfeld=ankommen&kommune=landkreis-mainz-bingen&zielgruppe=kinder"
        "&foerderung=esf_plus&ebene=land&q=++Kita++Einstieg++&sortierung=titel&seite=2"
    )

    auswahl = parse(querydict, SPEC)

    assert auswahl.values == (
        ("themenfeld", ("bildung", "ankommen")),
        ("kommune", ("landkreis-mainz-bingen",)),
        ("zielgruppe", ("kinder",)),
        ("foerderung", ("esf_plus",)),
        ("ebene", ("land",)),
        ("q", ("Kita Einstieg",)),
        ("sortierung", ("titel",)),
    )
    assert (auswahl.seite, auswahl.notices) == ("2", [])


@pytest.mark.unit
def test_parse_drops_malformed_values_and_unknown_choices_with_the_notices_in_parameter_order():
    querydict = QueryDict("sortierung=zufall&ebene=bund&kommune=%3Cscript%3E&ebene=kommunal")

    auswahl = parse(querydict, SPEC)

    assert (auswahl.getlist("kommune"), auswahl.getlist("ebene"), auswahl.get("sortierung")) == ((), ("kommunal",), "")
    assert auswahl.notices == [
        "Der Filterwert „<script>“ für Kommune ist unbekannt und wurde ignoriert.",
        "Der Filterwert „bund“ für Ebene ist unbekannt und wurde ignoriert.",
        "Die Sortierung „zufall“ gibt es nicht; es gilt die Standardsortierung.",
    ]


@pytest.mark.unit
def test_parse_collapses_and_shortens_the_free_text():
    querydict = QueryDict(mutable=True)
    querydict["q"] = "  Sprach\t kurs " + "x" * 300

    auswahl = parse(querydict, SPEC)

    assert auswahl.get("q") == ("Sprach kurs " + "x" * 300)[:200]


@pytest.mark.unit
def test_parse_without_parameters_chooses_nothing_and_shows_page_one():
    auswahl = parse(QueryDict(""), SPEC)

    assert (auswahl.has_filters(FACETS), auswahl.get("q"), auswahl.seite, auswahl.notices) == (False, "", "1", [])


@pytest.mark.unit
def test_selection_links_keep_the_chosen_values_in_declared_order_without_the_page():
    auswahl = parse(QueryDict("sortierung=titel&seite=3&ebene=land&themenfeld=bildung&q=Kita"), SPEC)

    assert auswahl.querydict().urlencode() == "themenfeld=bildung&ebene=land&q=Kita&sortierung=titel"


@pytest.mark.unit
def test_count_returns_the_counts_and_leaves_the_selection_unchanged():
    rows = [
        {"pk": 1, "themenfeld": {"bildung"}, "ebene": {"land"}},
        {"pk": 2, "themenfeld": {"bildung", "ankommen"}, "ebene": {"kommunal"}},
        {"pk": 3, "themenfeld": {"ankommen"}, "ebene": {"kommunal"}},
    ]
    in_memory = [
        dataclasses.replace(
            facet,
            narrow=lambda items, values, name=facet.name: [r for r in items if r[name] & set(values)],
            count=lambda items, options, name=facet.name: Counter(v for r in items for v in r[name]),
        )
        for facet in FACETS
        if facet.name in ("themenfeld", "ebene")
    ]
    options = {"themenfeld": [("ankommen", "Ankommen"), ("bildung", "Bildung")], "ebene": list(PraxisEbene.choices)}
    auswahl = parse(QueryDict("themenfeld=bildung&ebene=kommunal"), SPEC)
    before = dataclasses.astuple(auswahl)

    counts = count(rows, auswahl, in_memory, options)

    assert counts == {"themenfeld": {"ankommen": 2, "bildung": 1}, "ebene": {"kommunal": 1, "land": 1}}
    assert dataclasses.astuple(auswahl) == before


# -- the library page with data ----------------------------------------------------------


@pytest.fixture
def bibliothek(site_tree):
    """Four examples across two Themenfelder, a Landkreis with a municipality, and a Kommune elsewhere."""
    ankommen = ThemenfeldFactory(slug="ankommen", title="Ankommen", order=1)
    bildung = ThemenfeldFactory(slug="bildung", title="Bildung", order=2)
    kinder = ZielgruppeFactory(slug="kinder", name="Kinder")
    frauen = ZielgruppeFactory(slug="frauen", name="Frauen")
    mainz_bingen = KommuneFactory(slug="landkreis-mainz-bingen", name="Mainz-Bingen")
    nieder_olm = KommuneFactory(
        slug="vg-nieder-olm", name="Nieder-Olm", art=KommuneArt.VERBANDSGEMEINDE, landkreis=mainz_bingen
    )
    pirmasens = KommuneFactory(slug="stadt-pirmasens", name="Pirmasens", art=KommuneArt.KREISFREIE_STADT)
    land = Foerderung.objects.create(slug="land")
    parent = site_tree.praxisbeispiele

    def beispiel(title, **kwargs):
        foerderungen = kwargs.pop("foerderungen", [])
        page = PraxisbeispielPageFactory(parent=parent, title=title, **kwargs)
        page.foerderungen.set(foerderungen)
        page.save()
        return page

    return {
        "schwimmkurse": beispiel("Schwimmkurse", themenfelder=[ankommen], kommunen=[nieder_olm], zielgruppen=[kinder]),
        "weg": beispiel(
            "Pirmasenser Weg", themenfelder=[ankommen, bildung], kommunen=[pirmasens], zielgruppen=[frauen]
        ),
        "kita": beispiel(
            "Kita-Einstieg", themenfelder=[bildung], kommunen=[mainz_bingen], zielgruppen=[kinder], foerderungen=[land]
        ),
        "sprachziel": beispiel(
            "Sprachziel Deutsch",
            themenfelder=[bildung],
            ebene=PraxisEbene.LAND,
            zielgruppen=[frauen],
            foerderungen=[land],
        ),
    }


def titles(response):
    return [p.title for p in response.context["seite"].object_list]


def counts(response, param):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {o.value: o.count for o in facet.options}


def get(client, **params):
    return client.get("/praxisbeispiele/", {"sortierung": "titel", **params})


@pytest.mark.integration
def test_without_filters_all_examples_are_listed(client, bibliothek):
    response = get(client)

    assert titles(response) == ["Kita-Einstieg", "Pirmasenser Weg", "Schwimmkurse", "Sprachziel Deutsch"]


@pytest.mark.integration
def test_themenfeld_filter(client, bibliothek):
    assert titles(get(client, themenfeld="ankommen")) == ["Pirmasenser Weg", "Schwimmkurse"]


@pytest.mark.integration
def test_two_options_of_one_facet_combine_with_or(client, bibliothek):
    response = get(client, zielgruppe=["kinder", "frauen"])

    assert titles(response) == ["Kita-Einstieg", "Pirmasenser Weg", "Schwimmkurse", "Sprachziel Deutsch"]


@pytest.mark.integration
def test_landkreis_filter_includes_its_municipalities(client, bibliothek):
    assert titles(get(client, kommune="landkreis-mainz-bingen")) == ["Kita-Einstieg", "Schwimmkurse"]


@pytest.mark.integration
def test_kreisfreie_stadt_filter(client, bibliothek):
    assert titles(get(client, kommune="stadt-pirmasens")) == ["Pirmasenser Weg"]


@pytest.mark.integration
def test_zielgruppe_filter(client, bibliothek):
    assert titles(get(client, zielgruppe="kinder")) == ["Kita-Einstieg", "Schwimmkurse"]


@pytest.mark.integration
def test_foerderung_filter(client, bibliothek):
    assert titles(get(client, foerderung="land")) == ["Kita-Einstieg", "Sprachziel Deutsch"]


@pytest.mark.integration
def test_ebene_filter(client, bibliothek):
    assert titles(get(client, ebene="land")) == ["Sprachziel Deutsch"]


@pytest.mark.integration
def test_filters_of_different_facets_combine_with_and(client, bibliothek):
    response = get(
        client, themenfeld="bildung", zielgruppe="kinder", foerderung="land", kommune="landkreis-mainz-bingen"
    )

    assert titles(response) == ["Kita-Einstieg"]


@pytest.mark.integration
def test_facet_counts_match_the_results_each_option_would_give(client, bibliothek):
    response = get(client, themenfeld="bildung")

    assert counts(response, "themenfeld") == {"ankommen": 2, "bildung": 3}
    assert counts(response, "zielgruppe") == {"frauen": 2, "kinder": 1}
    assert counts(response, "kommune") == {"landkreis-mainz-bingen": 1, "stadt-pirmasens": 1}
    assert counts(response, "ebene") == {"kommunal": 2, "land": 1}
    for param, value in [("zielgruppe", "frauen"), ("kommune", "stadt-pirmasens"), ("ebene", "land")]:
        assert len(titles(get(client, themenfeld="bildung", **{param: value}))) == counts(response, param)[value]


@pytest.mark.integration
def test_facet_counts_ignore_unpublished_praxisbeispiele(client, bibliothek):
    bibliothek["kita"].unpublish()

    response = get(client)

    assert counts(response, "foerderung")["land"] == 1
    assert titles(response) == ["Pirmasenser Weg", "Schwimmkurse", "Sprachziel Deutsch"]


@pytest.mark.integration
def test_unknown_and_malformed_filter_values_are_ignored_with_a_notice(client, bibliothek):
    response = get(client, themenfeld=["bildung", "atlantis"], kommune="<script>", sortierung="zufall")

    assert response.status_code == 200
    assert titles(response) == ["Sprachziel Deutsch", "Kita-Einstieg", "Pirmasenser Weg"]
    assert response.context["auswahl"].notices == [
        "Der Filterwert „atlantis“ für Themenfeld ist unbekannt und wurde ignoriert.",
        "Der Filterwert „<script>“ für Kommune ist unbekannt und wurde ignoriert.",
        "Die Sortierung „zufall“ gibt es nicht; es gilt die Standardsortierung.",
    ]
    assert "<script>" not in response.content.decode()


@pytest.mark.integration
def test_empty_result_explains_which_filter_to_loosen(client, bibliothek):
    response = get(client, ebene="land", kommune="stadt-pirmasens")

    html = response.content.decode()
    assert titles(response) == []
    assert "Ohne den Filter Kommune (Stadt Pirmasens) gäbe es 1 Treffer." in html
    assert "Ohne den Filter Ebene (Land) gäbe es 1 Treffer." in html


@pytest.mark.integration
def test_state_lives_in_the_url_of_pagination_and_export_links(client, bibliothek):
    response = get(client, themenfeld="bildung")

    assert 'href="/praxisbeispiele/export.csv?themenfeld=bildung&amp;sortierung=titel"' in response.content.decode()


@pytest.mark.integration
def test_free_text_query_narrows_results_and_counts(client, bibliothek):
    # The free text goes through the portal search, whose index follows publishing.
    for page in bibliothek.values():
        page.save_revision().publish()

    response = client.get("/praxisbeispiele/", {"q": "Schwimmkurse"})

    assert titles(response) == ["Schwimmkurse"]
    assert counts(response, "themenfeld") == {"ankommen": 1, "bildung": 0}
