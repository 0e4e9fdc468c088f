"""Starting threads, replying, quoting, editing with conflicts, deleting, permalinks, lists, unread markers."""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

import pytest

from diskussionen.beitraege import create_beitrag
from diskussionen.choices import Stand
from diskussionen.models import Abonnement, Beitrag, BeitragVersion, Diskussion, Lesestand
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory, add_beitraege

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def titles(response):
    return [d.title for d in response.context["seite"].object_list]


# -- new thread ------------------------------------------------------------------------------------------------------
def test_member_starts_a_thread_and_follows_it(client, member, themenfeld):
    client.force_login(member)

    response = client.post(
        "/diskussionen/neu/",
        {"title": "  Sprachkurse\nnach Zuweisung ", "body": "Wie machen Sie das?", "themenfeld": themenfeld.pk},
    )

    diskussion = Diskussion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/diskussionen/{diskussion.pk}/"
    assert (diskussion.title, diskussion.themenfeld, diskussion.author, diskussion.stand) == (
        "Sprachkurse nach Zuweisung",
        themenfeld,
        member,
        Stand.OFFEN,
    )
    assert list(diskussion.beitraege.values_list("body", "body_html")) == [
        ("Wie machen Sie das?", "<p>Wie machen Sie das?</p>")
    ]
    assert list(Abonnement.objects.values_list("user", "diskussion")) == [(member.pk, diskussion.pk)]


def test_failed_validation_keeps_what_was_typed(client, member):
    client.force_login(member)

    response = client.post("/diskussionen/neu/", {"title": "", "body": "Mein langer Text, der nicht verloren geht."})

    assert response.status_code == 200
    assert response.context["form"]["body"].value() == "Mein langer Text, der nicht verloren geht."
    assert response.context["form"].errors == {"title": ["Geben Sie einen Titel für die Diskussion ein."]}
    assert "Mein langer Text, der nicht verloren geht.</textarea>" in response.content.decode()
    assert Diskussion.objects.count() == 0


def test_new_thread_can_be_linked_to_a_handlungsfeld_from_its_page(client, member, site_tree):
    from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory

    handlungsfeld = HandlungsfeldPageFactory(parent=ThemenfeldPageFactory(parent=site_tree.themenfelder))
    client.force_login(member)

    form = client.get(f"/diskussionen/neu/?handlungsfeld={handlungsfeld.pk}").context["form"]
    client.post("/diskussionen/neu/", {"title": "T", "body": "B", "handlungsfeld": handlungsfeld.pk})

    assert form["handlungsfeld"].value() == handlungsfeld.pk
    assert Diskussion.objects.get().handlungsfeld == handlungsfeld


# -- replies and quotes ----------------------------------------------------------------------------------------------
def test_reply_appears_in_order_and_the_author_follows(client, diskussion, other_member):
    client.force_login(other_member)

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Bei uns mit der VHS."})

    antwort = Beitrag.objects.get(body="Bei uns mit der VHS.")
    assert response["Location"] == f"/diskussionen/beitrag/{antwort.pk}/"
    assert [b.body for b in diskussion.beitraege.all()] == [
        "Wie organisieren Sie die Sprachstandsfeststellung?",
        "Bei uns mit der VHS.",
    ]
    assert Abonnement.objects.filter(user=other_member, diskussion=diskussion).count() == 1
    diskussion.refresh_from_db()
    assert diskussion.beitrag_count == 2


def test_failed_reply_keeps_the_text_on_the_thread_page(client, diskussion, other_member):
    client.force_login(other_member)

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "x" * 20001})

    assert response.status_code == 200
    assert response.context["form"]["body"].value() == "x" * 20001
    assert diskussion.beitraege.count() == 1


def test_quote_prefills_the_reply_with_the_quoted_post(client, diskussion, other_member):
    beitrag = diskussion.beitraege.get()
    client.force_login(other_member)

    response = client.get(f"/diskussionen/{diskussion.pk}/?zitat={beitrag.pk}")

    assert response.context["form"]["body"].value() == (
        f"> {diskussion.author} schrieb:\n>\n> Wie organisieren Sie die Sprachstandsfeststellung?\n\n"
    )


def test_each_post_shows_the_authors_kommune_or_organisation(client, diskussion, land_member):
    BeitragFactory(diskussion=diskussion, author=land_member, body="Antwort")
    client.force_login(land_member)

    html = client.get(f"/diskussionen/{diskussion.pk}/").content.decode()

    assert html.count('class="beitrag__zugehoerigkeit"') == 2
    assert '<span class="beitrag__zugehoerigkeit">Landkreis Mayen-Koblenz</span>' in html
    assert (
        '<span class="beitrag__zugehoerigkeit">Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)</span>'
        in html
    )


