"""Files members upload and documents of restricted pages: where they lie, who may fetch them, with which headers.

Every file URL the site can hand out is tried as anonymous visitor, member and Redaktion: attachments of
Beiträge, Wagtail documents (/dokumente/<id>/<name>) and images, originals and renditions.
"""

import importlib
import io
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image

from diskussionen.models import Anhang
from konto.roles import Rolle
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.submission import ensure_workflow
from tests.conftest import close_response
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.einreichungen import PDF_BYTES, einreichung_data, png_bytes
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.choices import Sichtbarkeit

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# Accepted as a PDF by its first bytes, read as HTML by a browser that is told or guesses text/html.
PDF_HTML = b"%PDF-1.4\n<html><body><script>fetch('/admin/')</script></body></html>\n"
RANDOM_NAME = re.compile(r"^[0-9a-f]{32}\.(pdf|png|jpg|gif|webp|docx|xlsx|pptx|odt|ods|odp)$")
SANDBOX = "default-src 'none'; sandbox"


def download(client, url):
    response = client.get(url)
    if response.streaming:
        response.content_bytes = b"".join(response.streaming_content)
        close_response(response)
    return response


@pytest.fixture
def other_member(groups):
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)


def reply(client, diskussion, *uploads):
    return client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Anbei", "anhaenge": list(uploads)})


# -- finding 1: attachments of Beiträge ---------------------------------------------------------------------------
def test_attachment_is_stored_outside_the_media_root_under_a_random_name(client, member):
    diskussion = DiskussionFactory()
    client.force_login(member)

    reply(client, diskussion, SimpleUploadedFile("bericht.html", PDF_HTML, content_type="text/html"))

    anhang = Anhang.objects.get()
    path = Path(anhang.datei.path).resolve()
    assert anhang.datei.storage is storages["private"]
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert RANDOM_NAME.match(path.name)
    assert path.name.endswith(".pdf")
    assert path.read_bytes() == PDF_HTML


def test_attachment_is_downloaded_under_its_detected_type_in_a_sandbox(client, member, other_member):
    diskussion = DiskussionFactory()
    client.force_login(member)
    reply(client, diskussion, SimpleUploadedFile("bericht.html", PDF_HTML, content_type="text/html"))
    client.force_login(other_member)

    response = download(client, Anhang.objects.get().get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bericht.pdf"'
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response.content_bytes == PDF_HTML


def test_image_attachment_is_shown_inline_in_a_sandbox(client, member, other_member):
    diskussion = DiskussionFactory()
    client.force_login(member)
    reply(client, diskussion, SimpleUploadedFile("foto.gif", png_bytes(), content_type="image/gif"))
    client.force_login(other_member)

    response = download(client, Anhang.objects.get().get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="foto.png"'
    assert response["Content-Security-Policy"] == SANDBOX


@pytest.mark.parametrize(("zustand", "rolle", "status"), [
    ("is_verborgen", Rolle.MITGLIED_KOMMUNE, 404),
    ("is_verborgen", Rolle.REDAKTION, 200),
    ("is_geloescht", Rolle.MITGLIED_KOMMUNE, 404),
    ("is_geloescht", Rolle.REDAKTION, 200),
])  # fmt: skip
def test_attachments_of_hidden_or_withdrawn_posts_are_served_to_the_redaktion_only(
    client, groups, zustand, rolle, status
):
    beitrag = BeitragFactory(**{zustand: True})
    anhang = Anhang.objects.create(
        beitrag=beitrag, datei=ContentFile(PDF_BYTES, name="a.pdf"), name="a.pdf", mime="application/pdf", groesse=9
    )
    client.force_login(UserFactory(rolle=rolle))

    response = download(client, anhang.get_absolute_url())

    assert response.status_code == status


def test_migration_moves_existing_attachments_into_the_private_storage_under_random_names(groups):
    beitrag = BeitragFactory()
    alt = default_storage.save("diskussionen/2025/01/bericht.html", ContentFile(PDF_HTML))
    anhang = Anhang.objects.create(beitrag=beitrag, name="bericht.html", mime="application/pdf", groesse=9)
    Anhang.objects.filter(pk=anhang.pk).update(datei=alt)
    migration = importlib.import_module("diskussionen.migrations.0002_anhang_privat")

    migration.move_to_private_storage(apps, None)

    anhang.refresh_from_db()
    assert not default_storage.exists(alt)
    assert RANDOM_NAME.match(Path(anhang.datei.name).name)
    assert anhang.datei.name.endswith(".pdf")
    assert Path(storages["private"].path(anhang.datei.name)).read_bytes() == PDF_HTML


# -- finding 2: every document and image URL as every role --------------------------------------------------------
@pytest.fixture
def dateien(client, site_tree, groups, django_capture_on_commit_callbacks):
    """A submission in review, a rejected and a published one, each with a PDF and a picture, and an internal
    and a public Veranstaltung with a document; returns the Redaktion user."""
    ensure_workflow()
    themenfeld = ThemenfeldFactory()
    member, redaktion = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE), UserFactory(rolle=Rolle.REDAKTION)
    for title in ("In Prüfung", "Abgelehnt", "Veröffentlicht"):
        client.force_login(member)
        anhaenge = [
            SimpleUploadedFile(f"{title}.pdf", PDF_BYTES, content_type="application/pdf"),
            SimpleUploadedFile(f"{title}.png", png_bytes(), content_type="image/png"),
        ]
        client.post("/praxisbeispiele/einreichen/", einreichung_data([themenfeld], title=title, anhaenge=anhaenge))
    client.force_login(redaktion)
    for title, action, comment in (("Abgelehnt", "ablehnen", "Passt nicht."), ("Veröffentlicht", "approve", "")):
        page = PraxisbeispielPage.objects.get(title=title)
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"comment": comment})
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    for sichtbarkeit in (Sichtbarkeit.NETZWERK, Sichtbarkeit.OEFFENTLICH):
        document = get_document_model().objects.create(
            title=sichtbarkeit, file=ContentFile(PDF_BYTES, name=f"{sichtbarkeit}.pdf")
        )
        page = VeranstaltungPageFactory(parent=index, sichtbarkeit=sichtbarkeit, live=False)
        page.dokumente = [("dokument", {"document": document, "title": ""})]
        page.save_revision(user=redaktion).publish()
    client.logout()
    return redaktion


