"""Reports by members, hiding and restoring by the Redaktion, locked threads, the log, and the rate limit."""

from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import reverse

from wagtail.admin.menu import admin_menu

import pytest

from betrieb.choices import AuditAktion
from betrieb.models import AuditEintrag
from diskussionen.beitraege import create_beitrag
from diskussionen.choices import Aktion
from diskussionen.models import Beitrag, Meldung, Moderationsprotokoll
from tests.factories.diskussionen import DiskussionFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def protokoll():
    return list(Moderationsprotokoll.objects.order_by("pk").values_list("aktion", "begruendung"))


def diskussionen_menu(user, rf):
    """Labels under the admin menu "Diskussionen" as the user sees them, or None without that menu."""
    # Reversing loads the admin URLconf, which registers the viewsets and their menu items.
    request = rf.get(reverse("wagtailadmin_home"))
    request.user = user
    menu = next((item.menu for item in admin_menu.menu_items_for_request(request) if item.name == "diskussionen"), None)
    return menu and [item.label for item in menu.menu_items_for_request(request)]


def test_diskussionen_menu_shows_its_screens_to_the_redaktion_only(rf, admin_member, editor):
    redaktion = diskussionen_menu(editor, rf)

    mitglied = diskussionen_menu(admin_member, rf)

    assert redaktion == ["Gemeldete Beiträge", "Diskussionen und Fragen an das Land", "Moderationsprotokoll"]
    assert mitglied is None


@pytest.mark.parametrize(
    "url", ["/admin/diskussionen/meldungen/", "/admin/diskussionen/", "/admin/diskussionen/protokoll/"]
)
def test_member_with_admin_access_gets_the_admin_refusal_on_each_moderation_screen(client, admin_member, url):
    client.force_login(admin_member)

    response = client.get(url)

    assert (response.status_code, response.url) == (302, "/admin/")
    assert [str(m).strip() for m in get_messages(response.wsgi_request)] == [
        "Sie haben leider keinen Zugang zu diesem Bereich."
    ]


def test_member_with_admin_access_may_not_hide_a_reported_post(client, diskussion, admin_member, other_member):
    beitrag = diskussion.beitraege.get()
    Meldung.objects.create(beitrag=beitrag, gemeldet_von=other_member, grund="Werbung")
    client.force_login(admin_member)

    response = client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/verbergen/", {"begruendung": "Werbung"})

    assert (response.status_code, response.url) == (302, "/admin/")
    assert (Beitrag.objects.filter(is_verborgen=True).count(), protokoll()) == (0, [])


def test_redaktion_hides_a_reported_post_from_the_menu_to_the_log(client, rf, diskussion, other_member, editor):
    beitrag = diskussion.beitraege.get()
    Meldung.objects.create(beitrag=beitrag, gemeldet_von=other_member, grund="Werbung")
    client.force_login(editor)
    liste = client.get("/admin/diskussionen/meldungen/")

    response = client.post(
        f"/admin/diskussionen/beitrag/{beitrag.pk}/verbergen/", {"begruendung": "Werbung"}, follow=True
    )

    assert f'action="/admin/diskussionen/beitrag/{beitrag.pk}/verbergen/"' in liste.content.decode()
    assert response.redirect_chain == [("/admin/diskussionen/meldungen/", 302)]
    assert [str(m) for m in response.context["messages"]] == ["Der Beitrag ist verborgen."]
    assert (list(response.context["gemeldet"]), list(response.context["verborgen"])) == ([], [beitrag])
    assert protokoll() == [(Aktion.VERBORGEN, "Werbung")]
    assert list(AuditEintrag.objects.filter(aktion=AuditAktion.MODERATION).values_list("actor", "target")) == [
        (editor.pk, f"Beitrag {beitrag.pk} in „{diskussion}“")
    ]


def test_member_reports_a_post_and_the_redaktion_sees_it(client, diskussion, other_member, editor):
    beitrag = diskussion.beitraege.get()
    client.force_login(other_member)
    client.post(f"/diskussionen/beitrag/{beitrag.pk}/melden/", {"grund": "Enthält persönliche Daten."})
    client.force_login(editor)

    response = client.get("/admin/diskussionen/meldungen/")

    assert list(Meldung.objects.values_list("gemeldet_von", "grund")) == [
        (other_member.pk, "Enthält persönliche Daten.")
    ]
    assert list(response.context["gemeldet"]) == [beitrag]
    assert "Enthält persönliche Daten." in response.content.decode()


def test_report_without_reason_keeps_the_form(client, diskussion, other_member):
    beitrag = diskussion.beitraege.get()
    client.force_login(other_member)

    response = client.post(f"/diskussionen/beitrag/{beitrag.pk}/melden/", {"grund": ""})

    assert response.context["form"].errors == {
        "grund": ["Nennen Sie einen Grund, damit die Redaktion die Meldung prüfen kann."]
    }
    assert Meldung.objects.count() == 0