def test_two_members_replying_at_the_same_moment_both_get_their_post(diskussion, member, other_member):
    # Both opened the thread at the same state; neither reply may overwrite the other or the counters.
    stale_for_member = Diskussion.objects.get(pk=diskussion.pk)
    stale_for_other = Diskussion.objects.get(pk=diskussion.pk)

    create_beitrag(stale_for_member, member, "Erste gleichzeitige Antwort")
    create_beitrag(stale_for_other, other_member, "Zweite gleichzeitige Antwort")

    diskussion.refresh_from_db()
    assert [b.body for b in diskussion.beitraege.all()][1:] == [
        "Erste gleichzeitige Antwort",
        "Zweite gleichzeitige Antwort",
    ]
    assert diskussion.beitrag_count == 3


# -- edit, conflict, delete ------------------------------------------------------------------------------------------
def test_author_edits_and_the_post_says_bearbeitet(client, diskussion, member, editor):
    beitrag = diskussion.beitraege.get()
    client.force_login(member)

    client.post(f"/diskussionen/beitrag/{beitrag.pk}/bearbeiten/", {"body": "Neu formuliert", "version": 1})

    beitrag.refresh_from_db()
    assert (beitrag.body, beitrag.body_html, beitrag.version) == ("Neu formuliert", "<p>Neu formuliert</p>", 2)
    assert list(BeitragVersion.objects.values_list("version", "body")) == [
        (1, "Wie organisieren Sie die Sprachstandsfeststellung?")
    ]
    member_html = client.get(f"/diskussionen/{diskussion.pk}/").content.decode()
    client.force_login(editor)
    editor_html = client.get(f"/diskussionen/{diskussion.pk}/").content.decode()
    assert "bearbeitet" in member_html
    assert "Frühere Versionen" not in member_html
    assert "Frühere Versionen (nur für die Redaktion)" in editor_html
    assert "<p>Wie organisieren Sie die Sprachstandsfeststellung?</p>" in editor_html


def test_edit_on_an_outdated_version_is_refused_and_shows_the_other_version(client, diskussion, member):
    beitrag = diskussion.beitraege.get()
    client.force_login(member)
    client.post(f"/diskussionen/beitrag/{beitrag.pk}/bearbeiten/", {"body": "Fassung aus Tab A", "version": 1})

    response = client.post(
        f"/diskussionen/beitrag/{beitrag.pk}/bearbeiten/", {"body": "Fassung aus Tab B", "version": 1}
    )

    beitrag.refresh_from_db()
    assert response.status_code == 409
    assert beitrag.body == "Fassung aus Tab A"
    assert response.context["aktuell"].body_html == "<p>Fassung aus Tab A</p>"
    assert response.context["form"]["body"].value() == "Fassung aus Tab B"
    assert response.context["form"]["version"].value() == 2
    assert "<p>Fassung aus Tab A</p>" in response.content.decode()


def test_author_deletes_softly_and_the_thread_shows_a_placeholder(client, diskussion, member):
    beitrag = diskussion.beitraege.get()
    client.force_login(member)

    client.post(f"/diskussionen/beitrag/{beitrag.pk}/loeschen/")

    beitrag.refresh_from_db()
    html = client.get(f"/diskussionen/{diskussion.pk}/").content.decode()
    assert beitrag.is_geloescht is True
    assert "Dieser Beitrag wurde von der Verfasserin oder dem Verfasser gelöscht." in html
    assert "Wie organisieren Sie die Sprachstandsfeststellung?" not in html


# -- permalinks, pagination, lists -----------------------------------------------------------------------------------
@override_settings(DISKUSSIONEN_BEITRAEGE_PRO_SEITE=10)
def test_permalink_leads_to_the_page_of_the_post(client, diskussion, member):
    beitraege = add_beitraege(diskussion, 24)
    client.force_login(member)

    response = client.get(f"/diskussionen/beitrag/{beitraege[20].pk}/")

    assert response["Location"] == f"/diskussionen/{diskussion.pk}/?seite=3#beitrag-{beitraege[20].pk}"


def test_list_shows_newest_activity_first_and_filters_by_themenfeld_and_stand(client, member, themenfeld):
    now = timezone.now()
    alt = DiskussionFactory(title="Alt", themenfeld=themenfeld, last_activity_at=now - timedelta(days=2))
    neu = DiskussionFactory(title="Neu", themenfeld=themenfeld, last_activity_at=now)
    DiskussionFactory(title="Anderes Thema", last_activity_at=now - timedelta(days=1))
    DiskussionFactory(title="Erledigt", themenfeld=themenfeld, stand=Stand.ERLEDIGT, last_activity_at=now)
    client.force_login(member)

    alle = client.get("/diskussionen/")
    gefiltert = client.get(f"/diskussionen/?themenfeld={themenfeld.slug}&stand=offen")

    assert titles(alle) == ["Erledigt", "Neu", "Anderes Thema", "Alt"]
    assert titles(gefiltert) == [neu.title, alt.title]


def test_unknown_filter_shows_everything_with_a_notice(client, member, diskussion):
    client.force_login(member)

    response = client.get("/diskussionen/?themenfeld=gibt-es-nicht")

    assert titles(response) == [diskussion.title]
    assert response.context["notices"] == ["Der gewählte Filter ist unbekannt. Es werden alle Diskussionen gezeigt."]


