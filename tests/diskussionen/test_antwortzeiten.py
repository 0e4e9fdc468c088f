"""Answer-time figures per Land Organisation: counts, working time, the formatter, the two pages that show them."""

from datetime import date, datetime, timedelta

from django.utils import timezone

import pytest

from diskussionen.antwortzeiten import Antwortzeiten, arbeitszeit, dauer_text, je_organisation
from diskussionen.choices import Stand
from tests.factories.diskussionen import DiskussionFactory
from tests.factories.netzwerk_site import OrganisationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.usefixtures("groups")]

HEUTE = date(2026, 3, 11)  # a Wednesday
MONTAG = datetime(2026, 3, 9, 9, 0)


def lokal(naive):
    return timezone.make_aware(naive)


def beantwortete_frage(organisation, dauer, zugewiesen_am=MONTAG):
    return DiskussionFactory(
        is_frage_an_land=True,
        stand=Stand.BEANTWORTET,
        zugewiesen_an=organisation,
        created_at=lokal(zugewiesen_am) - timedelta(days=1),
        zugewiesen_am=lokal(zugewiesen_am),
        beantwortet_am=lokal(zugewiesen_am) + dauer,
    )


def offene_frage(organisation, faellig_am=None):
    return DiskussionFactory(is_frage_an_land=True, zugewiesen_an=organisation, faellig_am=faellig_am)


def test_no_questions_give_no_rows():
    DiskussionFactory(is_frage_an_land=False)

    assert je_organisation(today=HEUTE) == []


def test_one_open_question_gives_one_row_without_median(ministerium):
    offene_frage(ministerium, faellig_am=HEUTE + timedelta(days=3))

    assert je_organisation(today=HEUTE) == [
        Antwortzeiten(
            organisation="Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)",
            offen=1,
            ueberfaellig=0,
            beantwortet=0,
            median=None,
        )
    ]


def test_three_questions_are_counted_per_organisation_by_name_unassigned_last(ministerium):
    add = OrganisationFactory(slug="add", name="Aufsichts- und Dienstleistungsdirektion", short_name="")
    offene_frage(ministerium, faellig_am=HEUTE - timedelta(days=1))
    beantwortete_frage(ministerium, timedelta(hours=3))
    DiskussionFactory(is_frage_an_land=True)
    DiskussionFactory(is_frage_an_land=True, zugewiesen_an=add, stand=Stand.ERLEDIGT)

    zeilen = je_organisation(today=HEUTE)

    assert [(z.organisation, z.offen, z.ueberfaellig, z.beantwortet, z.median) for z in zeilen] == [
        ("Aufsichts- und Dienstleistungsdirektion", 0, 0, 0, None),
        ("Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)", 1, 1, 1, timedelta(hours=3)),
        (None, 1, 0, 0, None),
    ]


def test_a_question_due_today_is_not_yet_overdue(ministerium):
    offene_frage(ministerium, faellig_am=HEUTE)
    offene_frage(ministerium, faellig_am=HEUTE - timedelta(days=1))
    offene_frage(ministerium)

    [zeile] = je_organisation(today=HEUTE)

    assert (zeile.offen, zeile.ueberfaellig) == (3, 1)


def test_median_of_an_odd_number_of_answers_is_the_middle_one(ministerium):
    for stunden in (1, 5, 2):
        beantwortete_frage(ministerium, timedelta(hours=stunden))

    [zeile] = je_organisation(today=HEUTE)

    assert (zeile.beantwortet, zeile.median, zeile.median_text) == (3, timedelta(hours=2), "2 Stunden")


def test_median_of_an_even_number_of_answers_is_the_mean_of_the_middle_two(ministerium):
    for stunden in (1, 2, 4, 9):
        beantwortete_frage(ministerium, timedelta(hours=stunden))

    [zeile] = je_organisation(today=HEUTE)

    assert (zeile.median, zeile.median_text) == (timedelta(hours=3), "3 Stunden")


def test_answer_time_runs_from_the_assignment_not_from_the_question(ministerium):
    frage = beantwortete_frage(ministerium, timedelta(minutes=7))

    [zeile] = je_organisation(today=HEUTE)

    assert (frage.beantwortet_am - frage.created_at, zeile.median_text) == (timedelta(days=1, minutes=7), "7 Minuten")


