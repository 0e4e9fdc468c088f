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


def test_bulk_replies_leave_what_create_beitrag_leaves(db, django_user_model):
    from bench.data import Benchdaten
    from diskussionen.models import Abonnement, Lesestand
    from diskussionen.rendering import render_markdown
    from netzwerk_site.models import Kommune, Themenfeld

    call_command("seed_netzwerk", stdout=io.StringIO())
    kommune = Kommune.objects.order_by("pk").first()
    starter, a, b = (
        django_user_model.objects.create(username=n, email=f"{n}@example.org", kommune=kommune) for n in ("s", "a", "b")
    )
    antworten = [(a, "Erste **Antwort** aus {kommune}."), (b, "Zweite Antwort."), (a, "Dritte Antwort Sprachcafé.")]

    diskussion = Benchdaten(0.01)._faden("Benchmark: Massenantworten", starter, Themenfeld.objects.first(), antworten)

    diskussion.refresh_from_db()
    posts = list(diskussion.beitraege.order_by("created_at"))
    assert diskussion.beitrag_count == len(posts) == 4
    assert diskussion.last_activity_at == posts[-1].created_at
    assert posts[1].body == f"Erste **Antwort** aus {kommune.name}."
    assert all(p.body_html == render_markdown(p.body) for p in posts)
    assert set(Abonnement.objects.filter(diskussion=diskussion).values_list("user__username", flat=True)) == {
        "s",
        "a",
        "b",
    }
    gelesen = dict(Lesestand.objects.filter(diskussion=diskussion).values_list("user__username", "gelesen_am"))
    assert gelesen["a"] == posts[3].created_at and gelesen["b"] == posts[2].created_at
    document = SuchDokument.objects.get(key=key_for(diskussion))
    assert "sprachcafe" in document.text.lower().replace("é", "e")
