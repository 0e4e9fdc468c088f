"""A member's own data: the export holds exactly hers, deletion anonymizes and revokes."""

import io
import json
import zipfile

from django.urls import reverse
from django.utils import formats, timezone

import pytest

from diskussionen.beitraege import create_beitrag
from diskussionen.models import Abonnement, Beitrag
from konto.roles import Rolle
from netzwerk_site import uploads
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.einreichungen import PDF_BYTES, einreichung_data, pdf_upload
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.kalenderzugang import regenerate
from veranstaltungen.models import Anmeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORT = "Geheim-Passwort-123"


@pytest.fixture
def zwei_mitglieder(site_tree, groups):
    """Erika and Max, each with a post, a registration, an adoption and a submission of their own."""
    veranstaltung = VeranstaltungPageFactory(
        parent=VeranstaltungIndexPageFactory(parent=site_tree.home), title="Netzwerktreffen Mainz"
    )
    beispiel = PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele, title="Kreuznacher Modell", themenfelder=[ThemenfeldFactory()]
    )
    mitglieder = {}
    for name in ("Erika", "Max"):
        user = UserFactory(
            rolle=Rolle.MITGLIED_KOMMUNE, first_name=name, kommune=KommuneFactory(name=f"Kreis von {name}")
        )
        diskussion = DiskussionFactory(author=user, title=f"Frage von {name}")
        BeitragFactory(diskussion=diskussion, author=user, body=f"Beitrag von {name}.")
        Anmeldung.objects.create(veranstaltung=veranstaltung, user=user, status="angemeldet")
        Uebernahme.objects.create(praxisbeispiel=beispiel, kommune=user.kommune, stand="geplant", created_by=user)
        PraxisbeispielPageFactory(
            parent=site_tree.praxisbeispiele,
            title=f"Einreichung von {name}",
            themenfelder=[ThemenfeldFactory()],
            eingereicht_von=user,
        )
        mitglieder[name] = user
    return mitglieder


