"""Attachments checked by content and served to members only; data export and anonymisation of a member."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from diskussionen.beitraege import create_beitrag
from diskussionen.models import Anhang, Beitrag, Diskussion
from diskussionen.personal_data import anonymize_author, export_for
from netzwerk_site import uploads
from tests.conftest import close_response
from tests.factories.einreichungen import EXE_BYTES, docx_upload, pdf_upload

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_member_attaches_a_document_and_other_members_download_it(client, diskussion, member, other_member):
    client.force_login(member)
    client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Protokoll anbei", "anhaenge": [docx_upload()]})
    anhang = Anhang.objects.get()
    client.force_login(other_member)

    response = client.get(f"/diskussionen/anhang/{anhang.pk}/")
    content = b"".join(response.streaming_content)
    close_response(response)

    assert (anhang.name, anhang.mime) == (
        "protokoll.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="protokoll.docx"'
    assert content[:4] == b"PK\x03\x04"
    client.logout()
    assert client.get(f"/diskussionen/anhang/{anhang.pk}/").status_code == 302


def test_executable_attachment_is_refused_and_the_text_is_kept(client, diskussion, member):
    client.force_login(member)
    upload = SimpleUploadedFile("bericht.pdf", EXE_BYTES, content_type="application/pdf")

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Bericht anbei", "anhaenge": [upload]})

    assert response.context["form"].errors == {
        "anhaenge": [
            "Die Datei „bericht.pdf“ ist kein erlaubter Dateityp. Wählen Sie ein PDF, ein Bild oder ein "
            "Office-Dokument ohne Makros."
        ]
    }
    assert response.context["form"]["body"].value() == "Bericht anbei"
    assert Anhang.objects.count() == 0


def test_export_lists_posts_threads_follows_reports_and_attachment_names_in_the_zip(diskussion, member, other_member):
    beitrag = create_beitrag(diskussion, member, "Mit Anhang", dateien=[(pdf_upload(), uploads.PDF)])
    from diskussionen.moderation import melden

    melden(diskussion.beitraege.first(), other_member, "Prüfen")

    daten = export_for(member).data["diskussionen"]

    assert daten["diskussionen"] == [
        {
            "id": diskussion.pk,
            "titel": "Sprachstand nach der Zuweisung",
            "url": f"http://127.0.0.1:8000/diskussionen/{diskussion.pk}/",
            "stand": "offen",
            "begonnen_am": diskussion.created_at.isoformat(),
        }
    ]
    assert [b["text"] for b in daten["beitraege"]] == [
        "Wie organisieren Sie die Sprachstandsfeststellung?",
        "Mit Anhang",
    ]
    anhang = beitrag.anhaenge.get()
    assert daten["beitraege"][1]["anhaenge"] == [f"anhaenge/diskussionen/beitrag-{beitrag.pk}/{anhang.pk}-konzept.pdf"]
    assert [a["titel"] for a in daten["abonnements"]] == ["Sprachstand nach der Zuweisung"]
    assert export_for(other_member).data["diskussionen"]["meldungen"][0]["grund"] == "Prüfen"


def test_anonymized_author_stays_readable_as_former_member(client, diskussion, member, other_member):
    create_beitrag(diskussion, other_member, "Antwort bleibt")

    anonymize_author(member)

    client.force_login(other_member)
    html = client.get(f"/diskussionen/{diskussion.pk}/").content.decode()
    assert Beitrag.objects.filter(author__isnull=True).count() == 1
    assert Diskussion.objects.get().author is None
    assert '<span class="beitrag__autor">ehemaliges Mitglied</span>' in html
    assert "Wie organisieren Sie die Sprachstandsfeststellung?" in html
    assert export_for(member).data["diskussionen"]["beitraege"] == []
