"""Every vector of the corpus, posted as title, body and quote, stays inert on every page and in every e-mail."""

from django.core import mail

import pytest

from diskussionen.beitraege import create_beitrag, create_diskussion
from diskussionen.choices import Haeufigkeit
from diskussionen.models import Benachrichtigungseinstellung, Diskussion
from diskussionen.notifications import send_digests
from tests.diskussionen.conftest import executable_markup
from tests.diskussionen.vectors import xss_vectors

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def pages(client, diskussion, beitrag, land_member):
    client.force_login(land_member)
    yield "Fragen", client.get("/diskussionen/fragen/")
    yield "Liste", client.get("/diskussionen/")
    yield "Diskussion", client.get(f"/diskussionen/{diskussion.pk}/")
    yield "Zitat", client.get(f"/diskussionen/{diskussion.pk}/?zitat={beitrag.pk}")
    yield "Melden", client.get(f"/diskussionen/beitrag/{beitrag.pk}/melden/")
    yield "Einstellungen", client.get("/diskussionen/einstellungen/")
    client.force_login(beitrag.author)
    yield "Bearbeiten", client.get(f"/diskussionen/beitrag/{beitrag.pk}/bearbeiten/")


@pytest.mark.parametrize("vector", xss_vectors())
def test_vector_is_inert_in_pages_quotes_and_emails(
    client, vector, member, land_member, ministerium, other_member, django_capture_on_commit_callbacks
):
    Benachrichtigungseinstellung.objects.create(user=other_member, haeufigkeit=Haeufigkeit.TAEGLICH)
    with django_capture_on_commit_callbacks(execute=True):
        diskussion = create_diskussion(member, {"title": vector[:200], "body": vector})
        Diskussion.objects.filter(pk=diskussion.pk).update(is_frage_an_land=True, zugewiesen_an=ministerium)
        create_beitrag(diskussion, land_member, f"Zitat folgt\n\n> {vector}\n\n@kommune {vector}")
        beitrag = create_beitrag(diskussion, other_member, vector)
        create_beitrag(diskussion, member, "Noch eine Antwort für die Zusammenfassung")
        send_digests()

    found = {
        name: executable_markup(response.content.decode())
        for name, response in pages(client, diskussion, beitrag, land_member)
    }
    mails = [(message.subject, executable_markup(message.alternatives[0][0])) for message in mail.outbox]

    assert found == dict.fromkeys(found, [])
    assert [errors for _, errors in mails] == [[]] * len(mails)
    assert len(mails) >= 3
    assert all("\n" not in subject for subject, _ in mails)


@pytest.mark.parametrize("vector", xss_vectors())
def test_vector_is_inert_in_search_results_and_snippets(client, vector, member):
    diskussion = create_diskussion(
        member, {"title": f"Sprachcafé {vector}"[:200], "body": f"Sprachcafé Austausch {vector}"}
    )
    client.force_login(member)

    page = client.get("/suche/", {"q": "Sprachcafé"})
    api = client.get("/api/suche/", {"q": "Sprachcafé"}).json()

    assert [r["url"] for r in api["results"]] == [diskussion.get_absolute_url()]
    assert executable_markup(page.content.decode()) == []
    # In the JSON API "title" is plain text for clients to escape; "snippet" is ready-escaped HTML.
    assert executable_markup(api["results"][0]["snippet"]) == []
