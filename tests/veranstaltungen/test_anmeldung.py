"""Registration: seats, waiting list, deadline, double registration, the last seat, the list."""

import datetime

from django.test import Client
from django.utils import timezone

import pytest

from konto.roles import Rolle
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import OrganisationFactory
from veranstaltungen import anmeldung
from veranstaltungen.anmeldung import AnmeldungAbgelehnt, abmelden, anmelden
from veranstaltungen.choices import AnmeldungStatus, Status
from veranstaltungen.models import Anmeldung

pytestmark = pytest.mark.django_db


@pytest.fixture
def treffen(make_veranstaltung):
    return make_veranstaltung("treffen-1", slug="treffen", anmeldung_aktiv=True, plaetze=2)


def members(count):
    return [UserFactory(rolle=Rolle.MITGLIED_KOMMUNE) for _ in range(count)]


def statuses(page):
    return list(Anmeldung.objects.filter(veranstaltung=page).order_by("pk").values_list("user__username", "status"))


def test_registrations_beyond_capacity_go_to_the_waiting_list(groups, treffen):
    erste, zweite, dritte = members(3)

    results = [anmelden(treffen, user).status for user in (erste, zweite, dritte)]

    assert results == [AnmeldungStatus.BESTAETIGT, AnmeldungStatus.BESTAETIGT, AnmeldungStatus.WARTELISTE]


def test_cancelling_a_seat_moves_the_first_on_the_waiting_list_up(groups, treffen):
    erste, zweite, dritte, vierte = members(4)
    for user in (erste, zweite, dritte, vierte):
        anmelden(treffen, user)

    moved_up = abmelden(treffen, erste)

    assert moved_up.user == dritte
    assert statuses(treffen) == [
        (zweite.username, AnmeldungStatus.BESTAETIGT),
        (dritte.username, AnmeldungStatus.BESTAETIGT),
        (vierte.username, AnmeldungStatus.WARTELISTE),
    ]


def test_leaving_the_waiting_list_moves_nobody_up(groups, treffen):
    erste, zweite, dritte = members(3)
    for user in (erste, zweite, dritte):
        anmelden(treffen, user)

    moved_up = abmelden(treffen, dritte)

    assert moved_up is None
    assert statuses(treffen) == [
        (erste.username, AnmeldungStatus.BESTAETIGT),
        (zweite.username, AnmeldungStatus.BESTAETIGT),
    ]


def test_without_waiting_list_a_full_event_refuses(groups, treffen):
    treffen.warteliste = False
    treffen.save()
    erste, zweite, dritte = members(3)
    anmelden(treffen, erste)
    anmelden(treffen, zweite)

    with pytest.raises(AnmeldungAbgelehnt) as error:
        anmelden(treffen, dritte)

    assert str(error.value) == "Alle Plätze sind vergeben und es gibt keine Warteliste."


def test_registration_after_the_deadline_is_refused(groups, treffen):
    treffen.anmeldeschluss = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
    treffen.save()
    (user,) = members(1)

    with pytest.raises(AnmeldungAbgelehnt) as error:
        anmelden(treffen, user, now=datetime.datetime(2027, 3, 1, 12, 1, tzinfo=datetime.UTC))

    assert (
        str(error.value) == "Der Anmeldeschluss war am 1. März 2027 13:00. Bitte wenden Sie sich an den Veranstalter."
    )
    assert statuses(treffen) == []


def test_registration_just_before_the_deadline_is_accepted(groups, treffen):
    treffen.anmeldeschluss = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
    treffen.save()
    (user,) = members(1)

    result = anmelden(treffen, user, now=datetime.datetime(2027, 3, 1, 11, 59, tzinfo=datetime.UTC))

    assert result.status == AnmeldungStatus.BESTAETIGT


def test_double_registration_is_refused(groups, treffen):
    (user,) = members(1)
    anmelden(treffen, user)

    with pytest.raises(AnmeldungAbgelehnt) as error:
        anmelden(treffen, user)

    assert str(error.value) == "Sie sind für diese Veranstaltung bereits angemeldet."
    assert statuses(treffen) == [(user.username, AnmeldungStatus.BESTAETIGT)]


def test_cancelled_event_refuses_registration(groups, treffen):
    treffen.status = Status.ABGESAGT
    treffen.save()
    (user,) = members(1)

    with pytest.raises(AnmeldungAbgelehnt) as error:
        anmelden(treffen, user)

    assert str(error.value) == "Diese Veranstaltung ist abgesagt; eine Anmeldung ist nicht mehr möglich."


def test_users_without_network_group_cannot_register(groups, treffen):
    outsider = UserFactory()

    with pytest.raises(AnmeldungAbgelehnt):
        anmelden(treffen, outsider)

    assert statuses(treffen) == []


def test_two_members_asking_for_the_last_seat_get_exactly_one(groups, treffen):
    """The decision happens under the row lock; run back to back, the second sees the taken seat.

    SQLite has no row locks, so a threaded test here would test SQLite's file lock instead; the
    parallel version of this test is planned for the PostgreSQL run.
    """
    erste, zweite, dritte = members(3)
    anmelden(treffen, erste)

    results = [anmelden(treffen, user).status for user in (zweite, dritte)]

    assert results == [AnmeldungStatus.BESTAETIGT, AnmeldungStatus.WARTELISTE]
    assert Anmeldung.objects.filter(veranstaltung=treffen, status=AnmeldungStatus.BESTAETIGT).count() == 2


