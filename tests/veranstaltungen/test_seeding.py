"""The seeded Veranstaltungen: five past workshops with documentation, example series and follow-up Dialogforen."""

import pytest

from netzwerk_site.models import HandlungsfeldPage
from netzwerk_site.seeding.loader import Loader
from netzwerk_site.seeding.schema import read_seed
from veranstaltungen.choices import Art, Sichtbarkeit
from veranstaltungen.models import VeranstaltungIndexPage, VeranstaltungPage
from veranstaltungen.seeding import load_veranstaltungen

pytestmark = pytest.mark.django_db


def run_loader():
    loader = Loader(read_seed(), demo=True)
    loader.load_vocabularies()
    loader.load_frame()
    loader.load_themenfelder()
    load_veranstaltungen(loader)
    return loader


def test_auftaktdialog_workshops_are_past_and_documented_by_their_handlungsfelder():
    run_loader()

    workshops = VeranstaltungPage.objects.filter(art=Art.WORKSHOP, slug__startswith="auftaktdialog-").order_by(
        "start_date"
    )

    assert [w.start_date.isoformat() for w in workshops] == [
        "2024-11-12",
        "2024-11-26",
        "2024-12-10",
        "2025-01-14",
        "2025-01-28",
    ]
    assert sum(w.teilnehmende_anzahl for w in workshops) == 75
    for workshop in workshops:
        (themenfeld,) = workshop.themenfelder.all()
        expected = list(HandlungsfeldPage.objects.filter(themenfeld=themenfeld).order_by("pk"))
        assert list(workshop.handlungsfelder.order_by("pk")) == expected


def test_upcoming_meetings_from_the_strategy_are_seeded_as_examples():
    run_loader()

    upcoming = VeranstaltungPage.objects.exclude(slug__startswith="auftaktdialog-").order_by("start_date")

    assert [(p.slug, p.wiederholung, p.sichtbarkeit) for p in upcoming] == [
        ("netzwerktreffen-interkommunales-netzwerk", "halbjaehrlich", Sichtbarkeit.NETZWERK),
        ("runder-tisch-sprachbildung", "", Sichtbarkeit.OEFFENTLICH),
        ("vernetzungstreffen-sprachbildung", "halbjaehrlich", Sichtbarkeit.NETZWERK),
        ("dialogforum-ankommen-und-orientierung", "halbjaehrlich", Sichtbarkeit.OEFFENTLICH),
        ("dialogforum-deutscherwerb-sprachbildung-sprachmittlung", "halbjaehrlich", Sichtbarkeit.OEFFENTLICH),
        ("fachtag-verein-und-ehrenamt", "jaehrlich", Sichtbarkeit.OEFFENTLICH),
        ("dialogforum-bildung", "halbjaehrlich", Sichtbarkeit.OEFFENTLICH),
        ("dialogforum-arbeitsmarkt", "halbjaehrlich", Sichtbarkeit.OEFFENTLICH),
        ("dialogforum-integration-in-den-sozialen-raum", "halbjaehrlich", Sichtbarkeit.OEFFENTLICH),
    ]
    assert all(p.live and "Beispiel" in p.summary for p in upcoming)


def test_seeding_twice_changes_nothing():
    run_loader()
    before = list(VeranstaltungPage.objects.order_by("pk").values_list("pk", "sequence", "latest_revision_id"))

    second = run_loader()

    assert list(VeranstaltungPage.objects.order_by("pk").values_list("pk", "sequence", "latest_revision_id")) == before
    assert [key for key in second.stats if key.startswith("Veranstaltung")] == []
    assert VeranstaltungIndexPage.objects.get().url_path == "/start/veranstaltungen/"
