"""The stored occurrences follow every change of dates and Ausnahmen, and the list pages by them."""

import datetime
import io

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.http import QueryDict

import pytest

from netzwerk_site.auswahl import parse
from tests.veranstaltungen.conftest import publish
from veranstaltungen import filters, occurrences, queries, recurrence
from veranstaltungen.choices import AusnahmeArt, Wiederholung
from veranstaltungen.models import Ausnahme, Termineintrag

pytestmark = pytest.mark.django_db

DAY = datetime.date(2027, 1, 1)


def stored_days(page):
    return [
        (beginn.astimezone(recurrence.BERLIN).date(), letzter_tag)
        for beginn, letzter_tag in Termineintrag.objects.filter(veranstaltung=page)
        .order_by("beginn")
        .values_list("beginn", "letzter_tag")
    ]


def upcoming(user=None, seite="1", day=DAY):
    auswahl = parse(QueryDict(f"seite={seite}"), filters.SPEC)
    return queries.kommende(user or AnonymousUser(), auswahl, day)[0]


def test_a_single_event_stores_its_one_occurrence(make_veranstaltung):
    page = make_veranstaltung("e", start_date=datetime.date(2027, 3, 9), end_date=datetime.date(2027, 3, 10))

    assert stored_days(page) == [(datetime.date(2027, 3, 9), datetime.date(2027, 3, 10))]


def test_publishing_new_dates_replaces_the_stored_occurrences(make_veranstaltung):
    page = make_veranstaltung("e", start_date=datetime.date(2027, 3, 9))

    page.start_date = page.end_date = datetime.date(2027, 5, 4)
    publish(page)

    assert stored_days(page) == [(datetime.date(2027, 5, 4), datetime.date(2027, 5, 4))]


def test_a_draft_with_new_dates_leaves_the_published_occurrences(make_veranstaltung):
    page = make_veranstaltung("e", start_date=datetime.date(2027, 3, 9))

    page.start_date = page.end_date = datetime.date(2027, 5, 4)
    page.save_revision()

    assert stored_days(page) == [(datetime.date(2027, 3, 9), datetime.date(2027, 3, 9))]


def test_series_store_every_occurrence_with_ausnahmen_applied(make_veranstaltung):
    serie = make_veranstaltung(
        "s",
        start_date=datetime.date(2027, 3, 2),
        wiederholung=Wiederholung.WOECHENTLICH,
        wiederholung_bis=datetime.date(2027, 3, 23),
    )
    serie.ausnahmen = [
        Ausnahme(datum=datetime.date(2027, 3, 9), art=AusnahmeArt.ENTFAELLT),
        Ausnahme(datum=datetime.date(2027, 3, 16), art=AusnahmeArt.VERSCHOBEN, neues_datum=datetime.date(2027, 3, 26)),
    ]
    publish(serie)

    assert [start for start, _ in stored_days(serie)] == [
        datetime.date(2027, 3, 2),
        datetime.date(2027, 3, 23),
        datetime.date(2027, 3, 26),
    ]


def test_removing_an_ausnahme_restores_the_occurrence(make_veranstaltung):
    serie = make_veranstaltung(
        "s",
        start_date=datetime.date(2027, 3, 2),
        wiederholung=Wiederholung.WOECHENTLICH,
        wiederholung_bis=datetime.date(2027, 3, 9),
    )
    Ausnahme.objects.create(veranstaltung=serie, datum=datetime.date(2027, 3, 9), art=AusnahmeArt.ENTFAELLT)
    assert len(stored_days(serie)) == 1

    Ausnahme.objects.filter(veranstaltung=serie).delete()

    assert len(stored_days(serie)) == 2


def test_deleting_the_page_deletes_its_occurrences(make_veranstaltung):
    page = make_veranstaltung("e")

    page.delete()

    assert not Termineintrag.objects.exists()


def test_the_command_restores_occurrences_changed_behind_the_portals_back(make_veranstaltung):
    page = make_veranstaltung("e", start_date=datetime.date(2027, 3, 9))
    Termineintrag.objects.all().delete()

    out = io.StringIO()
    call_command("termine_berechnen", stdout=out)

    assert "Termine von 1 Veranstaltungen berechnet." in out.getvalue()

    assert stored_days(page) == [(datetime.date(2027, 3, 9), datetime.date(2027, 3, 9))]


