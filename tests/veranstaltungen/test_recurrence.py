"""Recurrence rules and editors' input checks, without the request cycle."""

import datetime
from types import SimpleNamespace

from django.core.exceptions import ValidationError

import pytest

from veranstaltungen import recurrence
from veranstaltungen.choices import Wiederholung


@pytest.mark.unit
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2027, 2, 2), "1TU"),
        (datetime.date(2027, 3, 17), "3WE"),
        (datetime.date(2027, 3, 29), "-1MO"),
        (datetime.date(2027, 3, 25), "-1TH"),
    ],
)
def test_nth_weekday_names_the_weekday_of_the_month(day, expected):
    assert recurrence.nth_weekday(day) == expected


@pytest.mark.unit
def test_halbjaehrlich_repeats_every_six_months_until_the_end_date():
    serie = SimpleNamespace(
        wiederholung=Wiederholung.HALBJAEHRLICH,
        wiederholung_bis=datetime.date(2028, 12, 31),
        start_date=datetime.date(2027, 3, 16),
        start_time=datetime.time(10, 0),
        is_all_day=False,
    )

    dates = recurrence.series_dates(serie)

    assert dates == [
        datetime.date(2027, 3, 16),
        datetime.date(2027, 9, 16),
        datetime.date(2028, 3, 16),
        datetime.date(2028, 9, 16),
    ]
    assert recurrence.rule_parts(serie) == {
        "FREQ": "MONTHLY",
        "INTERVAL": 6,
        "UNTIL": datetime.datetime(2028, 12, 31, 9, 0, tzinfo=datetime.UTC),
    }


@pytest.mark.django_db
def test_exception_on_a_date_outside_the_series_is_refused(make_veranstaltung):
    from veranstaltungen.choices import AusnahmeArt
    from veranstaltungen.models import Ausnahme

    page = make_veranstaltung("s", start_date=datetime.date(2027, 2, 2), wiederholung=Wiederholung.MONATLICH_WOCHENTAG)
    page.ausnahmen = [Ausnahme(datum=datetime.date(2027, 2, 3), art=AusnahmeArt.ENTFAELLT)]

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert error.value.messages == [
        "Der 03.02.2027 ist kein Termin dieser Reihe. Wählen Sie ein Datum, an dem die Reihe stattfindet."
    ]


@pytest.mark.django_db
def test_end_before_start_is_refused(make_veranstaltung):
    page = make_veranstaltung("e")
    page.end_time = datetime.time(9, 0)

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert error.value.message_dict == {
        "end_time": ["Das Ende liegt vor dem Beginn. Bitte korrigieren Sie die Uhrzeit."]
    }
