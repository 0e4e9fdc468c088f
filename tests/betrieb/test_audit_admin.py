"""The audit log in the Wagtail admin: superusers read it, filtered by action and date; nobody edits it."""

from datetime import timedelta

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

import pytest

from betrieb.choices import AuditAktion
from betrieb.models import AuditEintrag

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LISTING = "/admin/audit/"


@pytest.fixture
def protokoll(db):
    heute = timezone.now()
    return [
        AuditEintrag.objects.create(aktion=AuditAktion.ANMELDUNG, target="Testfall „heute“", created_at=heute),
        AuditEintrag.objects.create(
            aktion=AuditAktion.STATUS_GEAENDERT, target="Testfall „gestern“", created_at=heute - timedelta(days=1)
        ),
        AuditEintrag.objects.create(
            aktion=AuditAktion.ANMELDUNG, target="Testfall „vor Wochen“", created_at=heute - timedelta(days=20)
        ),
    ]


def listed(response):
    return [eintrag.target for eintrag in response.context["object_list"] if eintrag.target.startswith("Testfall „")]


def test_superuser_sees_the_audit_log_newest_first(client, superuser, protokoll):
    client.force_login(superuser)

    response = client.get(LISTING)

    assert response.status_code == 200
    assert listed(response) == ["Testfall „heute“", "Testfall „gestern“", "Testfall „vor Wochen“"]


def test_superuser_filters_by_action_and_date(client, superuser, protokoll):
    client.force_login(superuser)
    von = (timezone.localdate() - timedelta(days=2)).isoformat()

    response = client.get(LISTING, {"aktion": AuditAktion.ANMELDUNG, "created_at_from": von})

    assert listed(response) == ["Testfall „heute“"]


def test_superuser_opens_an_entry_read_only(client, superuser, protokoll):
    client.force_login(superuser)

    response = client.get(f"{LISTING}inspect/{protokoll[0].pk}/")

    assert response.status_code == 200
    assert "Testfall „heute“" in response.content.decode()


def test_audit_log_has_no_add_edit_or_delete_views(superuser):
    for name, args in [("add", []), ("edit", [1]), ("delete", [1])]:
        with pytest.raises(NoReverseMatch):
            reverse(f"audit:{name}", args=args)


def test_redaktion_is_turned_away_from_the_audit_log(client, editor, protokoll):
    client.force_login(editor)

    response = client.get(LISTING)

    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_members_are_sent_to_the_admin_login(client, member, protokoll):
    client.force_login(member)

    response = client.get(LISTING)

    assert (response.status_code, response.url) == (302, f"{reverse('wagtailadmin_login')}?next={LISTING}")


def test_audit_menu_item_is_shown_to_superusers_only(client, superuser, editor):
    client.force_login(editor)
    editor_html = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(superuser)

    superuser_html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert LISTING not in editor_html
    assert LISTING in superuser_html
