"""The main navigation comes from the page tree (show_in_menus); mark the menu pages of an existing site.

Before, the header listed them by path. The seed sets the flag on pages it writes, but keeps pages the
Redaktion has edited as they are, so without this their menu entries would disappear. Only direct
children of a site's root page with these slugs are touched; a fresh database has none yet.
"""

from django.db import migrations

MENU_SLUGS = ["themenfelder", "praxisbeispiele", "veranstaltungen", "kooperationsstrategie"]


def mark_menu_pages(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    for site in Site.objects.all():
        root = Page.objects.get(pk=site.root_page_id)
        Page.objects.filter(
            path__startswith=root.path, depth=root.depth + 1, slug__in=MENU_SLUGS, show_in_menus=False
        ).update(show_in_menus=True)


class Migration(migrations.Migration):
    dependencies = [("netzwerk_site", "0004_seitenstand_nach_betrieb")]

    operations = [migrations.RunPython(mark_menu_pages, migrations.RunPython.noop, elidable=True)]
