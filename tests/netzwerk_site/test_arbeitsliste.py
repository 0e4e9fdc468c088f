"""The Redaktion's work list on the admin dashboard and the counts in the admin menu."""

import json
import re
from datetime import timedelta

from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest

from diskussionen.choices import Stand
from diskussionen.models import Meldung
from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung
from konto.roles import Rolle
from netzwerk_site import arbeitsliste
from netzwerk_site.models import Barrieremeldung, Mailversand
from netzwerk_site.settings import base as base_settings
from praxisbeispiele.submission import create_submission, ensure_workflow
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import OrganisationFactory, ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.netzwerk_site.test_barriere_melden import report

ADMIN_HOME = "/admin/"


def heute():
    return timezone.localdate()


def datum(tag):
    return f"{tag:%d.%m.%Y}"


@pytest.fixture
def workflow(site_tree, groups):
    return ensure_workflow()


def einreichen(member, title):
    """A member's submission, waiting in the workflow "Redaktionelle Prüfung"."""
    daten = {"title": title, "summary": "Ehrenamtliche laden jede Woche ein.", "themenfelder": [ThemenfeldFactory()]}
    return create_submission(member, {**daten, "description": "Seit 2023 im Rathaus."}, [])


def frage(titel, faellig_am=None, **kwargs):
    organisation = OrganisationFactory() if faellig_am else None
    return DiskussionFactory(
        title=titel, is_frage_an_land=True, zugewiesen_an=organisation, faellig_am=faellig_am, **kwargs
    )


def melden(titel, erledigt=False):
    beitrag = BeitragFactory(diskussion=DiskussionFactory(title=titel))
    erledigt_am = timezone.now() if erledigt else None
    return Meldung.objects.create(beitrag=beitrag, grund="Beleidigend.", erledigt_am=erledigt_am)


def barriere(beschreibung, vor_tagen=0, **kwargs):
    meldung = Barrieremeldung.objects.create(beschreibung=beschreibung, **kwargs)
    if vor_tagen:
        meldung.created_at -= timedelta(days=vor_tagen)
        Barrieremeldung.objects.filter(pk=meldung.pk).update(created_at=meldung.created_at)
    return meldung


def geprueft(titel, parent, zuletzt_geprueft=None, veroeffentlicht=None):
    page = PraxisbeispielPageFactory(title=titel, parent=parent, zuletzt_geprueft=zuletzt_geprueft)
    page.first_published_at = veroeffentlicht or timezone.now()
    page.save()
    return page


def gruppe(user, titel):
    request = RequestFactory().get(ADMIN_HOME)
    request.user = user
    return next(found for found in arbeitsliste.gruppen(request) if found.titel == titel)


def menu_counts(response):
    """The admin menu labels that carry a count, from the sidebar's JSON props."""
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', response.text, re.S)
    labels = json.dumps(json.loads(props.group(1)), ensure_ascii=False)
    return sorted(re.findall(r'"([^"]+ \(\d+\))"', labels))


def titel(found):
    return [eintrag.titel for eintrag in found.eintraege]


def test_submission_in_review_is_listed_and_an_approved_one_is_not(workflow, member, editor):
    freigegeben = einreichen(member, "Sprachcafé Musterstadt")
    freigegeben.current_workflow_state.current_task_state.approve(user=editor)
    wartend = einreichen(member, "Lotsenprojekt Beispielstadt")

    found = gruppe(editor, "Einreichungen in Prüfung")

    assert (found.anzahl, titel(found)) == (1, ["Lotsenprojekt Beispielstadt"])
    assert found.eintraege[0].url == f"/admin/pages/{wartend.pk}/edit/"
    assert found.eintraege[0].hinweis == f"eingereicht am {datum(heute())}"


def test_overdue_question_comes_first_and_answered_and_ordinary_threads_are_absent(editor):
    frage("Später fällig", faellig_am=heute() + timedelta(days=5))
    frage("Noch nicht zugewiesen")
    ueberfaellig = frage("Überfällig", faellig_am=heute() - timedelta(days=2))
    frage("Beantwortet", faellig_am=heute() - timedelta(days=9), stand=Stand.BEANTWORTET)
    DiskussionFactory(title="Keine Frage an das Land")

    found = gruppe(editor, "Offene Fragen an das Land")

    assert (found.anzahl, titel(found)) == (3, ["Überfällig", "Später fällig", "Noch nicht zugewiesen"])
    assert [eintrag.ist_ueberfaellig for eintrag in found.eintraege] == [True, False, False]
    assert found.eintraege[0].url == f"/diskussionen/{ueberfaellig.pk}/"
    assert found.eintraege[0].hinweis == f"{ueberfaellig.zugewiesen_an}, fällig am {datum(ueberfaellig.faellig_am)}"
    assert found.eintraege[2].url.endswith("/zuweisen/")
    assert found.alle_url == "/admin/diskussionen/?frage=1"