def test_answer_before_the_assignment_counts_from_the_question(ministerium):
    DiskussionFactory(
        is_frage_an_land=True,
        stand=Stand.BEANTWORTET,
        zugewiesen_an=ministerium,
        created_at=lokal(MONTAG),
        zugewiesen_am=lokal(MONTAG) + timedelta(hours=5),
        beantwortet_am=lokal(MONTAG) + timedelta(hours=2),
    )

    [zeile] = je_organisation(today=HEUTE)

    assert zeile.median == timedelta(hours=2)


def test_working_time_skips_the_weekend():
    freitag = lokal(datetime(2026, 3, 6, 16, 0))
    montag = lokal(datetime(2026, 3, 9, 10, 0))

    assert arbeitszeit(freitag, montag) == timedelta(hours=18)


def test_working_time_from_saturday_to_sunday_is_zero():
    assert arbeitszeit(lokal(datetime(2026, 3, 7, 9, 0)), lokal(datetime(2026, 3, 8, 18, 0))) == timedelta(0)


def test_working_time_of_a_week_and_a_day_is_six_working_days():
    assert arbeitszeit(lokal(MONTAG), lokal(MONTAG) + timedelta(days=8)) == timedelta(days=6)


def test_working_time_across_the_change_to_summer_time_counts_whole_days():
    # 29 March 2026 is the Sunday on which clocks go forward; Friday to Tuesday is two working days.
    assert arbeitszeit(lokal(datetime(2026, 3, 27, 9, 0)), lokal(datetime(2026, 3, 31, 9, 0))) == timedelta(days=2)


@pytest.mark.parametrize(
    ("dauer", "text"),
    [
        (timedelta(seconds=40), "unter 1 Minute"),
        (timedelta(minutes=1), "1 Minute"),
        (timedelta(minutes=7), "7 Minuten"),
        (timedelta(minutes=60), "1 Stunde"),
        (timedelta(minutes=90), "1 Stunde 30 Minuten"),
        (timedelta(hours=23, minutes=59), "23 Stunden 59 Minuten"),
        (timedelta(days=1), "1 Arbeitstag"),
        (timedelta(days=1, hours=12), "1,5 Arbeitstage"),
        (timedelta(days=2, hours=23), "2,9 Arbeitstage"),
        (timedelta(days=3), "3 Arbeitstage"),
    ],
)
def test_durations_are_shown_in_minutes_hours_or_working_days_never_rounded_up(dauer, text):
    assert dauer_text(dauer) == text


@pytest.mark.parametrize("anzahl", [1, 3])
def test_fragen_page_shows_the_table_with_a_constant_number_of_queries(
    client, land_member, ministerium, django_assert_num_queries, anzahl
):
    for _ in range(anzahl):
        offene_frage(ministerium, faellig_am=HEUTE)
        beantwortete_frage(ministerium, timedelta(minutes=7))
    client.force_login(land_member)

    # Session, user, groups, the answer-time figures, site and menu pages, open and answered questions.
    # +1: the header's unread notification count (konto.context_processors), cached per member after this request.
    with django_assert_num_queries(9):
        response = client.get("/diskussionen/fragen/")

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<th scope="row" class="kern-table__header">Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)</th>'
    ) in html
    assert (
        '<td class="kern-table__cell kern-table__cell--numeric" data-label="Antwortzeit (Median)">7 Minuten</td>'
    ) in html


@pytest.mark.parametrize("anzahl", [1, 3])
def test_umsetzung_page_shows_the_figures_with_a_constant_number_of_queries(
    client, site_tree, ministerium, django_assert_num_queries, anzahl
):
    for _ in range(anzahl):
        beantwortete_frage(ministerium, timedelta(hours=3))

    # The five queries of the list without Handlungsfelder, the site's root paths for the menu and one for the answer-time
    # figures.
    with django_assert_num_queries(7):
        response = client.get("/umsetzung/")

    assert response.status_code == 200
    assert response.context["antwortzeiten"] == [
        Antwortzeiten(
            organisation="Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)",
            offen=0,
            ueberfaellig=0,
            beantwortet=anzahl,
            median=timedelta(hours=3),
        )
    ]


def test_anonymous_visitor_on_umsetzung_sees_counts_but_no_question(client, site_tree, member, ministerium):
    DiskussionFactory(
        is_frage_an_land=True,
        zugewiesen_an=ministerium,
        author=member,
        title="Vertrauliche Frage zur Sprachkita",
        faellig_am=HEUTE,
    )

    html = client.get("/umsetzung/").content.decode()

    assert "Wie schnell das Land antwortet" in html
    assert "Vertrauliche Frage zur Sprachkita" not in html
    assert 'href="/diskussionen/' not in html.split('id="antwortzeiten-titel"')[1]
    assert member.get_full_name() not in html
