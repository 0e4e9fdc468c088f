"""Let the member groups into internal Veranstaltungen whose view restriction names no group.

The seed created these restrictions before the groups existed, so they admitted nobody: members and
the Redaktion met Wagtail's login page for the Netzwerktreffen. The group names are those of
konto.roles.Rolle at the time of this migration.
"""

from django.db import migrations

MEMBER_GROUPS = ["Mitglied (Kommune)", "Mitglied (Land)", "Redaktion"]


def repair(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    VeranstaltungPage = apps.get_model("veranstaltungen", "VeranstaltungPage")
    groups = list(Group.objects.filter(name__in=MEMBER_GROUPS))
    if not groups:
        return
    internal = VeranstaltungPage.objects.exclude(sichtbarkeit="oeffentlich").values("pk")
    for restriction in PageViewRestriction.objects.filter(page_id__in=internal, restriction_type="groups"):
        if not restriction.groups.exists():
            restriction.groups.set(groups)


class Migration(migrations.Migration):
    dependencies = [
        ("veranstaltungen", "0002_termineintrag"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop, elidable=True)]