def test_erledigt_report_is_not_listed(editor):
    melden("Erledigt", erledigt=True)
    melden("Offen")

    found = gruppe(editor, "Gemeldete Beiträge")

    assert (found.anzahl, titel(found)) == (1, ["Offen"])
    assert found.eintraege[0].url == "/admin/diskussionen/meldungen/"
    assert found.eintraege[0].hinweis == f"gemeldet am {datum(heute())}"


def test_barrier_report_shows_its_answer_deadline(editor):
    barriere("Erledigt", erledigt=True)
    alt = barriere("Kontrast im Kopfbereich zu schwach", vor_tagen=50)
    neu = barriere("PDF ohne Tags")

    found = gruppe(editor, "Barrieremeldungen")

    assert found.anzahl == 2
    assert [(e.hinweis, e.ist_ueberfaellig) for e in found.eintraege] == [
        (f"Antwort fällig am {datum(heute() - timedelta(days=8))}", True),
        (f"Antwort fällig am {datum(heute() + timedelta(days=42))}", False),
    ]
    assert [e.url for e in found.eintraege] == [
        f"/admin/snippets/netzwerk_site/barrieremeldung/edit/{alt.pk}/",
        f"/admin/snippets/netzwerk_site/barrieremeldung/edit/{neu.pk}/",
    ]


def test_work_list_and_barrier_notification_show_the_same_deadline(
    client, site_tree, editor, settings, django_capture_on_commit_callbacks
):
    settings.BARRIEREMELDUNG_ANTWORTFRIST_TAGE = 30
    with django_capture_on_commit_callbacks(execute=True):
        report(client, email="")

    found = gruppe(editor, "Barrieremeldungen")

    frist = datum(heute() + timedelta(days=30))
    (benachrichtigung,) = Benachrichtigung.objects.filter(user=editor, art=Benachrichtigungsart.BARRIERE_GEMELDET)
    assert [e.hinweis for e in found.eintraege] == [f"Antwort fällig am {frist}"]
    assert benachrichtigung.betreff == f"Neue Barrieremeldung, Antwort bis {frist}"


def test_the_answer_deadline_setting_is_six_weeks():
    assert base_settings.BARRIEREMELDUNG_ANTWORTFRIST_TAGE == 42


def fehlgeschlagen(betreff, stand, versuche=2):
    return Mailversand.objects.create(
        empfaenger="erika@example.org",
        betreff=betreff,
        vorlage="konto/mail/benachrichtigung",
        stand=stand,
        versuche=versuche,
        letzter_fehler="SMTPServerDisconnected: Connection unexpectedly closed",
    )


def test_failed_mails_are_listed_given_up_first_and_delivered_ones_are_not(editor):
    fehlgeschlagen("Zugestellt", Mailversand.Stand.ZUGESTELLT)
    wiederholt = fehlgeschlagen("Wird wiederholt", Mailversand.Stand.WIRD_WIEDERHOLT)
    aufgegeben = fehlgeschlagen("Aufgegeben", Mailversand.Stand.AUFGEGEBEN, versuche=5)

    found = gruppe(editor, "Mailversand mit Fehlern")

    zeitpunkt = f"{timezone.localtime(aufgegeben.updated_at):%d.%m.%Y %H:%M}"
    assert (found.anzahl, titel(found)) == (2, ["Aufgegeben", "Wird wiederholt"])
    assert [(e.url, e.ist_ueberfaellig) for e in found.eintraege] == [
        (f"/admin/mailversand/inspect/{aufgegeben.pk}/", True),
        (f"/admin/mailversand/inspect/{wiederholt.pk}/", False),
    ]
    assert found.eintraege[0].hinweis == f"aufgegeben am {zeitpunkt} nach 5 Versuchen"
    assert (found.alle_url, found.menu_url) == ("/admin/mailversand/", "/admin/mailversand/")


