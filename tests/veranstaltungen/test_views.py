"""The list, month view, archive and event pages per role, filters, and the calendar address."""

import datetime

from django.template.loader import render_to_string
from django.test import Client, RequestFactory

import pytest

from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory
from veranstaltungen import queries
from veranstaltungen.choices import Art, AusnahmeArt, Sichtbarkeit, Wiederholung
from veranstaltungen.models import Ausnahme, Kalenderzugang

pytestmark = pytest.mark.django_db


def titles(response, key="eintraege"):
    return [e.page.title for e in response.context[key]]


def test_list_shows_upcoming_events_by_next_date_and_hides_past_ones(client, make_veranstaltung):
    make_veranstaltung("b", title="Später", start_date=datetime.date(2027, 6, 1))
    make_veranstaltung("a", title="Früher", start_date=datetime.date(2027, 2, 1))
    make_veranstaltung("c", title="Vorbei", start_date=datetime.date(2025, 2, 1))

    response = client.get("/veranstaltungen/")

    assert response.status_code == 200
    assert titles(response) == ["Früher", "Später"]


def test_internal_events_are_listed_for_members_only(client, member_client, make_veranstaltung):
    make_veranstaltung("o", title="Öffentlich")
    make_veranstaltung("i", title="Intern", sichtbarkeit=Sichtbarkeit.NETZWERK)

    member = titles(member_client.get("/veranstaltungen/"))
    anonymous = titles(Client().get("/veranstaltungen/"))

    assert member == ["Intern", "Öffentlich"]
    assert anonymous == ["Öffentlich"]


def test_internal_event_page_redirects_anonymous_to_login_and_serves_members(member_client, make_veranstaltung):
    page = make_veranstaltung("i", slug="intern", sichtbarkeit=Sichtbarkeit.NETZWERK)

    anonymous = Client().get(page.url)
    member = member_client.get(page.url)

    assert anonymous.status_code == 302
    assert member.status_code == 200


def test_internal_events_are_not_in_the_public_api(client, make_veranstaltung):
    make_veranstaltung("i", title="Intern", sichtbarkeit=Sichtbarkeit.NETZWERK)
    make_veranstaltung("o", title="Öffentlich")

    response = client.get("/api/v2/pages/?type=veranstaltungen.VeranstaltungPage")

    assert [item["title"] for item in response.json()["items"]] == ["Öffentlich"]


def test_online_link_is_shown_to_members_only(member_client, make_veranstaltung):
    page = make_veranstaltung("o", online_url="https://konferenz.example.org/raum")

    member = member_client.get(page.url).content.decode()
    anonymous = Client().get(page.url).content.decode()

    assert "https://konferenz.example.org/raum" in member
    assert "https://konferenz.example.org/raum" not in anonymous
    assert "Der Link ist nach der Anmeldung im Portal sichtbar." in anonymous


def test_filters_narrow_by_themenfeld_and_art(client, make_veranstaltung, themenfeld):
    make_veranstaltung("a", title="Passt", art=Art.FACHTAG, themenfelder=[themenfeld])
    make_veranstaltung("b", title="Falsche Art", art=Art.WORKSHOP, themenfelder=[themenfeld])
    make_veranstaltung("c", title="Ohne Themenfeld", art=Art.FACHTAG)

    response = client.get(f"/veranstaltungen/?themenfeld={themenfeld.slug}&art=fachtag")

    assert titles(response) == ["Passt"]


def test_list_offers_one_calendar_feed_per_themenfeld(client, index, themenfeld):
    response = client.get("/veranstaltungen/")

    html = response.content.decode()
    assert '<a href="webcal://testserver/veranstaltungen/themenfeld/ankommen-und-orientierung/kalender.ics">' in html
    assert "Ankommen und Orientierung</a>" in html


def test_unknown_filter_values_are_ignored_with_a_notice(client, make_veranstaltung):
    make_veranstaltung("a", title="Treffen")

    response = client.get("/veranstaltungen/?themenfeld=gibt-es-nicht&art=party&ansicht=kacheln")

    assert response.status_code == 200
    assert titles(response) == ["Treffen"]
    assert response.context["notices"] == [
        "Das Themenfeld „gibt-es-nicht“ gibt es nicht; der Filter wurde ignoriert.",
        "Die Art „party“ gibt es nicht; der Filter wurde ignoriert.",
        "Die Ansicht „kacheln“ gibt es nicht; Sie sehen die Liste.",
    ]


@pytest.mark.parametrize("query", ["ansicht=monat&monat=2027-13", "ansicht=monat&monat=x", "archiv/?seite=abc"])
def test_invalid_month_or_page_never_gives_an_error(client, index, query):
    path = f"/veranstaltungen/{query}" if query.startswith("archiv") else f"/veranstaltungen/?{query}"

    response = client.get(path)

    assert response.status_code == 200
    assert len(response.context["notices"]) == 1