def test_threads_with_activity_since_the_last_visit_are_marked_unread(client, diskussion, other_member, member):
    client.force_login(other_member)
    before_reading = client.get("/diskussionen/").context["seite"].object_list[0].is_ungelesen
    client.get(f"/diskussionen/{diskussion.pk}/")
    after_reading = client.get("/diskussionen/").context["seite"].object_list[0].is_ungelesen
    create_beitrag(diskussion, member, "Neues")

    after_new_post = client.get("/diskussionen/")

    assert (before_reading, after_reading, after_new_post.context["seite"].object_list[0].is_ungelesen) == (
        True,
        False,
        True,
    )
    assert "Neue Beiträge" in after_new_post.content.decode()


def test_the_unread_set_of_a_cached_list_agrees_with_the_lists_own_mark(member, other_member):
    from diskussionen.queries import diskussionen_fuer, ungelesene

    nie, gelesen, neu = (DiskussionFactory(author=member) for _ in range(3))
    for diskussion in (nie, gelesen, neu):
        BeitragFactory(diskussion=diskussion, author=member)
    jetzt = timezone.now()
    Diskussion.objects.update(last_activity_at=jetzt)
    Lesestand.objects.create(user=other_member, diskussion=gelesen, gelesen_am=jetzt)
    Lesestand.objects.create(user=other_member, diskussion=neu, gelesen_am=jetzt - timedelta(minutes=1))
    pks = [nie.pk, gelesen.pk, neu.pk]

    erwartet = set(diskussionen_fuer(other_member).filter(pk__in=pks, is_ungelesen=True).values_list("pk", flat=True))

    assert ungelesene(other_member, pks) == erwartet == {nie.pk, neu.pk}


@pytest.mark.parametrize("anzahl", [1, 3])
def test_list_query_count_does_not_grow(client, member, anzahl, django_assert_num_queries):
    for _ in range(anzahl):
        add_beitraege(DiskussionFactory(), 2)
    client.force_login(member)

    # The navigation's menu pages are one of them.
    # +1: the header's unread notification count (konto.context_processors), cached per member after this request.
    with django_assert_num_queries(12):
        response = client.get("/diskussionen/")

    assert len(response.context["seite"].object_list) == anzahl


@pytest.mark.parametrize("anzahl", [10, 500])
def test_thread_page_query_count_is_constant(client, diskussion, editor, anzahl, django_assert_num_queries):
    add_beitraege(diskussion, anzahl)
    client.force_login(editor)

    # +1: the header's unread notification count (konto.context_processors), cached per member after this request.
    with django_assert_num_queries(14):
        response = client.get(f"/diskussionen/{diskussion.pk}/?seite=last")

    assert response.status_code == 200


# -- home page teaser and linked threads -----------------------------------------------------------------------------
def test_active_threads_for_the_home_page_are_for_members_only(diskussion, member):
    from django.contrib.auth.models import AnonymousUser

    from diskussionen.queries import aktive_diskussionen

    assert aktive_diskussionen(AnonymousUser(), 5) == []
    assert aktive_diskussionen(member, 5) == [diskussion]


def test_linked_threads_section_shows_threads_to_members_and_nothing_to_visitors(rf, diskussion, member, site_tree):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory

    handlungsfeld = HandlungsfeldPageFactory(parent=ThemenfeldPageFactory(parent=site_tree.themenfelder))
    Diskussion.objects.filter(pk=diskussion.pk).update(handlungsfeld=handlungsfeld)
    template = Template('{% load sections %}{% sections "seite" page %}')
    request = rf.get("/")

    request.user = AnonymousUser()
    visitor_html = template.render(Context({"request": request, "page": handlungsfeld})).strip()
    request.user = member
    member_html = template.render(Context({"request": request, "page": handlungsfeld}))

    assert visitor_html == ""
    assert f'<a href="/diskussionen/{diskussion.pk}/">Sprachstand nach der Zuweisung</a>' in member_html
    assert f'href="/diskussionen/neu/?handlungsfeld={handlungsfeld.pk}"' in member_html


def test_reading_a_thread_again_without_news_writes_nothing(client, diskussion, other_member, member):
    client.force_login(other_member)
    client.get(f"/diskussionen/{diskussion.pk}/")
    first = Lesestand.objects.get(user=other_member, diskussion=diskussion).gelesen_am

    client.get(f"/diskussionen/{diskussion.pk}/")
    again = Lesestand.objects.get(user=other_member, diskussion=diskussion).gelesen_am
    create_beitrag(diskussion, member, "Neues")
    client.get(f"/diskussionen/{diskussion.pk}/")
    after_news = Lesestand.objects.get(user=other_member, diskussion=diskussion).gelesen_am

    assert again == first
    assert after_news > first


def test_thread_page_past_the_end_shows_the_last_page_with_a_notice(client, diskussion, member):
    client.force_login(member)

    response = client.get(f"/diskussionen/{diskussion.pk}/", {"seite": "99"})

    assert response.status_code == 200
    assert response.context["notices"] == ["Es gibt nur 1 Seite; Sie sehen sie."]
    assert "Es gibt nur 1 Seite; Sie sehen sie." in response.content.decode()
