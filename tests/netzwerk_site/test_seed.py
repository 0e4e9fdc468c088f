"""Fidelity, idempotence and failure behaviour of `manage.py seed_netzwerk`."""

import io
import shutil
from collections import Counter

from django.core.management import call_command

import pytest

from netzwerk_site.models import HandlungsfeldPage, Kommune, Themenfeld, ThemenfeldPage
from netzwerk_site.seeding.schema import DEFAULT_DATA_DIR
from praxisbeispiele.models import PraxisbeispielPage

pytestmark = pytest.mark.integration

THEMENFELDER = [
    "Ankommen und Orientierung",
    "Deutscherwerb, Sprachbildung, Sprachmittlung",
    "Bildung (Kita, Schule, berufliche Orientierung)",
    "Arbeitsmarkt, Beschäftigung, berufliche Bildung",
    "Integration in den sozialen Raum",
]


def seed(*args):
    out = io.StringIO()
    call_command("seed_netzwerk", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Counts and revision totals that a repeated run must leave alone."""
    return {
        "themenfelder": Themenfeld.objects.count(),
        "handlungsfelder": HandlungsfeldPage.objects.count(),
        "praxisbeispiele": PraxisbeispielPage.objects.count(),
        "kommunen": Kommune.objects.count(),
        "revisions": sum(p.revisions.count() for p in PraxisbeispielPage.objects.all()),
    }


@pytest.mark.django_db
def test_seed_loads_the_five_themenfelder_in_order(seeded_module):
    assert list(Themenfeld.objects.values_list("title", flat=True)) == THEMENFELDER
    assert ThemenfeldPage.objects.live().count() == 5


@pytest.mark.django_db
def test_themenfeld_description_comes_from_the_auftaktdialog_section(seeded_module):
    ankommen = Themenfeld.objects.get(slug="ankommen-und-orientierung")

    assert ankommen.description.startswith("Wenn zugewanderte Menschen in ihrer neuen Lebenswelt ankommen")


@pytest.mark.django_db
def test_seed_loads_33_handlungsfelder_under_their_themenfeld(seeded_module):
    counts = Counter(HandlungsfeldPage.objects.live().values_list("themenfeld__slug", flat=True))

    assert counts == {
        "ankommen-und-orientierung": 7,
        "deutscherwerb-sprachbildung-sprachmittlung": 5,
        "bildung": 6,
        "arbeitsmarkt": 7,
        "integration-in-den-sozialen-raum": 8,
    }
    assert all(p.get_parent().specific.themenfeld_id == p.themenfeld_id for p in HandlungsfeldPage.objects.all())


@pytest.mark.django_db
def test_handlungsfeld_keeps_the_zusammenwirken_line_and_agreement(seeded_module):
    afa = HandlungsfeldPage.objects.get(slug="informationsvermittlung-in-den-afa")

    assert afa.zusammenwirken == (
        "Vermittlung von Grundinformationen in den AfA, an die die Informationsvermittlung "
        "in den Kommunen anknüpfen kann."
    )
    assert "stärkere Standardisierung der Informationsvermittlung" in afa.vereinbarung
    assert afa.umsetzungsstand_verlauf.count() == 1


@pytest.mark.django_db
def test_seed_loads_at_least_30_praxisbeispiele_with_unique_titles(seeded_module):
    titles = list(PraxisbeispielPage.objects.live().values_list("title", flat=True))

    assert len(titles) >= 30
    assert len(set(titles)) == len(titles)


@pytest.mark.django_db
def test_kreuznacher_modell_is_for_children_aged_10_to_15_in_bad_kreuznach(seeded_module):
    modell = PraxisbeispielPage.objects.get(slug="kreuznacher-modell")

    assert (modell.alter_von, modell.alter_bis) == (10, 15)
    assert [k.slug for k in modell.kommunen.all()] == ["landkreis-bad-kreuznach"]


@pytest.mark.django_db
def test_pirmasenser_weg_is_one_page_linked_to_two_handlungsfelder(seeded_module):
    weg = PraxisbeispielPage.objects.get(title__startswith="Pirmasenser Weg")

    assert sorted(h.themenfeld.slug for h in weg.handlungsfelder.all()) == [
        "ankommen-und-orientierung",
        "arbeitsmarkt",
    ]
    assert sorted(t.slug for t in weg.themenfelder.all()) == ["ankommen-und-orientierung", "arbeitsmarkt"]
    assert PraxisbeispielPage.objects.filter(title__contains="Pirmasenser Weg").count() == 1


@pytest.mark.django_db
def test_brueckenbauer_belong_to_ludwigshafen(seeded_module):
    brueckenbauer = PraxisbeispielPage.objects.get(slug="brueckenbauer-ludwigshafen")

    assert [k.slug for k in brueckenbauer.kommunen.all()] == ["stadt-ludwigshafen-am-rhein"]
    assert [h.slug for h in brueckenbauer.handlungsfelder.all()] == ["informationsangebote-in-der-kommune"]


@pytest.mark.django_db
def test_seed_loads_the_36_kommunen_and_named_municipalities(seeded_module):
    kreisebene = Kommune.objects.filter(landkreis__isnull=True)
    nieder_olm = Kommune.objects.get(name="Nieder-Olm")

    assert kreisebene.count() == 36
    assert nieder_olm.landkreis.name == "Mainz-Bingen"


@pytest.mark.django_db
def test_second_run_changes_nothing(seeded_module):
    before = snapshot()

    output = seed()

    assert snapshot() == before
    assert " neu:" not in output
    assert "aktualisiert" not in output


@pytest.mark.django_db
def test_second_run_keeps_what_redaktion_changed(seeded_module, editor):
    modell = PraxisbeispielPage.objects.get(slug="kreuznacher-modell")
    modell.summary = "Von der Redaktion überarbeitet."
    modell.save_revision(user=editor).publish()

    seed()

    assert PraxisbeispielPage.objects.get(slug="kreuznacher-modell").summary == "Von der Redaktion überarbeitet."


@pytest.mark.django_db
def test_changed_seed_file_updates_untouched_pages(seeded_module, tmp_path):
    data_dir = tmp_path / "seed"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    path = data_dir / "praxisbeispiele.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('title = "Kreuznacher Modell"', 'title = "Das Kreuznacher Modell"'),
        encoding="utf-8",
    )

    output = seed("--data-dir", str(data_dir))

    assert PraxisbeispielPage.objects.get(slug="kreuznacher-modell").title == "Das Kreuznacher Modell"
    assert "Praxisbeispiel aktualisiert: 1" in output