def datei_urls():
    """Every URL of a stored file: documents by title, image originals, and a rendition of the published image."""
    urls = {}
    for document in get_document_model().objects.all():
        urls[f"Dokument {document.title}"] = document.url
    for image in get_image_model().objects.all():
        urls[f"Bild {image.title}"] = image.file.url
        if image.title == "Veröffentlicht":
            urls[f"Rendition {image.title}"] = image.get_rendition("fill-40x40").url
    return urls


# Status per role (anonymous, member, Redaktion). Image originals are never served; renditions are, by the
# web server below /media/images/ (README), under names nobody can guess.
ERWARTET = {
    "Dokument In Prüfung": (302, 302, 200),
    "Dokument Veröffentlicht": (200, 200, 200),
    "Dokument netzwerk": (302, 200, 200),
    "Dokument oeffentlich": (200, 200, 200),
    "Bild In Prüfung": (404, 404, 404),
    "Bild Veröffentlicht": (404, 404, 404),
    "Rendition Veröffentlicht": (200, 200, 200),
}
ROLLEN = ("anonym", "mitglied", "redaktion")
PUBLIC_MEDIA = ("images/",)


def webserver_get(client, url):
    """What the production web server answers: /media/images/ from disk, everything else by Django."""
    if url.startswith(settings.MEDIA_URL):
        relative = url.removeprefix(settings.MEDIA_URL)
        return 200 if relative.startswith(PUBLIC_MEDIA) and default_storage.exists(relative) else 404
    return download(client, url).status_code


# Wagtail leaves the spooled file of a new rendition for the garbage collector to close.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("rolle", ROLLEN)
def test_every_file_url_answers_each_role_as_its_rights_allow(client, dateien, rolle):
    if rolle == "mitglied":
        client.force_login(UserFactory(rolle=Rolle.MITGLIED_LAND))
    elif rolle == "redaktion":
        client.force_login(dateien)
    urls = datei_urls()

    antworten = {name: webserver_get(client, url) for name, url in sorted(urls.items())}

    assert antworten == {name: status[ROLLEN.index(rolle)] for name, status in sorted(ERWARTET.items())}


def test_rejecting_a_submission_removes_its_files(client, dateien):
    titles = sorted(get_document_model().objects.values_list("title", flat=True))
    images = sorted(get_image_model().objects.values_list("title", flat=True))

    assert titles == ["In Prüfung", "Veröffentlicht", "netzwerk", "oeffentlich"]
    assert images == ["In Prüfung", "Veröffentlicht"]


# -- finding 12: image bombs --------------------------------------------------------------------------------------
def huge_png():
    """A PNG of 13,000 × 13,000 pixels in one colour: a few hundred kilobytes on disk, 676 MB once decoded."""
    buffer = io.BytesIO()
    Image.MAX_IMAGE_PIXELS = None
    try:
        Image.new("1", (13_000, 13_000)).save(buffer, format="PNG", optimize=True)
    finally:
        Image.MAX_IMAGE_PIXELS = 89_478_485
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bombe():
    return huge_png()


def test_image_with_too_many_pixels_is_refused_in_a_submission(client, site_tree, groups, bombe):
    ensure_workflow()
    client.force_login(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE))
    upload = SimpleUploadedFile("plakat.png", bombe, content_type="image/png")

    response = client.post("/praxisbeispiele/einreichen/", einreichung_data([ThemenfeldFactory()], anhaenge=[upload]))

    assert len(bombe) < 1024 * 1024
    assert response.context["form"].errors["anhaenge"] == [
        "Das Bild „plakat.png“ hat 13000 × 13000 Pixel. Wählen Sie ein Bild mit höchstens 50 Megapixeln "
        "oder verkleinern Sie es."
    ]
    assert PraxisbeispielPage.objects.count() == 0
    assert get_image_model().get_rendition_model().objects.count() == 0


def test_image_with_too_many_pixels_is_refused_as_attachment(client, member, bombe):
    diskussion = DiskussionFactory()
    client.force_login(member)

    response = reply(client, diskussion, SimpleUploadedFile("plakat.png", bombe, content_type="image/png"))

    assert response.context["form"].errors["anhaenge"] == [
        "Das Bild „plakat.png“ hat 13000 × 13000 Pixel. Wählen Sie ein Bild mit höchstens 50 Megapixeln "
        "oder verkleinern Sie es."
    ]
    assert Anhang.objects.count() == 0
