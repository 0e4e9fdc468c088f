"""Wagtail documents and picture originals lie outside MEDIA_ROOT and leave the portal only through /dokumente/.

Submissions' files and the documents of members-only pages are Wagtail documents and pictures. The default
storage (netzwerk_site.uploads.MediaStorage) keeps them below PRIVATE_MEDIA_ROOT, Wagtail's view checks the
collection's restriction, and netzwerk_site.dokumente answers with the download headers of members' attachments.
"""

import importlib
from pathlib import Path

from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest

from konto import sammlungen
from konto.roles import Rolle
from praxisbeispiele.submission import ensure_workflow
from tests.factories.einreichungen import PDF_BYTES, einreichung_data, pdf_upload, png_upload
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from tests.sicherheit.test_dateien import SANDBOX, download
from veranstaltungen.choices import Sichtbarkeit

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def root_collection(db):
    """Wagtail's root collection, which the flush after a transactional test in the same worker removes."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def below(path, root):
    return Path(path).resolve().is_relative_to(Path(root).resolve())


@pytest.fixture
def einreichung(client, site_tree, groups):
    """A submission in review with a PDF and a picture; returns its document."""
    ensure_workflow()
    client.force_login(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE))
    data = einreichung_data([ThemenfeldFactory()], anhaenge=[pdf_upload("konzept.pdf"), png_upload("foto.png")])
    client.post("/praxisbeispiele/einreichen/", data)
    client.logout()
    return get_document_model().objects.get()


def test_submitted_files_lie_below_the_private_media_root_and_not_below_the_media_root(einreichung):
    image = get_image_model().objects.get()

    paths = [Path(einreichung.file.path), Path(image.file.path)]

    assert [below(path, django_settings.PRIVATE_MEDIA_ROOT) for path in paths] == [True, True]
    assert [below(path, django_settings.MEDIA_ROOT) for path in paths] == [False, False]
    assert [path.parent.name for path in paths] == ["documents", "original_images"]
    assert paths[0].read_bytes() == PDF_BYTES
    assert not (Path(django_settings.MEDIA_ROOT) / einreichung.file.name).exists()


@pytest.mark.parametrize("rolle", [None, Rolle.MITGLIED_KOMMUNE, Rolle.MITGLIED_LAND])
def test_document_of_a_submission_in_review_is_refused_to_visitors_and_members(client, einreichung, rolle):
    if rolle:
        client.force_login(UserFactory(rolle=rolle))

    response = download(client, einreichung.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/")


def test_redaktion_downloads_a_submitted_document_as_an_attachment_in_a_sandbox(client, einreichung):
    client.force_login(UserFactory(rolle=Rolle.REDAKTION))

    response = download(client, einreichung.url)

    assert einreichung.url == f"/dokumente/{einreichung.pk}/{einreichung.filename}"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{einreichung.filename}"'
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content_bytes == PDF_BYTES


def test_public_document_is_downloaded_by_a_visitor_in_a_sandbox(client, db):
    document = get_document_model().objects.create(title="Liste", file=ContentFile(b"a;b\n", name="liste.csv"))

    response = download(client, document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{document.filename}"'
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content_bytes == b"a;b\n"


def test_migration_moves_documents_and_originals_from_the_media_root_to_the_private_media_root(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path / "media", tmp_path / "private"
    media_root, private_root = settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT
    alt = media_root / "documents" / "altbestand.pdf"
    alt.parent.mkdir(parents=True, exist_ok=True)
    alt.write_bytes(PDF_BYTES)
    original = media_root / "original_images" / "altbestand.png"
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_bytes(b"png")
    rendition = media_root / "images" / "altbestand.fill-40x40.png"
    rendition.parent.mkdir(parents=True, exist_ok=True)
    rendition.write_bytes(b"rendition")
    document = get_document_model().objects.create(title="Altbestand", file=ContentFile(b"", name="platzhalter.pdf"))
    default_storage.delete(document.file.name)
    get_document_model().objects.filter(pk=document.pk).update(file="documents/altbestand.pdf")
    migration = importlib.import_module("netzwerk_site.migrations.0006_dokumente_privat")

    migration.move_private_media(apps, None)

    assert [alt.exists(), original.exists(), rendition.exists()] == [False, False, True]
    assert (private_root / "documents" / "altbestand.pdf").read_bytes() == PDF_BYTES
    assert (private_root / "original_images" / "altbestand.png").read_bytes() == b"png"
    document.refresh_from_db()
    assert download(client, document.url).content_bytes == PDF_BYTES


def test_documents_already_on_a_site_are_sorted_into_their_collections_after_migrate(site_tree, groups):
    root = Collection.get_first_root_node()
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    intern, oeffentlich, beide = (
        get_document_model().objects.create(title=title, file=ContentFile(PDF_BYTES, name=f"{title}.pdf"))
        for title in ("intern", "oeffentlich", "beide")
    )
    for sichtbarkeit, documents in ((Sichtbarkeit.NETZWERK, [intern, beide]), (Sichtbarkeit.OEFFENTLICH, [beide])):
        page = VeranstaltungPageFactory(parent=index, sichtbarkeit=sichtbarkeit)
        page.dokumente = [("dokument", {"document": document, "title": ""}) for document in documents]
        page.save()
    get_document_model().objects.update(collection=root)
    forward_plan = [(object(), False)]

    sammlungen.on_post_migrate(sender=apps.get_app_config("konto"), plan=forward_plan)

    collections = dict(get_document_model().objects.values_list("title", "collection__name"))
    assert collections == {"intern": sammlungen.NETZWERK, "oeffentlich": root.name, "beide": root.name}


def test_flush_does_not_sort_documents(site_tree, groups):
    document = get_document_model().objects.create(title="intern", file=ContentFile(PDF_BYTES, name="intern.pdf"))
    page = VeranstaltungPageFactory(
        parent=VeranstaltungIndexPageFactory(parent=site_tree.home), sichtbarkeit=Sichtbarkeit.NETZWERK
    )
    page.dokumente = [("dokument", {"document": document, "title": ""})]
    page.save()
    get_document_model().objects.update(collection=Collection.get_first_root_node())

    sammlungen.on_post_migrate(sender=apps.get_app_config("konto"), plan=None)

    assert get_document_model().objects.get().collection.depth == 1
