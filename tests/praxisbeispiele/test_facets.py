"""Library filters alone and combined, and facet counts that match the results."""

import pytest

from netzwerk_site.choices import KommuneArt
from praxisbeispiele.choices import PraxisEbene
from praxisbeispiele.models import Foerderung
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory, ZielgruppeFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


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


def test_without_filters_all_examples_are_listed(client, bibliothek):
    response = get(client)

    assert titles(response) == ["Kita-Einstieg", "Pirmasenser Weg", "Schwimmkurse", "Sprachziel Deutsch"]


def test_themenfeld_filter(client, bibliothek):
    assert titles(get(client, themenfeld="ankommen")) == ["Pirmasenser Weg", "Schwimmkurse"]


def test_two_options_of_one_facet_combine_with_or(client, bibliothek):
    response = get(client, zielgruppe=["kinder", "frauen"])

    assert titles(response) == ["Kita-Einstieg", "Pirmasenser Weg", "Schwimmkurse", "Sprachziel Deutsch"]


def test_landkreis_filter_includes_its_municipalities(client, bibliothek):
    assert titles(get(client, kommune="landkreis-mainz-bingen")) == ["Kita-Einstieg", "Schwimmkurse"]


def test_kreisfreie_stadt_filter(client, bibliothek):
    assert titles(get(client, kommune="stadt-pirmasens")) == ["Pirmasenser Weg"]


def test_zielgruppe_filter(client, bibliothek):
    assert titles(get(client, zielgruppe="kinder")) == ["Kita-Einstieg", "Schwimmkurse"]


def test_foerderung_filter(client, bibliothek):
    assert titles(get(client, foerderung="land")) == ["Kita-Einstieg", "Sprachziel Deutsch"]


def test_ebene_filter(client, bibliothek):
    assert titles(get(client, ebene="land")) == ["Sprachziel Deutsch"]


def test_filters_of_different_facets_combine_with_and(client, bibliothek):
    response = get(
        client, themenfeld="bildung", zielgruppe="kinder", foerderung="land", kommune="landkreis-mainz-bingen"
    )

    assert titles(response) == ["Kita-Einstieg"]


def test_facet_counts_match_the_results_each_option_would_give(client, bibliothek):
    response = get(client, themenfeld="bildung")

    assert counts(response, "themenfeld") == {"ankommen": 2, "bildung": 3}
    assert counts(response, "zielgruppe") == {"frauen": 2, "kinder": 1}
    assert counts(response, "kommune") == {"landkreis-mainz-bingen": 1, "stadt-pirmasens": 1}
    assert counts(response, "ebene") == {"kommunal": 2, "land": 1}
    for param, value in [("zielgruppe", "frauen"), ("kommune", "stadt-pirmasens"), ("ebene", "land")]:
        assert len(titles(get(client, themenfeld="bildung", **{param: value}))) == counts(response, param)[value]


def test_facet_counts_ignore_unpublished_praxisbeispiele(client, bibliothek):
    bibliothek["kita"].unpublish()

    response = get(client)

    assert counts(response, "foerderung")["land"] == 1
    assert titles(response) == ["Pirmasenser Weg", "Schwimmkurse", "Sprachziel Deutsch"]


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


def test_empty_result_explains_which_filter_to_loosen(client, bibliothek):
    response = get(client, ebene="land", kommune="stadt-pirmasens")

    html = response.content.decode()
    assert titles(response) == []
    assert "Ohne den Filter Kommune (Stadt Pirmasens) gäbe es 1 Treffer." in html
    assert "Ohne den Filter Ebene (Land) gäbe es 1 Treffer." in html


def test_state_lives_in_the_url_of_pagination_and_export_links(client, bibliothek):
    response = get(client, themenfeld="bildung")

    assert 'href="/praxisbeispiele/export.csv?themenfeld=bildung&amp;sortierung=titel"' in response.content.decode()


def test_free_text_query_narrows_results_and_counts(client, bibliothek):
    response = client.get("/praxisbeispiele/", {"q": "Schwimmkurse"})

    assert titles(response) == ["Schwimmkurse"]
    assert counts(response, "themenfeld") == {"ankommen": 1, "bildung": 0}
