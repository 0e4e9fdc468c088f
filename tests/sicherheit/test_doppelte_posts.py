"""Every creating POST is safe to repeat: a double click creates one object and both answers lead to it."""

from django.urls import reverse

import pytest

from diskussionen.models import Beitrag, Diskussion, Meldung
from netzwerk_site.models import Barrieremeldung
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme
from praxisbeispiele.submission import ensure_workflow
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.einreichungen import einreichung_data, pdf_upload
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.models import Anmeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def twice(client, url, data=None, make_data=None):
    """POST the same form twice, as a double click does; make_data builds fresh uploads for each."""
    return [client.post(url, make_data() if make_data else data) for _ in range(2)]


def locations(responses):
    return [(response.status_code, response["Location"]) for response in responses]


@pytest.fixture
def themenfeld(db):
    return ThemenfeldFactory(title="Sprache und Bildung")


@pytest.fixture
def diskussion(member, themenfeld):
    diskussion = DiskussionFactory(author=member, themenfeld=themenfeld, title="Sprachstand nach der Zuweisung")
    BeitragFactory(diskussion=diskussion, author=member, body="Wie organisieren Sie die Sprachstandsfeststellung?")
    return diskussion


def test_double_click_on_diskussion_eroeffnen_opens_one_thread(member_client, themenfeld):
    data = {"title": "Sprachkurse nach Zuweisung", "body": "Wie machen Sie das?", "themenfeld": themenfeld.pk}

    responses = twice(member_client, "/diskussionen/neu/", data)

    diskussion = Diskussion.objects.get()
    assert locations(responses) == [(302, f"/diskussionen/{diskussion.pk}/")] * 2


def test_double_click_on_antworten_adds_one_post(member_client, diskussion):
    url = f"/diskussionen/{diskussion.pk}/antworten/"

    responses = twice(member_client, url, {"body": "Bei uns mit der VHS."})

    antwort = Beitrag.objects.get(diskussion=diskussion, body="Bei uns mit der VHS.")
    assert diskussion.beitraege.count() == 2
    assert locations(responses) == [(302, f"/diskussionen/beitrag/{antwort.pk}/")] * 2


def test_double_click_on_melden_files_one_report(member_client, diskussion):
    beitrag = diskussion.beitraege.get()
    url = f"/diskussionen/beitrag/{beitrag.pk}/melden/"

    responses = twice(member_client, url, {"grund": "Enthält persönliche Daten."})

    assert list(Meldung.objects.values_list("beitrag", "grund")) == [(beitrag.pk, "Enthält persönliche Daten.")]
    assert locations(responses) == [(302, f"/diskussionen/beitrag/{beitrag.pk}/")] * 2


def test_double_click_on_einreichen_submits_one_praxisbeispiel(member_client, site_tree, groups, themenfeld):
    ensure_workflow()

    responses = twice(
        member_client,
        "/praxisbeispiele/einreichen/",
        make_data=lambda: einreichung_data([themenfeld], anhaenge=[pdf_upload("konzept.pdf")]),
    )

    einreichung = PraxisbeispielPage.objects.get(title="Sprachcafé Musterstadt")
    assert locations(responses) == [(302, f"/praxisbeispiele/einreichen/{einreichung.pk}/danke/")] * 2


def test_double_click_on_anmelden_registers_once_and_lands_on_the_event(member_client, member, site_tree):
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    treffen = VeranstaltungPageFactory(parent=index, anmeldung_aktiv=True, plaetze=2)

    responses = twice(member_client, f"/aktionen/veranstaltungen/{treffen.pk}/anmelden/")

    assert list(Anmeldung.objects.values_list("veranstaltung", "user")) == [(treffen.pk, member.pk)]
    assert locations(responses) == [(302, treffen.url)] * 2