def test_the_seat_decision_locks_the_veranstaltung_row(treffen):
    query = anmeldung.lock_query(treffen.pk).query

    locks = (query.select_for_update, query.select_for_update_nowait, query.select_for_update_skip_locked)

    assert locks == (True, False, False)


def test_member_registers_and_cancels_with_one_click(member_client, member, treffen):
    register = member_client.post(f"/aktionen/veranstaltungen/{treffen.pk}/anmelden/", follow=True)
    registered = statuses(treffen)
    cancel = member_client.post(f"/aktionen/veranstaltungen/{treffen.pk}/abmelden/", follow=True)

    assert [str(m) for m in register.context["messages"]] == [
        "Sie sind angemeldet. Der Termin steht auch in Ihrem persönlichen Kalender."
    ]
    assert registered == [(member.username, AnmeldungStatus.BESTAETIGT)]
    assert [str(m) for m in cancel.context["messages"]] == ["Sie haben sich abgemeldet. Ihr Platz ist wieder frei."]
    assert statuses(treffen) == []


def test_registration_needs_login_and_post(member_client, treffen):
    anonymous = Client().post(f"/aktionen/veranstaltungen/{treffen.pk}/anmelden/")
    get = member_client.get(f"/aktionen/veranstaltungen/{treffen.pk}/anmelden/")

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/konto/anmelden/")
    assert get.status_code == 405


def test_second_registration_after_the_repeat_window_is_refused_with_409_on_the_refusal_page(
    member_client, member, treffen, settings
):
    # Within DOPPELTE_POSTS_SEKUNDEN the repeat lands on the event instead (tests/sicherheit/test_doppelte_posts.py).
    settings.DOPPELTE_POSTS_SEKUNDEN = 0
    member_client.post(f"/aktionen/veranstaltungen/{treffen.pk}/anmelden/")

    again = member_client.post(f"/aktionen/veranstaltungen/{treffen.pk}/anmelden/")

    assert (again.status_code, again.context["message"]) == (
        409,
        "Sie sind für diese Veranstaltung bereits angemeldet.",
    )
    assert statuses(treffen) == [(member.username, AnmeldungStatus.BESTAETIGT)]


def test_registered_event_appears_in_the_personal_feed_with_its_status(client, groups, treffen):
    from veranstaltungen import kalenderzugang

    erste, zweite, dritte = members(3)
    for user in (erste, zweite, dritte):
        anmelden(treffen, user)
    token = kalenderzugang.regenerate(dritte)

    response = client.get(f"/kalender/{token}.ics")

    assert "Ihre Anmeldung: Warteliste" in response.content.decode().replace("\r\n ", "")


def test_editor_exports_the_list_as_csv(editor_client, groups, treffen):
    erste, zweite, dritte = members(3)
    erste.first_name, erste.last_name = "=Anna", "Beispiel"
    erste.save()
    for user in (erste, zweite, dritte):
        anmelden(treffen, user)

    response = editor_client.get(f"/veranstaltungen/{treffen.pk}/teilnehmende.csv")

    lines = response.content.decode("utf-8-sig").splitlines()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert lines[0] == "Status;Vorname;Nachname;E-Mail;Kommune oder Organisation;Angemeldet am"
    assert [line.split(";")[:3] for line in lines[1:]] == [
        ["Bestätigt", "'=Anna", "Beispiel"],
        ["Bestätigt", zweite.first_name, zweite.last_name],
        ["Warteliste", dritte.first_name, dritte.last_name],
    ]


def test_organiser_members_see_the_list_and_other_members_do_not(client, groups, make_veranstaltung):
    organisation = OrganisationFactory()
    page = make_veranstaltung("treffen-2", anmeldung_aktiv=True, veranstalter=organisation)
    organiser = UserFactory(rolle=Rolle.MITGLIED_LAND, organisation=organisation)
    other = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)

    client.force_login(organiser)
    allowed = client.get(f"/veranstaltungen/{page.pk}/teilnehmende/")
    client.force_login(other)
    refused = client.get(f"/veranstaltungen/{page.pk}/teilnehmende.csv")

    assert (allowed.status_code, refused.status_code) == (200, 403)


def test_deadline_uses_the_time_of_the_request_by_default(groups, treffen):
    treffen.anmeldeschluss = timezone.now() - datetime.timedelta(minutes=1)
    treffen.save()
    (user,) = members(1)

    with pytest.raises(AnmeldungAbgelehnt):
        anmelden(treffen, user)


def test_the_member_who_moves_up_gets_an_email(groups, treffen, mailoutbox, django_capture_on_commit_callbacks):
    erste, zweite, dritte = members(3)
    for user in (erste, zweite, dritte):
        anmelden(treffen, user)
    client = Client()
    client.force_login(erste)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/aktionen/veranstaltungen/{treffen.pk}/abmelden/")

    assert [m.to for m in mailoutbox] == [[dritte.email]]
    assert mailoutbox[0].subject == f"Sie haben einen Platz: {treffen.title}"
    assert "jetzt verbindlich angemeldet" in mailoutbox[0].body
    assert treffen.url in mailoutbox[0].body


def test_nobody_gets_an_email_when_nobody_moves_up(groups, treffen, mailoutbox, django_capture_on_commit_callbacks):
    erste, zweite = members(2)
    for user in (erste, zweite):
        anmelden(treffen, user)
    client = Client()
    client.force_login(erste)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/aktionen/veranstaltungen/{treffen.pk}/abmelden/")

    assert mailoutbox == []
