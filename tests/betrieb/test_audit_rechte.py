"""Changes of group membership, rights and account status are recorded with who made them."""

import re

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page

import pytest

from betrieb.audit import acting_as
from betrieb.choices import AuditAktion
from betrieb.models import AuditEintrag
from konto.roles import Rolle
from tests.betrieb.conftest import eintraege

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def user_edit_data(user, groups):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "groups": [group.pk for group in groups],
        "kommune": "",
        "organisation": "",
    }


def test_editor_adding_a_member_to_a_group_in_the_wagtail_user_editor_records_actor_and_target(client, editor, member):
    editor.user_permissions.add(Permission.objects.get(codename="change_user", content_type__app_label="konto"))
    client.force_login(editor)
    groups = [Group.objects.get(name=Rolle.MITGLIED_KOMMUNE), Group.objects.get(name=Rolle.MITGLIED_LAND)]

    response = client.post(reverse("wagtailusers_users:edit", args=[member.pk]), user_edit_data(member, groups))

    assert response.status_code == 302
    eintrag = AuditEintrag.objects.filter(aktion=AuditAktion.GRUPPEN_GEAENDERT).latest("pk")
    assert (eintrag.actor, eintrag.actor_name, eintrag.target, eintrag.details) == (
        editor,
        editor.username,
        f"Mitglied „{member.username}“",
        {"hinzugefuegt": [Rolle.MITGLIED_LAND.value]},
    )
    assert eintrag.ip_address == "127.0.0.1"


def test_group_change_outside_a_request_has_no_actor_unless_one_is_set(editor, member):
    redaktion = Group.objects.get(name=Rolle.REDAKTION)

    member.groups.add(redaktion)
    with acting_as(editor):
        redaktion.user_set.remove(member)

    assert eintraege(AuditAktion.GRUPPEN_GEAENDERT)[-2:] == [
        ("", f"Mitglied „{member.username}“", {"hinzugefuegt": ["Redaktion"]}),
        (editor.username, f"Mitglied „{member.username}“", {"entfernt": ["Redaktion"]}),
    ]


def test_clearing_groups_records_the_groups_removed(member):
    member.groups.clear()

    assert eintraege(AuditAktion.GRUPPEN_GEAENDERT)[-1] == (
        "",
        f"Mitglied „{member.username}“",
        {"entfernt": [Rolle.MITGLIED_KOMMUNE.value]},
    )


def test_group_permission_change_is_recorded(groups):
    permission = Permission.objects.get(codename="delete_user", content_type__app_label="konto")

    groups[Rolle.REDAKTION].permissions.add(permission)

    assert eintraege(AuditAktion.RECHTE_GEAENDERT)[-1] == (
        "",
        "Gruppe „Redaktion“",
        {"hinzugefuegt": ["konto.delete_user"]},
    )


def test_making_a_member_superuser_records_before_and_after(superuser, member):
    member.is_superuser = True
    with acting_as(superuser):
        member.save()

    assert eintraege(AuditAktion.STATUS_GEAENDERT)[-1] == (
        "admin",
        f"Mitglied „{member.username}“",
        {"is_superuser": {"vorher": False, "nachher": True}},
    )


def test_saving_a_member_without_status_change_records_nothing(member):
    member.first_name = "Anna"

    member.save()
    member.save(update_fields=["last_login"])

    assert eintraege(AuditAktion.STATUS_GEAENDERT) == []


def test_page_permission_granted_in_the_wagtail_group_editor_is_recorded(client, superuser):
    client.force_login(superuser)
    redaktion = Group.objects.get(name=Rolle.REDAKTION)
    url = reverse("wagtailusers_groups:edit", args=[redaktion.pk])
    root = Page.get_first_root_node()
    publish = Permission.objects.get(codename="publish_page")
    bulk_delete = Permission.objects.get(codename="bulk_delete_page")

    data = group_edit_data(client.get(url), redaktion, root, [publish, bulk_delete])
    before = AuditEintrag.objects.latest("pk").pk

    response = client.post(url, data)

    assert response.status_code == 302
    seite = f"{root.title} (ID {root.pk})"
    changes = AuditEintrag.objects.filter(pk__gt=before, aktion=AuditAktion.SEITENRECHTE_GEAENDERT).order_by("pk")
    # Sorted items: PostgreSQL stores JSON keys in its own order.
    assert sorted((e.actor_name, e.target, *sorted(e.details.items())) for e in changes) == [
        *[
            ("admin", "Gruppe „Redaktion“", ("entfernt", [f"wagtailcore.{codename}"]), ("seite", seite))
            for codename in ["add_page", "change_page", "lock_page", "unlock_page"]
        ],
        ("admin", "Gruppe „Redaktion“", ("hinzugefuegt", ["wagtailcore.bulk_delete_page"]), ("seite", seite)),
    ]


def group_edit_data(form_page, group, page, page_permissions):
    """The group form as shown, with one page permission row; every other permission formset posted empty."""
    html = form_page.content.decode()
    shown = form_page.context["form"].fields["permissions"].queryset.filter(group=group)
    data = {"name": group.name, "permissions": list(shown.values_list("pk", flat=True))}
    for prefix in re.findall(r'name="([\w-]+)-TOTAL_FORMS"', html):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0"})
    data.update(
        {
            "page_permissions-TOTAL_FORMS": "1",
            "page_permissions-0-page": str(page.pk),
            "page_permissions-0-permissions": [permission.codename for permission in page_permissions],
        }
    )
    return data


def test_deleting_a_page_permission_is_recorded_with_the_acting_user(superuser, groups):
    grant = GroupPagePermission.objects.filter(group=groups[Rolle.REDAKTION], permission__codename="lock_page").get()

    with acting_as(superuser):
        grant.delete()

    assert eintraege(AuditAktion.SEITENRECHTE_GEAENDERT)[-1] == (
        "admin",
        "Gruppe „Redaktion“",
        {"entfernt": ["wagtailcore.lock_page"], "seite": f"{grant.page.title} (ID {grant.page_id})"},
    )