def test_double_click_on_uebernahme_records_one_adoption(client, groups, site_tree):
    kusel = KommuneFactory(name="Kusel")
    client.force_login(UserFactory(rolle="Mitglied (Kommune)", kommune=kusel))
    beispiel = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[ThemenfeldFactory()])
    url = reverse("praxisbeispiele:uebernahme_speichern", kwargs={"pk": beispiel.pk})

    responses = twice(client, url, {"stand": "in_umsetzung", "notiz": "Angepasst für unsere Grundschulen."})

    assert list(Uebernahme.objects.values_list("praxisbeispiel", "kommune")) == [(beispiel.pk, kusel.pk)]
    assert locations(responses) == [(302, f"{beispiel.url}#uebernahmen")] * 2


def test_double_click_on_barriere_melden_stores_one_report(client, site_tree, settings):
    settings.BARRIERE_MELDEN_MIN_SEKUNDEN = 0
    form = client.get("/barriere-melden/").context["form"]
    data = {
        **{field.html_name: field.value() for field in form.hidden_fields()},
        "seite": "/praxisbeispiele/",
        "beschreibung": "Der Filter lässt sich nicht mit der Tastatur bedienen.",
        "homepage": "",
    }

    responses = twice(client, "/barriere-melden/", data)

    assert Barrieremeldung.objects.count() == 1
    assert locations(responses) == [(302, "/barriere-melden/danke/")] * 2


def test_repeat_after_the_window_is_a_new_post(member_client, diskussion, settings):
    settings.DOPPELTE_POSTS_SEKUNDEN = 0
    url = f"/diskussionen/{diskussion.pk}/antworten/"

    twice(member_client, url, {"body": "Bei uns mit der VHS."})

    assert list(diskussion.beitraege.filter(body="Bei uns mit der VHS.").values_list("body", flat=True)) == [
        "Bei uns mit der VHS.",
        "Bei uns mit der VHS.",
    ]


def test_changed_post_within_the_window_is_created(member_client, diskussion):
    url = f"/diskussionen/{diskussion.pk}/antworten/"

    member_client.post(url, {"body": "Bei uns mit der VHS."})
    member_client.post(url, {"body": "Und mit dem Jobcenter."})

    assert diskussion.beitraege.count() == 3


def test_repeat_of_a_refused_form_shows_the_errors_again(member_client):
    responses = twice(member_client, "/diskussionen/neu/", {"title": "", "body": "Mein Text."})

    assert [response.status_code for response in responses] == [200, 200]
    assert Diskussion.objects.count() == 0


def test_repeat_by_another_member_is_her_own_post(client, diskussion, member, groups):
    url = f"/diskussionen/{diskussion.pk}/antworten/"
    client.force_login(member)
    client.post(url, {"body": "Bei uns mit der VHS."})
    client.force_login(UserFactory(rolle="Mitglied (Kommune)"))

    client.post(url, {"body": "Bei uns mit der VHS."})

    assert diskussion.beitraege.filter(body="Bei uns mit der VHS.").count() == 2


def test_registering_again_after_cancelling_within_the_window_registers_again(member_client, member, site_tree):
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    treffen = VeranstaltungPageFactory(parent=index, anmeldung_aktiv=True, plaetze=2)
    member_client.post(f"/aktionen/veranstaltungen/{treffen.pk}/anmelden/")
    member_client.post(f"/aktionen/veranstaltungen/{treffen.pk}/abmelden/")

    response = member_client.post(f"/aktionen/veranstaltungen/{treffen.pk}/anmelden/")

    assert (response.status_code, response["Location"]) == (302, treffen.url)
    assert list(Anmeldung.objects.values_list("veranstaltung", "user")) == [(treffen.pk, member.pk)]


def test_triple_click_still_creates_one_object(member_client, diskussion):
    url = f"/diskussionen/{diskussion.pk}/antworten/"

    responses = [member_client.post(url, {"body": "Danke, das hilft uns weiter."}) for _ in range(3)]

    assert diskussion.beitraege.count() == 2
    assert len({response["Location"] for response in responses}) == 1
