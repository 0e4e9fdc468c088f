"""A barrier report reaches each Redaktion member with its answer deadline; a reminder comes once before it ends."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl
from konto.roles import Rolle
from netzwerk_site import ereignisse
from netzwerk_site.barrieren import barriere_erinnern
from netzwerk_site.models import Barrieremeldung
from tests.factories.konto import UserFactory
from tests.netzwerk_site.test_barriere_melden import report

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BERLIN = ZoneInfo("Europe/Berlin")
GRUND = "Sie erhalten diese Nachricht, weil Sie zur Redaktion gehören, die Barrieremeldungen beantwortet."


def eingegangen_am(tag):
    meldung = Barrieremeldung.objects.create(beschreibung="Die Karte ist ohne Maus nicht bedienbar.")
    Barrieremeldung.objects.filter(pk=meldung.pk).update(created_at=datetime(*tag, 10, 0, tzinfo=BERLIN))
    return Barrieremeldung.objects.get(pk=meldung.pk)


def eingangstag(meldung):
    return meldung.created_at.astimezone(BERLIN).date()


@pytest.fixture
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org"


def test_report_notifies_each_redaktion_member_with_the_deadline_and_not_the_team_mailbox(
    client, site_tree, editor, member, mailoutbox, base_url, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report(client)

    meldung = Barrieremeldung.objects.get()
    frist = f"{eingangstag(meldung) + timedelta(days=42):%d.%m.%Y}"
    url = f"/admin/snippets/netzwerk_site/barrieremeldung/edit/{meldung.pk}/"
    assert list(Benachrichtigung.objects.values_list("user", "art", "betreff", "url", "grund")) == [
        (editor.pk, "barriere_gemeldet", f"Neue Barrieremeldung, Antwort bis {frist}", url, GRUND)
    ]
    assert [(m.subject, m.to) for m in mailoutbox] == [
        (f"Neue Barrieremeldung, Antwort bis {frist}", [editor.email]),
        ("Ihre Barrieremeldung ist eingegangen", ["erika@example.org"]),
    ]
    assert f"Bitte antworten Sie bis zum {frist}," in mailoutbox[0].body
    assert f"\nhttps://netzwerk.example.org{url}\n" in mailoutbox[0].body
    assert f"{GRUND}\n" in mailoutbox[0].body


def test_deadline_follows_the_setting(
    client, site_tree, editor, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.BARRIEREMELDUNG_ANTWORTFRIST_TAGE = 30

    with django_capture_on_commit_callbacks(execute=True):
        report(client, email="")

    meldung = Barrieremeldung.objects.get()
    frist = eingangstag(meldung) + timedelta(days=30)
    assert [m.subject for m in mailoutbox] == [f"Neue Barrieremeldung, Antwort bis {frist:%d.%m.%Y}"]


def test_opted_out_redaktion_member_gets_the_row_but_no_mail(
    client, site_tree, editor, mailoutbox, django_capture_on_commit_callbacks
):
    Mailabwahl.objects.create(user=editor, art=Benachrichtigungsart.BARRIERE_GEMELDET)

    with django_capture_on_commit_callbacks(execute=True):
        report(client, email="")

    assert Benachrichtigung.objects.filter(user=editor, art="barriere_gemeldet").count() == 1
    assert mailoutbox == []


def test_without_redaktion_members_the_team_mailbox_gets_the_report(
    client, site_tree, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report(client, email="")

    assert [(m.subject, m.to) for m in mailoutbox] == [("Neue Barrieremeldung", [settings.REDAKTION_EMAIL])]


def test_reminder_comes_seven_days_before_the_deadline_and_only_once(
    editor, mailoutbox, django_capture_on_commit_callbacks
):
    offen = eingegangen_am((2026, 3, 2))
    eingegangen_am((2026, 3, 3))
    erledigt = eingegangen_am((2026, 3, 1))
    erledigt.erledigt = True
    erledigt.save()

    with django_capture_on_commit_callbacks(execute=True):
        erste = barriere_erinnern(date(2026, 4, 6))
        zweite = barriere_erinnern(date(2026, 4, 6))

    assert (erste, zweite) == ([offen], [offen])
    assert [(m.subject, m.to) for m in mailoutbox] == [
        ("Barrieremeldung offen: Antwortfrist endet am 13.04.2026", [editor.email])
    ]
    assert list(Benachrichtigung.objects.values_list("art", "schluessel")) == [
        ("barriere_erinnerung", f"barriere:{offen.pk}:erinnerung")
    ]


def test_events_call_each_registered_handler_once_and_return_their_results():
    def handler(**kwargs):
        return kwargs

    ereignisse.register("test_ereignis", handler)
    ereignisse.register("test_ereignis", handler)

    assert ereignisse.emit("test_ereignis", wert=1) == [{"wert": 1}]
    assert ereignisse.emit("unbekannt", wert=1) == []


def test_a_second_redaktion_member_is_notified_too(
    client, site_tree, editor, mailoutbox, django_capture_on_commit_callbacks
):
    zweite = UserFactory(rolle=Rolle.REDAKTION)

    with django_capture_on_commit_callbacks(execute=True):
        report(client, email="")

    assert [m.to for m in mailoutbox] == [[editor.email], [zweite.email]]
