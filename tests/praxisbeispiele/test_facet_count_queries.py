"""The library's facet counts cost one query, whatever the number of examples and of chosen options."""

from django.http import QueryDict

import pytest

from netzwerk_site.auswahl import count, load, parse
from netzwerk_site.choices import KommuneArt
from praxisbeispiele.facets import FACETS, SPEC
from praxisbeispiele.models import PraxisbeispielPage
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory, ZielgruppeFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory


@pytest.mark.django_db
@pytest.mark.parametrize("items", [1, 3])
@pytest.mark.parametrize(
    "query",
    [
        "",
        "themenfeld=bildung",
        "themenfeld=bildung&kommune=landkreis-mainz-bingen",
        "themenfeld=bildung&themenfeld=ankommen&kommune=landkreis-mainz-bingen&zielgruppe=kinder&ebene=kommunal",
    ],
)
def test_facet_counts_take_one_query_for_any_number_of_examples_and_selections(
    site_tree, django_assert_num_queries, items, query
):
    bildung = ThemenfeldFactory(slug="bildung")
    ThemenfeldFactory(slug="ankommen")
    kinder = ZielgruppeFactory(slug="kinder")
    mainz_bingen = KommuneFactory(slug="landkreis-mainz-bingen", name="Mainz-Bingen")
    nieder_olm = KommuneFactory(slug="vg-nieder-olm", art=KommuneArt.VERBANDSGEMEINDE, landkreis=mainz_bingen)
    for _ in range(items):
        PraxisbeispielPageFactory(
            parent=site_tree.praxisbeispiele, themenfelder=[bildung], kommunen=[nieder_olm], zielgruppen=[kinder]
        )
    auswahl, options = load(parse(QueryDict(query), SPEC), FACETS)
    library = PraxisbeispielPage.objects.library(auswahl)

    with django_assert_num_queries(1):
        counts = count(library, auswahl, FACETS, options)

    assert (counts["themenfeld"]["bildung"], counts["kommune"]["landkreis-mainz-bingen"]) == (items, items)
    assert (counts["zielgruppe"]["kinder"], counts["ebene"]["kommunal"]) == (items, items)
