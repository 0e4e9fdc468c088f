"""Veranstaltungen and Diskussionen are searchable; internal ones and threads only for members."""

import pytest

from diskussionen import moderation
from diskussionen.beitraege import create_beitrag, delete_beitrag, edit_beitrag
from diskussionen.models import Diskussion
from search import index
from search.documents import key_for
from search.models import SuchDokument
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.choices import Sichtbarkeit

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def titles(client, query):
    return [r["title"] for r in client.get("/api/suche/", {"q": query}).json()["results"]]


def test_public_veranstaltung_is_found_by_everyone(client, site_tree):
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    VeranstaltungPageFactory(parent=index, title="Fachtag Ehrenamt").save_revision().publish()

    assert titles(client, "Fachtag Ehrenamt") == ["Fachtag Ehrenamt"]


def test_internal_veranstaltung_is_found_by_members_only(client, site_tree, member):
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    VeranstaltungPageFactory(
        parent=index, title="Internes Netzwerktreffen", sichtbarkeit=Sichtbarkeit.NETZWERK
    ).save_revision().publish()

    anonymous = titles(client, "Internes Netzwerktreffen")
    client.force_login(member)

    assert anonymous == []
    assert titles(client, "Internes Netzwerktreffen") == ["Internes Netzwerktreffen"]


def test_discussion_posts_are_searchable_for_members_only(client, site_tree, member):
    diskussion = DiskussionFactory(title="Sprachstandsfeststellung nach der Zuweisung")
    BeitragFactory(diskussion=diskussion, body="Wir nutzen das Verfahren 2P bei allen Jugendlichen.")

    anonymous = titles(client, "Verfahren 2P")
    client.force_login(member)

    assert anonymous == []
    assert titles(client, "Verfahren 2P") == ["Sprachstandsfeststellung nach der Zuweisung"]


def test_deleted_discussion_leaves_the_index(client, site_tree, member):
    diskussion = DiskussionFactory(title="Kurzlebige Frage zur Kita")
    client.force_login(member)

    diskussion.delete()

    assert titles(client, "Kurzlebige Frage") == []


@pytest.fixture
def thread_with_post(member, editor):
    diskussion = DiskussionFactory(title="Sprachstandsfeststellung nach der Zuweisung")
    beitrag = create_beitrag(diskussion, member, "Wir nutzen das Verfahren Quokkamethode bei allen Jugendlichen.")
    return diskussion, beitrag


def test_a_reply_is_searchable_as_soon_as_it_is_posted(client, member, thread_with_post):
    client.force_login(member)

    assert titles(client, "Quokkamethode") == ["Sprachstandsfeststellung nach der Zuweisung"]


def test_an_edited_post_is_found_by_its_new_text_only(client, member, thread_with_post):
    _, beitrag = thread_with_post
    client.force_login(member)

    edit_beitrag(beitrag, member, "Wir nutzen inzwischen die Wombatskala.", beitrag.version)

    assert titles(client, "Quokkamethode") == []
    assert titles(client, "Wombatskala") == ["Sprachstandsfeststellung nach der Zuweisung"]


def test_a_withdrawn_post_leaves_the_index(client, member, thread_with_post):
    _, beitrag = thread_with_post
    client.force_login(member)

    delete_beitrag(beitrag, member)

    assert titles(client, "Quokkamethode") == []


def test_a_hidden_post_leaves_the_index_and_returns_when_restored(client, member, editor, thread_with_post):
    _, beitrag = thread_with_post
    client.force_login(member)

    moderation.verbergen(beitrag, editor)
    hidden = titles(client, "Quokkamethode")
    moderation.wiederherstellen(beitrag, editor)

    assert hidden == []
    assert titles(client, "Quokkamethode") == ["Sprachstandsfeststellung nach der Zuweisung"]


def test_a_reply_appended_to_the_index_equals_indexing_the_whole_thread(member, thread_with_post):
    diskussion, _ = thread_with_post
    # Compounds are split with the words known when a text is indexed; here "Pool" comes first.
    create_beitrag(diskussion, member, "Danke! Wie finanziert ihr euren Pool?")
    create_beitrag(diskussion, member, "Die Sprachmittlerinnen kommen aus dem Sprachmittlungspool des Kreises.")
    appended = SuchDokument.objects.get(key=key_for(diskussion))

    index.update_object(Diskussion.objects.get(pk=diskussion.pk))
    whole = SuchDokument.objects.get(key=key_for(diskussion))

    fields = ["text", "text_terms", "woerter", "datum", "title_terms"]
    assert [getattr(appended, f) for f in fields] == [getattr(whole, f) for f in fields]
    assert "sprachmittlungspool" in appended.woerter.split()
    assert "sprachmittlungspool sprachmittl pool" in appended.text_terms