def test_failed_mails_are_not_in_a_land_members_work_list(land_member):
    fehlgeschlagen("Aufgegeben", Mailversand.Stand.AUFGEGEBEN)
    request = RequestFactory().get(ADMIN_HOME)
    request.user = land_member

    assert arbeitsliste.mailversand_mit_fehlern(request, arbeitsliste.ANZEIGEN) is None


def test_praxisbeispiel_published_today_is_not_due_for_review_one_reviewed_13_months_ago_is(site_tree, editor):
    bibliothek = site_tree.praxisbeispiele
    geprueft("Heute veröffentlicht", bibliothek)
    geprueft("Vor 11 Monaten geprüft", bibliothek, zuletzt_geprueft=heute() - timedelta(days=335))
    vor_13_monaten = heute() - timedelta(days=396)
    geprueft(
        "Vor 13 Monaten geprüft",
        bibliothek,
        zuletzt_geprueft=vor_13_monaten,
        veroeffentlicht=timezone.now() - timedelta(days=800),
    )

    found = gruppe(editor, "Praxisbeispiele zur Prüfung fällig")

    assert (found.anzahl, titel(found)) == (1, ["Vor 13 Monaten geprüft"])
    assert found.eintraege[0].hinweis == f"zuletzt geprüft am {datum(vor_13_monaten)}"
    assert found.alle_url == "/admin/praxisbeispiele/?pruefung_faellig=true"


def test_redaktion_sees_the_work_list_on_the_dashboard(editor_client, site_tree):
    melden("Ein gemeldeter Beitrag")

    response = editor_client.get(ADMIN_HOME)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Arbeitsliste der Redaktion" in content
    assert "Gemeldete Beiträge (1)" in content
    assert 'href="/admin/diskussionen/meldungen/">Alle 1 anzeigen' in content


def test_member_with_admin_access_but_without_redaktion_rights_never_sees_the_work_list(client, site_tree, groups):
    melden("Ein gemeldeter Beitrag")
    barriere("PDF ohne Tags")
    land_member = UserFactory(rolle=Rolle.MITGLIED_LAND)
    land_member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(land_member)

    response = client.get(ADMIN_HOME)

    assert response.status_code == 200
    assert "Arbeitsliste" not in response.content.decode()


def test_work_list_refuses_land_members(land_member):
    melden("Ein gemeldeter Beitrag")
    barriere("PDF ohne Tags")
    request = RequestFactory().get(ADMIN_HOME)
    request.user = land_member

    assert (arbeitsliste.gruppen(request), arbeitsliste.panel(request)) == ([], None)


def test_admin_menu_shows_the_count_of_each_group_with_open_items(editor_client, site_tree):
    melden("Erster")
    melden("Zweiter")
    melden("Erledigt", erledigt=True)
    barriere("PDF ohne Tags")
    frage("Überfällig", faellig_am=heute() - timedelta(days=2))

    response = editor_client.get(reverse("wagtailadmin_explore_root"))

    assert menu_counts(response) == [
        "Barrieremeldungen (1)",
        "Diskussionen und Fragen an das Land (1)",
        "Gemeldete Beiträge (2)",
    ]


def offene_eintraege(anzahl, member, editor, bibliothek):
    for n in range(anzahl):
        einreichen(member, f"Einreichung {n}")
        frage(f"Frage {n}", faellig_am=heute() - timedelta(days=n))
        melden(f"Meldung {n}")
        barriere(f"Barriere {n}")
        geprueft(f"Praxisbeispiel {n}", bibliothek, zuletzt_geprueft=heute() - timedelta(days=400))
        fehlgeschlagen(f"Mail {n}", Mailversand.Stand.AUFGEGEBEN)


@pytest.mark.parametrize("anzahl", [1, 30])
def test_dashboard_query_count_does_not_grow_with_open_items(
    client, workflow, member, editor, site_tree, anzahl, django_assert_num_queries
):
    offene_eintraege(anzahl, member, editor, site_tree.praxisbeispiele)
    client.force_login(editor)

    # 28 before "Mailversand mit Fehlern", whose COUNT and first items add two.
    with django_assert_num_queries(30):
        response = client.get(ADMIN_HOME)

    assert response.content.decode().count('class="arbeitsliste__gruppe"') == 6
