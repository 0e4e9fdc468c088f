"""Registered members hear through konto.benachrichtigen when an editor publishes a moved or cancelled Veranstaltung."""

import datetime

import pytest

from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl
from konto.roles import Rolle
from tests.factories.konto import UserFactory
from tests.factories.veranstaltungen import VeranstaltungPageFactory
from tests.veranstaltungen.conftest import publish
from veranstaltungen.choices import AnmeldungStatus, Status
from veranstaltungen.models import Anmeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

GRUND = "Sie erhalten diese Nachricht, weil Sie für diese Veranstaltung angemeldet sind."


@pytest.fixture
def treffen(index, groups, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org"
    page = publish(VeranstaltungPageFactory(parent=index, title="Netzwerktreffen Mainz"))
    return page


@pytest.fixture
def angemeldet(treffen):
    sitzt = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, email="sitzt@example.org")
    wartet = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, email="wartet@example.org")
    Anmeldung.objects.create(veranstaltung=treffen, user=sitzt, status=AnmeldungStatus.BESTAETIGT)
    Anmeldung.objects.create(veranstaltung=treffen, user=wartet, status=AnmeldungStatus.WARTELISTE)
    UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, email="nicht-angemeldet@example.org")
    return [sitzt, wartet]


def edit_and_publish(page, django_capture_on_commit_callbacks, **changes):
    entwurf = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(entwurf, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        entwurf.save_revision().publish()


def test_moved_event_notifies_every_registered_member_with_the_new_date(
    treffen, angemeldet, mailoutbox, django_capture_on_commit_callbacks
):
    edit_and_publish(
        treffen,
        django_capture_on_commit_callbacks,
        start_date=datetime.date(2027, 3, 16),
        end_date=datetime.date(2027, 3, 16),
    )

    betreff = "Geändert: Netzwerktreffen Mainz, jetzt Di, 16. März 2027, 10:00–12:30 Uhr"
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["sitzt@example.org"], betreff),
        (["wartet@example.org"], betreff),
    ]
    assert list(Benachrichtigung.objects.order_by("user__email").values_list("user__email", "art", "url", "grund")) == [
        ("sitzt@example.org", "veranstaltung_geaendert", treffen.url, GRUND),
        ("wartet@example.org", "veranstaltung_geaendert", treffen.url, GRUND),
    ]
    assert f"https://netzwerk.example.org{treffen.url}" in mailoutbox[0].body
    assert GRUND in mailoutbox[0].body


def test_cancelled_event_notifies_registered_members(
    treffen, angemeldet, mailoutbox, django_capture_on_commit_callbacks
):
    edit_and_publish(treffen, django_capture_on_commit_callbacks, status=Status.ABGESAGT)

    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["sitzt@example.org"], "Abgesagt: Netzwerktreffen Mainz"),
        (["wartet@example.org"], "Abgesagt: Netzwerktreffen Mainz"),
    ]


def test_new_place_notifies_registered_members(treffen, angemeldet, mailoutbox, django_capture_on_commit_callbacks):
    edit_and_publish(treffen, django_capture_on_commit_callbacks, ort="Kreishaus Alzey")

    assert len(mailoutbox) == 2
    assert "Ort: Kreishaus Alzey" in mailoutbox[0].body


def test_publishing_without_a_change_of_date_place_or_status_notifies_nobody(
    treffen, angemeldet, mailoutbox, django_capture_on_commit_callbacks
):
    edit_and_publish(treffen, django_capture_on_commit_callbacks, summary="Mit neuer Tagesordnung.")

    assert mailoutbox == []
    assert Benachrichtigung.objects.count() == 0


def test_saving_a_draft_with_a_new_date_notifies_nobody(
    treffen, angemeldet, mailoutbox, django_capture_on_commit_callbacks
):
    entwurf = treffen.get_latest_revision_as_object()
    entwurf.start_date = entwurf.end_date = datetime.date(2027, 3, 16)

    with django_capture_on_commit_callbacks(execute=True):
        entwurf.save_revision()

    assert mailoutbox == []


def test_member_who_opted_out_gets_the_row_but_no_mail(
    treffen, angemeldet, mailoutbox, django_capture_on_commit_callbacks
):
    Mailabwahl.objects.create(user=angemeldet[0], art=Benachrichtigungsart.VERANSTALTUNG_GEAENDERT)

    edit_and_publish(treffen, django_capture_on_commit_callbacks, status=Status.ABGESAGT)

    assert [m.to for m in mailoutbox] == [["wartet@example.org"]]
    assert Benachrichtigung.objects.filter(user=angemeldet[0]).count() == 1
