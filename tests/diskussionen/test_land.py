"""Questions to the Land: assignment by the Redaktion, due dates, the overdue list, answers, erledigt, figures."""

from datetime import date, datetime, timedelta

from django.core import mail
from django.utils import timezone

import pytest

from diskussionen.beitraege import create_beitrag, mark_antwort
from diskussionen.choices import Aktion, Stand
from diskussionen.models import Abonnement, Benachrichtigung, Diskussion, Moderationsprotokoll
from diskussionen.queries import land_statistik, offene_fragen_fuer
from konto.roles import Rolle
from netzwerk_site.choices import OrganisationArt
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import OrganisationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_redaktion_assigns_a_question_to_a_land_organisation_with_due_date(client, editor, frage, ministerium):
    client.force_login(editor)
    faellig = timezone.localdate() + timedelta(days=14)

    response = client.post(
        f"/admin/diskussionen/{frage.pk}/zuweisen/", {"organisation": ministerium.pk, "faellig_am": faellig.isoformat()}
    )

    frage.refresh_from_db()
    assert response.status_code == 302
    assert (frage.is_frage_an_land, frage.zugewiesen_an, frage.faellig_am) == (True, ministerium, faellig)
    assert list(Moderationsprotokoll.objects.values_list("aktion", "wer", "diskussion")) == [
        (Aktion.ZUGEWIESEN, editor.pk, frage.pk)
    ]


