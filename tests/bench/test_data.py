"""manage.py bench_data: content through the site's own paths, reproducible, and a second run adds nothing."""

import io

from django.core.management import call_command

import pytest

from bench.data import LANGER_FADEN_BEITRAEGE, SLUG_PREFIX
from diskussionen.models import Beitrag, Diskussion
from praxisbeispiele.models import PraxisbeispielPage
from search.documents import key_for
from search.models import SuchDokument
from veranstaltungen.models import Termineintrag, VeranstaltungPage

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def bench_data(scale):
    output = io.StringIO()
    call_command("bench_data", "--scale", scale, stdout=output)
    return output.getvalue()


def inventory():
    return {
        "praxisbeispiele": sorted(
            PraxisbeispielPage.objects.live().filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
        ),
        "veranstaltungen": sorted(
            VeranstaltungPage.objects.live().filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
        ),
        "diskussionen": sorted(Diskussion.objects.values_list("title", "beitrag_count")),
    }


def test_a_small_scale_builds_through_the_sites_paths_and_a_second_run_adds_nothing(db):
    # One test for both: building even the smallest scale takes about 15 s (the 500-post thread).
    output = bench_data("0.05")
    built = inventory()
    bench_data("0.05")

    event = VeranstaltungPage.objects.get(slug__startswith=SLUG_PREFIX)
    long_thread = max(Diskussion.objects.all(), key=lambda d: d.beitrag_count)
    assert (len(built["praxisbeispiele"]), len(built["veranstaltungen"]), len(built["diskussionen"])) == (5, 1, 3)
    assert long_thread.beitrag_count == LANGER_FADEN_BEITRAEGE
    assert not Beitrag.objects.filter(body_html="").exists()
    assert Termineintrag.objects.filter(veranstaltung=event).exists()
    assert SuchDokument.objects.filter(key__in=[key_for(d) for d in Diskussion.objects.all()]).count() == 3
    assert "Benchmark-Daten für Faktor 0.05" in output.splitlines()[-1]
    assert inventory() == built


def test_an_invalid_scale_is_refused_with_a_german_message(db):
    with pytest.raises(Exception, match="Der Faktor --scale muss größer als 0 sein."):
        bench_data("0")