def test_month_view_places_every_occurrence_on_its_day(client, make_veranstaltung):
    serie = make_veranstaltung(
        "s",
        title="Sprechstunde",
        start_date=datetime.date(2027, 2, 2),
        wiederholung=Wiederholung.WOECHENTLICH,
        wiederholung_bis=datetime.date(2027, 3, 31),
    )
    serie.ausnahmen = [Ausnahme(datum=datetime.date(2027, 3, 9), art=AusnahmeArt.ENTFAELLT)]
    serie.save()
    make_veranstaltung(
        "f",
        title="Fachtag",
        start_date=datetime.date(2027, 3, 31),
        end_date=datetime.date(2027, 4, 1),
        start_time=None,
        end_time=None,
    )

    response = client.get("/veranstaltungen/?ansicht=monat&monat=2027-03")

    days = {
        tag.datum.day: [e.page.title for e in tag.eintraege]
        for woche in response.context["wochen"]
        for tag in woche
        if tag and tag.eintraege
    }
    assert days == {
        2: ["Sprechstunde"],
        16: ["Sprechstunde"],
        23: ["Sprechstunde"],
        30: ["Sprechstunde"],
        31: ["Fachtag"],
    }
    assert "<caption><h2>Veranstaltungen im März 2027</h2></caption>" in response.content.decode()


def test_archive_lists_past_events_with_documentation(client, site_tree, make_veranstaltung, themenfeld):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder, themenfeld=themenfeld)
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page, title="Informationsangebote")
    page = make_veranstaltung(
        "w", title="Workshop", start_date=datetime.date(2024, 11, 12), protokoll="<p>Ergebnisse.</p>"
    )
    page.handlungsfelder = [handlungsfeld]
    page.save()
    make_veranstaltung("k", title="Kommt noch")

    archive = client.get("/veranstaltungen/archiv/")
    detail = client.get(page.url).content.decode()

    assert [p.title for p in archive.context["seite"].object_list] == ["Workshop"]
    assert "Mit Dokumentation" in archive.content.decode()
    assert "Informationsangebote</a>" in detail
    assert "Zum Kalender hinzufügen" not in detail


@pytest.mark.parametrize("count", [1, 3, 25])
def test_list_query_count_does_not_grow_with_events(client, make_veranstaltung, django_assert_num_queries, count):
    for number in range(count):
        make_veranstaltung(f"e{number}", wiederholung=Wiederholung.JAEHRLICH if number % 2 else "")

    with django_assert_num_queries(15):
        response = client.get("/veranstaltungen/")

    assert len(response.context["eintraege"]) == min(count, queries.KOMMENDE_PER_PAGE)


@pytest.mark.parametrize("count", [1, 3])
def test_archive_query_count_does_not_grow_with_events(client, make_veranstaltung, django_assert_num_queries, count):
    for number in range(count):
        make_veranstaltung(f"e{number}", start_date=datetime.date(2025, 1, number + 1))

    with django_assert_num_queries(13):
        response = client.get("/veranstaltungen/archiv/")

    assert len(response.context["seite"].object_list) == count


@pytest.mark.parametrize("count", [1, 3])
def test_month_query_count_does_not_grow_with_events(client, make_veranstaltung, django_assert_num_queries, count):
    for number in range(count):
        make_veranstaltung(f"e{number}", start_date=datetime.date(2027, 3, number + 1))

    with django_assert_num_queries(14):
        response = client.get("/veranstaltungen/?ansicht=monat&monat=2027-03")

    assert sum(len(t.eintraege) for w in response.context["wochen"] for t in w if t) == count


def test_naechste_veranstaltungen_gives_the_next_few_for_the_user(member, make_veranstaltung):
    make_veranstaltung("a", title="Erstes", start_date=datetime.date(2027, 1, 5))
    make_veranstaltung("b", title="Intern", start_date=datetime.date(2027, 1, 6), sichtbarkeit=Sichtbarkeit.NETZWERK)
    make_veranstaltung("c", title="Drittes", start_date=datetime.date(2027, 1, 7))

    from django.contrib.auth.models import AnonymousUser

    for_member = [e.page.title for e in queries.naechste_veranstaltungen(member, 2)]
    for_public = [e.page.title for e in queries.naechste_veranstaltungen(AnonymousUser(), 2)]

    assert for_member == ["Erstes", "Intern"]
    assert for_public == ["Erstes", "Drittes"]


def test_member_creates_a_calendar_address_and_sees_it_once(member_client, member):
    created = member_client.post("/kalender/erneuern/", follow=True)
    again = member_client.get("/kalender/zugang/")

    assert created.status_code == 200
    assert created.context["https_url"].startswith("http://testserver/kalender/")
    assert created.context["webcal_url"].startswith("webcal://testserver/kalender/")
    assert Kalenderzugang.objects.filter(user=member).count() == 1
    assert again.status_code == 302


def test_member_revokes_the_calendar_address(member_client, member):
    member_client.post("/kalender/erneuern/")

    response = member_client.post("/kalender/widerrufen/")

    assert response.status_code == 302
    assert Kalenderzugang.objects.filter(user=member).count() == 0


def test_calendar_address_views_need_login_and_post(member_client):
    anonymous = Client().post("/kalender/erneuern/")
    get = member_client.get("/kalender/erneuern/")

    assert anonymous.status_code == 302
    assert get.status_code == 405


def test_konto_include_offers_to_create_or_renew(member):
    request = RequestFactory().get("/konto/")
    request.user = member

    without = render_to_string("veranstaltungen/includes/konto_kalender.html", {"request": request})
    Kalenderzugang.objects.create(user=member, token_hash="x" * 64)
    member.refresh_from_db()
    request.user = member
    with_address = render_to_string("veranstaltungen/includes/konto_kalender.html", {"request": request})

    assert "Adresse für den persönlichen Kalender erstellen" in without
    assert ("Neue Adresse erstellen" in with_address, "Adresse widerrufen" in with_address) == (True, True)