def test_redaktion_hides_and_restores_a_post_and_both_are_logged(client, diskussion, other_member, editor):
    beitrag = diskussion.beitraege.get()
    Meldung.objects.create(beitrag=beitrag, gemeldet_von=other_member, grund="Werbung")
    client.force_login(editor)

    client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/verbergen/", {"begruendung": "Werbung"})
    client.force_login(other_member)
    hidden_html = client.get(f"/diskussionen/{diskussion.pk}/").content.decode()
    client.force_login(editor)
    client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/wiederherstellen/", {"begruendung": "Irrtum"})

    beitrag.refresh_from_db()
    assert "Dieser Beitrag wurde von der Redaktion verborgen." in hidden_html
    assert "Wie organisieren Sie die Sprachstandsfeststellung?" not in hidden_html
    assert beitrag.is_verborgen is False
    assert Meldung.objects.get().erledigt_von == editor
    assert protokoll() == [(Aktion.VERBORGEN, "Werbung"), (Aktion.WIEDERHERGESTELLT, "Irrtum")]


def test_open_reports_list_only_posts_with_an_open_report(client, diskussion, member, other_member, editor):
    unbeanstandet = create_beitrag(diskussion, member, "Eine Antwort ohne Meldung.")
    gemeldet = diskussion.beitraege.exclude(pk=unbeanstandet.pk).get()
    Meldung.objects.create(beitrag=gemeldet, gemeldet_von=other_member, grund="Enthält persönliche Daten.")
    client.force_login(editor)

    response = client.get("/admin/diskussionen/meldungen/")

    assert list(response.context["gemeldet"]) == [gemeldet]


def test_redaktion_closes_reports_without_action(client, diskussion, other_member, editor):
    beitrag = diskussion.beitraege.get()
    Meldung.objects.create(beitrag=beitrag, gemeldet_von=other_member, grund="Gefällt mir nicht")
    client.force_login(editor)

    client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/meldungen-schliessen/", {"begruendung": "Kein Verstoß"})

    assert list(client.get("/admin/diskussionen/meldungen/").context["gemeldet"]) == []
    assert protokoll() == [(Aktion.MELDUNG_ABGELEHNT, "Kein Verstoß")]


def test_locked_thread_accepts_no_reply_and_the_lock_is_logged(client, diskussion, member, editor):
    client.force_login(editor)
    client.post(f"/admin/diskussionen/{diskussion.pk}/sperren/", {"begruendung": "Ausufernd"}, follow=True)
    client.force_login(member)

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Trotzdem"})
    edit = client.get(f"/diskussionen/beitrag/{diskussion.beitraege.get().pk}/bearbeiten/")

    assert (response.status_code, response.context["message"]) == (
        403,
        "Diese Diskussion ist gesperrt. Neue Beiträge sind nicht möglich; bei Fragen wenden Sie sich an die Redaktion.",
    )
    assert edit.status_code == 403
    assert diskussion.beitraege.count() == 1
    assert protokoll() == [(Aktion.GESPERRT, "Ausufernd")]


def test_member_may_not_moderate(client, diskussion, member):
    client.force_login(member)

    response = client.post(f"/admin/diskussionen/beitrag/{diskussion.beitraege.get().pk}/verbergen/")

    assert response.status_code == 302
    assert Beitrag.objects.filter(is_verborgen=True).count() == 0


@override_settings(DISKUSSIONEN_BEITRAEGE_PRO_MINUTE=2)
def test_posting_faster_than_the_limit_is_refused_with_a_clear_message(client, diskussion, other_member):
    client.force_login(other_member)
    for text in ("Eins", "Zwei"):
        client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": text})

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Drei, bitte nicht verlieren"})

    assert response.status_code == 429
    assert response.context["form"].non_field_errors() == [
        "Sie haben in der letzten Minute bereits 2 Beiträge geschrieben. Warten Sie bitte eine Minute und senden "
        "Sie Ihren Beitrag dann erneut; Ihr Text bleibt erhalten."
    ]
    assert response.context["form"]["body"].value() == "Drei, bitte nicht verlieren"
    assert list(diskussion.beitraege.filter(author=other_member).values_list("body", flat=True)) == ["Eins", "Zwei"]


@override_settings(DISKUSSIONEN_BEITRAEGE_PRO_MINUTE=2)
def test_rate_limit_applies_to_new_threads_too(client, member, diskussion):
    # The fixture's first post and this reply use up the limit of two.
    create_beitrag(diskussion, member, "Gerade eben")
    client.force_login(member)

    response = client.post("/diskussionen/neu/", {"title": "Noch eine", "body": "Text"})

    assert response.status_code == 429
    assert response.context["form"]["title"].value() == "Noch eine"


def test_moderation_screens_name_themselves_in_the_header_and_each_action_names_its_thread(editor_client, member):
    diskussion = DiskussionFactory(author=member, title="Sprachkurse im Landkreis")

    response = editor_client.get("/admin/diskussionen/")

    html = response.content.decode()
    assert response.context["breadcrumbs_items"][-1] == {"url": "", "label": "Diskussionen moderieren"}
    assert 'Dem Land zuweisen<span class="w-sr-only">: Sprachkurse im Landkreis</span>' in html
    assert diskussion.title in html
