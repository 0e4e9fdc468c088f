"""A member's own data: the export holds exactly hers, deletion anonymizes and revokes."""

import io
import json
import zipfile

from django.urls import reverse

import pytest

from diskussionen.models import Beitrag
from konto.roles import Rolle
from praxisbeispiele.models import Uebernahme
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
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
    assert archive.namelist() == ["daten.json"]
    assert daten["profil"]["vorname"] == "Erika"
    assert [d["titel"] for d in daten["diskussionen"]["diskussionen"]] == ["Frage von Erika"]
    assert [b["text"] for b in daten["diskussionen"]["beitraege"]] == ["Beitrag von Erika."]
    assert [e["titel"] for e in daten["einreichungen"]] == ["Einreichung von Erika"]
    assert [a["veranstaltung"] for a in daten["anmeldungen"]] == ["Netzwerktreffen Mainz"]
    assert [u["kommune"] for u in daten["uebernahmen"]] == [str(zwei_mitglieder["Erika"].kommune)]
    assert "Max" not in json.dumps(daten)


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
