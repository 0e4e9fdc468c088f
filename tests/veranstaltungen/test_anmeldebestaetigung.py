"""The registration mail: to the member, with the event as .ics and the link to cancel; the waiting list and moving up."""

import datetime

from django.test import Client

import icalendar
import pytest

from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl
from konto.roles import Rolle
from tests.factories.konto import UserFactory

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"


@pytest.fixture
def treffen(make_veranstaltung):
    return make_veranstaltung(
        "treffen-uid-1",
        title="Netzwerktreffen",
        slug="netzwerktreffen",
        start_date=datetime.date(2027, 3, 9),
        anmeldung_aktiv=True,
        plaetze=1,
    )


def register(user, page, django_capture_on_commit_callbacks, action="anmelden"):
    client = Client()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/aktionen/veranstaltungen/{page.pk}/{action}/")


def calendar_of(message):
    ((filename, content, mimetype),) = message.attachments
    return filename, mimetype, icalendar.Calendar.from_ical(content)


def test_registration_mails_the_member_the_event_as_ics_and_the_cancel_link(
    settings, groups, treffen, mailoutbox, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = BASE
    erika = UserFactory(
        rolle=Rolle.MITGLIED_KOMMUNE, email="erika@kreis-beispiel.de", first_name="Erika", last_name="Muster"
    )

    register(erika, treffen, django_capture_on_commit_callbacks)

    (message,) = mailoutbox
    filename, mimetype, calendar = calendar_of(message)
    (event,) = calendar.walk("VEVENT")
    assert message.to == ["erika@kreis-beispiel.de"]
    assert message.subject == "Anmeldung bestätigt: Netzwerktreffen"
    assert message.body == (
        "Guten Tag Erika Muster,\n\n"
        "Sie sind für „Netzwerktreffen“ verbindlich angemeldet.\n\n"
        "Termin: Di, 9. März 2027, 10:00–12:30 Uhr\n"
        f"Veranstaltung: {BASE}/veranstaltungen/netzwerktreffen/\n\n"
        "Den Termin finden Sie als Datei im Anhang; öffnen Sie sie, um ihn in Ihren Kalender zu übernehmen.\n\n"
        "Wenn Sie nicht teilnehmen können, melden Sie sich bitte hier ab, damit eine andere Person Ihren Platz "
        f"bekommt: {BASE}/veranstaltungen/netzwerktreffen/#anmeldung\n\n"
        "Netzwerk Integration Rheinland-Pfalz\n\n"
        "--\n"
        "Sie erhalten diese Nachricht, weil Sie sich für diese Veranstaltung angemeldet haben.\n"
        "Welche Benachrichtigungen Sie per E-Mail erhalten, ändern Sie hier:\n"
        f"{BASE}/konto/benachrichtigungen/\n\n"
    )
    assert (filename, mimetype) == ("netzwerktreffen.ics", "text/calendar; charset=utf-8; method=PUBLISH")
    assert str(calendar["method"]) == "PUBLISH"
    assert (str(event["uid"]), str(event["summary"]), event["dtstart"].dt.date()) == (
        "treffen-uid-1",
        "Netzwerktreffen",
        datetime.date(2027, 3, 9),
    )
    assert str(event["url"]) == f"{BASE}/veranstaltungen/netzwerktreffen/"


def test_the_ics_keeps_the_uid_of_the_calendar_feeds(groups, treffen, mailoutbox, django_capture_on_commit_callbacks):
    erika = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)
    register(erika, treffen, django_capture_on_commit_callbacks)

    feed = icalendar.Calendar.from_ical(Client().get("/veranstaltungen/kalender.ics").content)

    (event,) = calendar_of(mailoutbox[0])[2].walk("VEVENT")
    assert [str(e["uid"]) for e in feed.walk("VEVENT")] == [str(event["uid"])]


def test_the_waiting_list_mail_has_no_ics_and_says_how_to_leave(
    groups, treffen, mailoutbox, django_capture_on_commit_callbacks
):
    register(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE), treffen, django_capture_on_commit_callbacks)
    max_ = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, email="max@stadt-beispiel.de")

    register(max_, treffen, django_capture_on_commit_callbacks)

    message = mailoutbox[1]
    assert message.to == ["max@stadt-beispiel.de"]
    assert message.subject == "Warteliste: Netzwerktreffen"
    assert message.attachments == []
    assert "/veranstaltungen/netzwerktreffen/#anmeldung" in message.body


def test_the_member_who_moves_up_gets_the_ics_and_the_cancel_link(
    groups, treffen, mailoutbox, django_capture_on_commit_callbacks
):
    erika = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)
    max_ = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, email="max@stadt-beispiel.de")
    register(erika, treffen, django_capture_on_commit_callbacks)
    register(max_, treffen, django_capture_on_commit_callbacks)

    register(erika, treffen, django_capture_on_commit_callbacks, action="abmelden")

    message = mailoutbox[2]
    filename, _, calendar = calendar_of(message)
    assert (message.to, message.subject) == (["max@stadt-beispiel.de"], "Sie haben einen Platz: Netzwerktreffen")
    assert filename == "netzwerktreffen.ics"
    assert [str(e["uid"]) for e in calendar.walk("VEVENT")] == ["treffen-uid-1"]
    assert "/veranstaltungen/netzwerktreffen/#anmeldung" in message.body


def test_registration_waiting_list_and_moving_up_appear_on_the_notifications_page(
    groups, treffen, mailoutbox, django_capture_on_commit_callbacks
):
    erika = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)
    max_ = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)
    register(erika, treffen, django_capture_on_commit_callbacks)
    register(max_, treffen, django_capture_on_commit_callbacks)

    register(erika, treffen, django_capture_on_commit_callbacks, action="abmelden")

    rows = Benachrichtigung.objects.order_by("pk").values_list("user", "art", "betreff", "url", "grund")
    assert list(rows) == [
        (
            erika.pk,
            "anmeldung",
            "Anmeldung bestätigt: Netzwerktreffen",
            "/veranstaltungen/netzwerktreffen/",
            "Sie erhalten diese Nachricht, weil Sie sich für diese Veranstaltung angemeldet haben.",
        ),
        (
            max_.pk,
            "anmeldung",
            "Warteliste: Netzwerktreffen",
            "/veranstaltungen/netzwerktreffen/",
            "Sie erhalten diese Nachricht, weil Sie sich auf die Warteliste dieser Veranstaltung gesetzt haben.",
        ),
        (
            max_.pk,
            "warteliste_nachgerueckt",
            "Sie haben einen Platz: Netzwerktreffen",
            "/veranstaltungen/netzwerktreffen/",
            "Sie erhalten diese Nachricht, weil Sie auf der Warteliste dieser Veranstaltung standen.",
        ),
    ]


def test_member_who_opted_out_of_registration_mails_gets_the_row_but_no_mail(
    groups, treffen, mailoutbox, django_capture_on_commit_callbacks
):
    erika = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)
    Mailabwahl.objects.create(user=erika, art=Benachrichtigungsart.ANMELDUNG)

    register(erika, treffen, django_capture_on_commit_callbacks)

    assert (mailoutbox, Benachrichtigung.objects.filter(user=erika).count()) == ([], 1)