def test_assignment_refuses_kommunal_organisations_and_past_dates(client, editor, frage):
    verband = OrganisationFactory(art=OrganisationArt.VERBAND)
    client.force_login(editor)
    gestern = timezone.localdate() - timedelta(days=1)

    response = client.post(
        f"/admin/diskussionen/{frage.pk}/zuweisen/",
        {"organisation": verband.pk, "faellig_am": gestern.isoformat()},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["faellig_am"] == [
        "Das Datum liegt in der Vergangenheit. Wählen Sie ein Datum ab heute."
    ]
    assert response.context["form"].errors["organisation"] == [
        "Fragen an das Land gehen nur an Stellen des Landes. Wählen Sie eine aus der Liste."
    ]
    frage.refresh_from_db()
    assert frage.zugewiesen_an is None


def test_assignees_see_their_open_questions_overdue_first(land_member, ministerium):
    spaeter = DiskussionFactory(
        title="Später", is_frage_an_land=True, zugewiesen_an=ministerium, faellig_am=date(2026, 3, 20)
    )
    ueberfaellig = DiskussionFactory(
        title="Überfällig", is_frage_an_land=True, zugewiesen_an=ministerium, faellig_am=date(2026, 3, 1)
    )
    bald = DiskussionFactory(
        title="Bald", is_frage_an_land=True, zugewiesen_an=ministerium, faellig_am=date(2026, 3, 12)
    )
    DiskussionFactory(title="Beantwortet", is_frage_an_land=True, zugewiesen_an=ministerium, stand=Stand.BEANTWORTET)
    DiskussionFactory(title="Andere Stelle", is_frage_an_land=True, faellig_am=date(2026, 3, 1))

    fragen = list(offene_fragen_fuer(land_member, today=date(2026, 3, 10)))

    assert fragen == [ueberfaellig, bald, spaeter]
    assert [frage.is_ueberfaellig_flag for frage in fragen] == [True, False, False]
    assert ueberfaellig.is_ueberfaellig(today=date(2026, 3, 10)) is True


def test_questions_page_marks_overdue_questions(client, land_member, ministerium):
    DiskussionFactory(title="Überfällig", is_frage_an_land=True, zugewiesen_an=ministerium, faellig_am=date(2020, 1, 1))
    client.force_login(land_member)

    html = client.get("/diskussionen/fragen/").content.decode()

    assert (
        '<strong class="kern-badge kern-badge--small kern-badge--danger"><span class="kern-label">überfällig</span></strong>'
    ) in html


def test_land_member_marks_the_answer_and_the_thread_becomes_beantwortet(client, frage, land_member):
    antwort = BeitragFactory(diskussion=frage, author=land_member, body="Das Land empfiehlt …")
    client.force_login(land_member)

    client.post(f"/diskussionen/beitrag/{antwort.pk}/antwort-des-landes/")

    frage.refresh_from_db()
    antwort.refresh_from_db()
    html = client.get(f"/diskussionen/{frage.pk}/").content.decode()
    assert (frage.stand, antwort.is_antwort_des_landes, frage.beantwortet_am is not None) == (
        Stand.BEANTWORTET,
        True,
        True,
    )
    assert f'<li class="beitrag beitrag--antwort" id="beitrag-{antwort.pk}">' in html
    assert "<strong>Antwort des Landes</strong>" in html


def test_kommune_member_may_not_mark_an_answer(client, frage, land_member, other_member):
    antwort = BeitragFactory(diskussion=frage, author=land_member, body="Antwort")
    client.force_login(other_member)

    response = client.post(f"/diskussionen/beitrag/{antwort.pk}/antwort-des-landes/")

    frage.refresh_from_db()
    assert (response.status_code, frage.stand) == (403, Stand.OFFEN)


def test_land_member_may_not_mark_a_kommune_post_as_answer_of_the_land(client, frage, land_member):
    kommune_beitrag = frage.beitraege.get()
    client.force_login(land_member)

    response = client.post(f"/diskussionen/beitrag/{kommune_beitrag.pk}/antwort-des-landes/")

    assert response.status_code == 403


@pytest.mark.parametrize(
    ("role", "status", "stand"),
    [("member", 302, "erledigt"), ("editor", 302, "erledigt"), ("other_member", 403, "offen")],
)
def test_starter_or_redaktion_mark_erledigt(client, diskussion, role, status, stand, request):
    client.force_login(request.getfixturevalue(role))

    response = client.post(f"/diskussionen/{diskussion.pk}/erledigt/")

    diskussion.refresh_from_db()
    assert (response.status_code, diskussion.stand) == (status, stand)


def test_list_shows_open_questions_and_median_answer_time(client, member, ministerium):
    # A Monday: answers on Wednesday, Friday and the next Wednesday took 2, 4 and 7 working days.
    start = timezone.make_aware(datetime(2026, 1, 5, 9, 0))
    for tage in (2, 4, 9):
        DiskussionFactory(
            is_frage_an_land=True,
            stand=Stand.BEANTWORTET,
            created_at=start,
            beantwortet_am=start + timedelta(days=tage),
        )
    DiskussionFactory(is_frage_an_land=True, zugewiesen_an=ministerium, faellig_am=date(2020, 1, 1))
    DiskussionFactory(is_frage_an_land=True)
    DiskussionFactory(is_frage_an_land=False)
    client.force_login(member)

    response = client.get("/diskussionen/")

    assert response.context["statistik"] == {
        "offene_fragen": 2,
        "ueberfaellige_fragen": 1,
        "beantwortete_fragen": 3,
        "median_antwortzeit": timedelta(days=4),
        "median_antwortzeit_text": "4 Arbeitstage",
    }
    assert (
        '<dd class="kern-description-list-item__value" id="offene-fragen">2 (davon 1 überfällig)</dd>'
        in response.content.decode()
    )


def test_answer_time_counts_from_the_question_to_the_first_answer(frage, land_member, ministerium):
    erste = create_beitrag(frage, land_member, "Erste Antwort")
    zweite = create_beitrag(frage, land_member, "Ergänzung")
    mark_antwort(erste, land_member)
    # On a Wednesday, so that the working-time count does not depend on the day the test runs.
    beantwortet_am = timezone.make_aware(datetime(2026, 1, 7, 14, 0))
    Diskussion.objects.filter(pk=frage.pk).update(
        created_at=beantwortet_am - timedelta(hours=5), beantwortet_am=beantwortet_am
    )

    mark_antwort(zweite, land_member)

    assert Diskussion.objects.get(pk=frage.pk).beantwortet_am == beantwortet_am
    assert land_statistik()["median_antwortzeit_text"] == "5 Stunden"


def test_member_with_admin_access_may_neither_assign_nor_lock(client, frage, admin_member, ministerium):
    client.force_login(admin_member)
    faellig = timezone.localdate() + timedelta(days=14)

    responses = [
        client.post(
            f"/admin/diskussionen/{frage.pk}/zuweisen/", {"organisation": ministerium.pk, "faellig_am": faellig}
        ),
        client.post(f"/admin/diskussionen/{frage.pk}/sperren/", {"begruendung": "Ausufernd"}),
    ]

    frage.refresh_from_db()
    assert [(r.status_code, r.url) for r in responses] == [(302, "/admin/"), (302, "/admin/")]
    assert (frage.zugewiesen_an, frage.is_gesperrt, Moderationsprotokoll.objects.count()) == (None, False, 0)


def test_redaktion_sees_the_assignment_in_the_list_and_the_log(client, editor, frage, ministerium):
    client.force_login(editor)
    faellig = timezone.localdate() + timedelta(days=14)

    response = client.post(
        f"/admin/diskussionen/{frage.pk}/zuweisen/",
        {"organisation": ministerium.pk, "faellig_am": faellig.isoformat()},
        follow=True,
    )
    log = client.get("/admin/diskussionen/protokoll/")

    assert response.redirect_chain == [("/admin/diskussionen/?frage=1", 302)]
    assert [str(m) for m in response.context["messages"]] == [f"Die Frage ist {ministerium} zugewiesen."]
    assert list(response.context["seite"].object_list) == [frage]
    assert [(e.aktion, e.diskussion) for e in log.context["seite"].object_list] == [(Aktion.ZUGEWIESEN, frage)]


ANTWORT_SENDEN = (
    '<button type="submit" class="kern-btn kern-btn--primary" name="als_antwort" value="1">'
    '<span class="kern-label">Als Antwort des Landes senden</span></button>'
)


def antworten_als_land(client, frage, body="Das Land fördert Sprachkurse über das Landesprogramm."):
    return client.post(f"/diskussionen/{frage.pk}/antworten/", {"body": body, "als_antwort": "1"})


def test_assigned_land_member_answers_in_one_step(client, zugewiesene_frage, land_member):
    client.force_login(land_member)

    response = antworten_als_land(client, zugewiesene_frage)

    zugewiesene_frage.refresh_from_db()
    antwort = zugewiesene_frage.beitraege.get(author=land_member)
    assert response.status_code == 302
    assert list(zugewiesene_frage.beitraege.filter(is_antwort_des_landes=True)) == [antwort]
    assert antwort.body == "Das Land fördert Sprachkurse über das Landesprogramm."
    assert (zugewiesene_frage.stand, zugewiesene_frage.beitrag_count) == (Stand.BEANTWORTET, 2)
    assert zugewiesene_frage.beantwortet_am == antwort.created_at


def test_one_step_answer_mails_asker_and_followers_instead_of_the_new_post_mail(
    client, zugewiesene_frage, land_member, member, other_member, django_capture_on_commit_callbacks
):
    Abonnement.objects.create(user=other_member, diskussion=zugewiesene_frage)
    client.force_login(land_member)

    with django_capture_on_commit_callbacks(execute=True):
        antworten_als_land(client, zugewiesene_frage)

    betreff = "Antwort des Landes auf „Sprachstand nach der Zuweisung“"
    assert sorted((message.to, message.subject) for message in mail.outbox) == sorted(
        [([member.email], betreff), ([other_member.email], betreff)]
    )
    an_fragestellerin = next(message for message in mail.outbox if message.to == [member.email])
    antwort = zugewiesene_frage.beitraege.get(author=land_member)
    link = f"Zur Antwort: http://127.0.0.1:8000/diskussionen/beitrag/{antwort.pk}/"
    assert link in an_fragestellerin.body.splitlines()
    assert (
        "Ministerium für Familie, Frauen, Kultur und Integration (MFFKI) hat die Frage „Sprachstand nach der "
        "Zuweisung“ als Antwort des Landes beantwortet:"
    ) in an_fragestellerin.body.splitlines()
    assert "Sie erhalten diese Nachricht, weil Sie diese Frage an das Land gestellt haben." in an_fragestellerin.body
    an_folgende = next(message for message in mail.outbox if message.to == [other_member.email])
    assert "Sie erhalten diese Nachricht, weil Sie dieser Diskussion folgen." in an_folgende.body
    assert Benachrichtigung.objects.filter(beitrag__diskussion=zugewiesene_frage).count() == 0


def test_answered_question_shows_beantwortet_instead_of_the_due_date(client, zugewiesene_frage, land_member):
    client.force_login(land_member)
    antworten_als_land(client, zugewiesene_frage)
    heute = timezone.localdate().strftime("%d.%m.%Y")

    thread = client.get(f"/diskussionen/{zugewiesene_frage.pk}/").content.decode()
    fragen = client.get("/diskussionen/fragen/").content.decode()

    beantwortet = f"beantwortet am {heute} von Ministerium für Familie, Frauen, Kultur und Integration (MFFKI)"
    assert (beantwortet in thread, "Antwort fällig am" in thread) == (True, False)
    assert (beantwortet in fragen, "Antwort fällig am" in fragen) == (True, False)


def test_assigned_land_member_sees_the_answer_button(client, zugewiesene_frage, land_member):
    client.force_login(land_member)

    html = client.get(f"/diskussionen/{zugewiesene_frage.pk}/").content.decode()

    assert html.count(ANTWORT_SENDEN) == 1


@pytest.fixture
def other_land_member(groups):
    andere_stelle = OrganisationFactory(slug="mdi", name="Ministerium des Innern und für Sport", short_name="MdI")
    return UserFactory(rolle=Rolle.MITGLIED_LAND, username="andere-stelle", organisation=andere_stelle)


@pytest.mark.parametrize("role", ["other_land_member", "member"])
def test_only_the_assigned_organisation_may_answer_as_the_land(client, zugewiesene_frage, role, request):
    client.force_login(request.getfixturevalue(role))

    html = client.get(f"/diskussionen/{zugewiesene_frage.pk}/").content.decode()
    response = antworten_als_land(client, zugewiesene_frage)

    zugewiesene_frage.refresh_from_db()
    assert ANTWORT_SENDEN not in html
    assert response.status_code == 403
    assert (zugewiesene_frage.stand, zugewiesene_frage.beitraege.count()) == (Stand.OFFEN, 1)