def test_every_stored_occurrence_is_one_the_calendar_computes(make_veranstaltung):
    serie = make_veranstaltung(
        "s", start_date=datetime.date(2027, 1, 31), wiederholung=Wiederholung.MONATLICH_DATUM, wiederholung_bis=None
    )

    computed = [t.start_date for t in recurrence.termine(serie)]

    assert [start for start, _ in stored_days(serie)] == computed
    assert occurrences.eintraege(serie)


def test_the_list_shows_twenty_per_page_in_date_order_across_pages(make_veranstaltung):
    for number in range(23):
        make_veranstaltung(
            f"e{number}", title=f"Treffen {number:02d}", start_date=DAY + datetime.timedelta(days=number)
        )

    first, second = upcoming(), upcoming(seite="2")

    assert [e.page.title for e in first.object_list] == [f"Treffen {n:02d}" for n in range(20)]
    assert [e.page.title for e in second.object_list] == ["Treffen 20", "Treffen 21", "Treffen 22"]
    assert first.paginator.count == 23


def test_a_series_sorts_by_its_next_occurrence_not_its_first(make_veranstaltung):
    make_veranstaltung(
        "s",
        title="Jour fixe",
        start_date=datetime.date(2026, 1, 5),
        wiederholung=Wiederholung.WOECHENTLICH,
        wiederholung_bis=None,
    )
    make_veranstaltung("f", title="Fachtag", start_date=datetime.date(2027, 1, 2))

    entries = upcoming().object_list

    assert [(e.page.title, e.termin.start_date) for e in entries] == [
        ("Fachtag", datetime.date(2027, 1, 2)),
        ("Jour fixe", datetime.date(2027, 1, 4)),
    ]


def test_a_running_event_is_listed_until_its_last_day(make_veranstaltung):
    make_veranstaltung(
        "e", title="Fachwoche", start_date=datetime.date(2026, 12, 28), end_date=datetime.date(2027, 1, 1)
    )

    assert [e.page.title for e in upcoming().object_list] == ["Fachwoche"]
    assert [e.page.title for e in upcoming(day=datetime.date(2027, 1, 2)).object_list] == []


def test_a_page_number_past_the_end_shows_the_last_page_with_a_notice(client, make_veranstaltung):
    make_veranstaltung("e", title="Treffen")

    response = client.get("/veranstaltungen/?seite=7")

    assert [e.page.title for e in response.context["eintraege"]] == ["Treffen"]
    assert response.context["notices"] == ["Es gibt nur 1 Seite; Sie sehen sie."]


def test_the_list_links_to_the_next_page_keeping_the_filters(client, make_veranstaltung, themenfeld):
    for number in range(21):
        make_veranstaltung(f"e{number}", themenfelder=[themenfeld])

    html = client.get(f"/veranstaltungen/?themenfeld={themenfeld.slug}").content.decode()

    assert f'href="?themenfeld={themenfeld.slug}&amp;seite=2" rel="next"' in html
    assert "Seite 1 von 2" in html


@pytest.mark.parametrize("all_day", [False, True])
def test_a_stored_row_gives_back_exactly_the_computed_occurrence(make_veranstaltung, all_day):
    times = {"start_time": None, "end_time": None} if all_day else {}
    serie = make_veranstaltung(
        "s",
        start_date=datetime.date(2027, 3, 16),
        wiederholung=Wiederholung.WOECHENTLICH,
        wiederholung_bis=datetime.date(2027, 4, 13),
        **times,
    )
    serie.ausnahmen = [
        Ausnahme(datum=datetime.date(2027, 3, 23), art=AusnahmeArt.ABGESAGT),
        Ausnahme(datum=datetime.date(2027, 3, 30), art=AusnahmeArt.VERSCHOBEN, neues_datum=datetime.date(2027, 4, 1)),
    ]
    publish(serie)

    stored = [
        occurrences.termin_aus(row) for row in Termineintrag.objects.filter(veranstaltung=serie).order_by("beginn")
    ]

    # Across the change to summer time on 28 March: the wall-clock time stays.
    assert stored == recurrence.termine(serie)
    assert [(t.cancelled, t.moved) for t in stored] == [
        (False, False),
        (True, False),
        (False, True),
        (False, False),
        (False, False),
    ]
