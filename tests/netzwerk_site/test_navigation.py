import re

import pytest

from netzwerk_site.models import InhaltsPage

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _main_menu(response):
    html = response.content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<li><a href="([^"]+)"( aria-current="page")?>([^<]+)</a></li>', nav)


def _footer_links(response):
    footer = re.search(r'<footer class="site-footer">.*?</footer>', response.content.decode(), re.S).group(0)
    return re.findall(r'<a href="([^"?]+)[^"]*"[^>]*>([^<]+)</a>', footer)


@pytest.fixture
def menu(site_tree):
    for page in (site_tree.themenfelder, site_tree.praxisbeispiele):
        page.show_in_menus = True
        page.save_revision().publish()
    site_tree.home.add_child(instance=InhaltsPage(title="Impressum", slug="impressum"))
    return site_tree


def test_main_menu_lists_the_menu_pages_of_the_site_root_and_marks_the_current_section(client, menu):
    response = client.get("/praxisbeispiele/")

    assert _main_menu(response) == [
        ("/themenfelder/", "", "Themenfelder"),
        ("/praxisbeispiele/", ' aria-current="page"', "Praxisbeispiele"),
        ("/kommunen/", "", "Kommunen"),
        ("/umsetzung/", "", "Umsetzung"),
    ]


def test_renaming_a_menu_page_slug_changes_its_menu_link(client, menu):
    page = menu.praxisbeispiele
    page.slug = "gute-praxis"
    page.save_revision().publish()

    response = client.get("/gute-praxis/")

    assert _main_menu(response)[1] == ("/gute-praxis/", ' aria-current="page"', "Praxisbeispiele")


def test_view_outside_the_page_tree_is_marked_as_current_section(client, menu):
    response = client.get("/kommunen/")

    assert [current for _url, current, _title in _main_menu(response)] == ["", "", ' aria-current="page"', ""]


def test_footer_links_content_pages_by_their_slug(client, menu):
    response = client.get("/")

    assert ("/impressum/", "Impressum") in _footer_links(response)


def test_migration_marks_the_menu_pages_of_an_existing_site_and_nothing_else(site_tree):
    from importlib import import_module

    from django.apps import apps

    from wagtail.models import Page

    migration = import_module("netzwerk_site.migrations.0005_menu_pages")
    Page.objects.filter(depth__gte=2).update(show_in_menus=False)

    migration.mark_menu_pages(apps, None)

    marked = Page.objects.filter(show_in_menus=True).order_by("path").values_list("slug", flat=True)
    assert list(marked) == ["themenfelder", "praxisbeispiele"]