def download(client, user):
    client.force_login(user)
    response = client.get(reverse("konto:daten"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return response, archive, json.loads(archive.read("daten.json"))


def test_export_contains_exactly_the_members_own_data(client, zwei_mitglieder):
    response, archive, daten = download(client, zwei_mitglieder["Erika"])

    assert response["Content-Type"] == "application/zip"
    assert archive.namelist() == ["daten.json", "uebersicht.html"]
    assert daten["profil"]["vorname"] == "Erika"
    assert [d["titel"] for d in daten["diskussionen"]["diskussionen"]] == ["Frage von Erika"]
    assert [b["text"] for b in daten["diskussionen"]["beitraege"]] == ["Beitrag von Erika."]
    assert [e["titel"] for e in daten["einreichungen"]] == ["Einreichung von Erika"]
    assert [a["veranstaltung"] for a in daten["anmeldungen"]] == ["Netzwerktreffen Mainz"]
    assert [u["kommune"] for u in daten["uebernahmen"]] == [str(zwei_mitglieder["Erika"].kommune)]
    assert "Max" not in json.dumps(daten)


@pytest.fixture
def mit_dateien(client, site_tree, groups):
    """Max, then Erika, each with a submission carrying a PDF and a post with a PDF; Erika follows Max's thread."""
    themenfeld = ThemenfeldFactory(title="Sprache")
    mitglieder = {}
    for name in ("Max", "Erika"):
        user = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, first_name=name)
        client.force_login(user)
        anhaenge = [pdf_upload(f"Konzept {name}.pdf")]
        client.post(
            "/praxisbeispiele/einreichen/", einreichung_data([themenfeld], title=f"Café {name}", anhaenge=anhaenge)
        )
        diskussion = DiskussionFactory(author=user, title=f"Frage von {name}")
        create_beitrag(
            diskussion, user, f"Protokoll von {name}", dateien=[(pdf_upload(f"protokoll-{name}.pdf"), uploads.PDF)]
        )
        mitglieder[name] = user
    Abonnement.objects.create(
        user=mitglieder["Erika"], diskussion=Beitrag.objects.get(body="Protokoll von Max").diskussion
    )
    return mitglieder


def test_export_zip_holds_data_overview_and_exactly_the_members_files(client, mit_dateien):
    einreichung = PraxisbeispielPage.objects.get(title="Café Erika")
    dokument = einreichung.get_latest_revision_as_object().body[1].value["document"]
    beitrag = Beitrag.objects.get(body="Protokoll von Erika")
    anhang = beitrag.anhaenge.get()

    response, archive, daten = download(client, mit_dateien["Erika"])

    pdf_einreichung = f"anhaenge/einreichungen/{einreichung.pk}/dokument-{dokument.pk}-Konzept_Erika.pdf"
    pdf_beitrag = f"anhaenge/diskussionen/beitrag-{beitrag.pk}/{anhang.pk}-protokoll-Erika.pdf"
    assert sorted(archive.namelist()) == sorted(["daten.json", "uebersicht.html", pdf_einreichung, pdf_beitrag])
    assert (archive.read(pdf_einreichung), archive.read(pdf_beitrag)) == (PDF_BYTES, PDF_BYTES)
    assert daten["einreichungen"][0]["anhaenge"] == [pdf_einreichung]
    assert daten["diskussionen"]["beitraege"][0]["anhaenge"] == [pdf_beitrag]
    assert "Max" not in json.dumps(daten).replace("Frage von Max", "")


def test_export_gives_the_submissions_content_with_creation_time_and_german_state(client, mit_dateien):
    einreichung = PraxisbeispielPage.objects.get(title="Café Erika")

    _, _, daten = download(client, mit_dateien["Erika"])

    eintrag = daten["einreichungen"][0]
    assert eintrag["angelegt_am"] == einreichung.revisions.get().created_at.isoformat()
    assert (eintrag["titel"], eintrag["stand"], eintrag["url"]) == ("Café Erika", "In Prüfung", None)
    assert eintrag["zusammenfassung"] == "Ehrenamtliche laden jede Woche zum Deutschüben ein."
    assert eintrag["beschreibung"] == (
        "Seit 2023 treffen sich Neuzugewanderte im Rathaus.\n\nDas Café wird von der Kommune getragen."
    )
    assert (eintrag["themenfelder"], eintrag["traeger"]) == (["Sprache"], "Integrationsbüro Musterstadt")


def test_export_names_followed_threads_and_gives_states_in_german(client, zwei_mitglieder, mit_dateien):
    erika = mit_dateien["Erika"]
    veranstaltung = Anmeldung.objects.first().veranstaltung
    Anmeldung.objects.create(veranstaltung=veranstaltung, user=erika, status="bestaetigt")
    Uebernahme.objects.create(
        praxisbeispiel=PraxisbeispielPage.objects.get(title="Kreuznacher Modell"),
        kommune=KommuneFactory(name="Mainz"),
        stand="in_umsetzung",
        created_by=erika,
    )
    eigene = Beitrag.objects.get(body="Protokoll von Erika").diskussion
    fremde = Beitrag.objects.get(body="Protokoll von Max").diskussion

    _, _, daten = download(client, erika)

    assert [(a["titel"], a["url"]) for a in daten["diskussionen"]["abonnements"]] == [
        ("Frage von Erika", f"http://127.0.0.1:8000/diskussionen/{eigene.pk}/"),
        ("Frage von Max", f"http://127.0.0.1:8000/diskussionen/{fremde.pk}/"),
    ]
    assert [a["status"] for a in daten["anmeldungen"]] == ["Bestätigt"]
    assert [u["stand"] for u in daten["uebernahmen"]] == ["in Umsetzung"]


def test_overview_is_a_self_contained_german_page_with_a_heading_per_section(client, mit_dateien):
    angelegt = PraxisbeispielPage.objects.get(title="Café Erika").revisions.get().created_at
    _, archive, _ = download(client, mit_dateien["Erika"])

    html = archive.read("uebersicht.html").decode()

    assert '<html lang="de">' in html
    assert ("http://" in html.replace("http://127.0.0.1:8000/", ""), "src=" in html, "<link" in html) == (
        False,
        False,
        False,
    )
    assert "<h2>Profil</h2>" in html
    assert "<h2>Eingereichte Praxisbeispiele</h2>" in html
    assert "<h2>Diskussionen</h2>" in html
    assert "Ehrenamtliche laden jede Woche zum Deutschüben ein." in html
    assert formats.date_format(timezone.localtime(angelegt), "DATETIME_FORMAT") in html
    assert "Protokoll von Max" not in html


def test_export_requires_login(client, site_tree):
    response = client.get(reverse("konto:daten"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("konto:anmelden"))


def test_deleting_the_account_keeps_threads_readable_and_removes_personal_data(
    client, zwei_mitglieder, mailoutbox, settings, django_capture_on_commit_callbacks
):
    erika = zwei_mitglieder["Erika"]
    client.force_login(erika)
    token = regenerate(erika)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("konto:loeschen"), {"password": PASSWORT, "bestaetigung": "on"})

    erika.refresh_from_db()
    beitrag = Beitrag.objects.get(body="Beitrag von Erika.")
    assert response.status_code == 302
    assert (erika.is_active, erika.first_name, erika.email.endswith("@invalid.example")) == (False, "", True)
    assert beitrag.author is None
    assert Anmeldung.objects.filter(user=erika).count() == 0
    assert client.get(f"/kalender/{token}.ics").status_code == 404
    assert [m.to for m in mailoutbox] == [[settings.REDAKTION_EMAIL]]
    assert "_auth_user_id" not in client.session


def test_deleted_members_posts_show_as_former_member(client, zwei_mitglieder):
    erika, max_ = zwei_mitglieder["Erika"], zwei_mitglieder["Max"]
    client.force_login(erika)
    client.post(reverse("konto:loeschen"), {"password": PASSWORT, "bestaetigung": "on"})
    diskussion = Beitrag.objects.get(body="Beitrag von Erika.").diskussion
    client.force_login(max_)

    html = client.get(diskussion.get_absolute_url()).content.decode()

    assert "Beitrag von Erika." in html
    assert "ehemaliges Mitglied" in html
    assert "Erika" not in html.replace("Beitrag von Erika.", "").replace("Frage von Erika", "")


def test_wrong_password_deletes_nothing(client, zwei_mitglieder):
    erika = zwei_mitglieder["Erika"]
    client.force_login(erika)

    response = client.post(reverse("konto:loeschen"), {"password": "falsch", "bestaetigung": "on"})

    erika.refresh_from_db()
    assert response.status_code == 200
    assert "Das Passwort stimmt nicht." in response.content.decode()
    assert erika.is_active
