import copy

from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from netzwerk_site import arbeitsliste
from netzwerk_site.mailversand_admin import AdminZugangPolicy, MailversandViewSet
from netzwerk_site.models import Barrieremeldung, Kommune, Mailversand, Organisation, Themenfeld, Zielgruppe
from netzwerk_site.refusals import Refusal


class ThemenfeldViewSet(SnippetViewSet):
    model = Themenfeld
    icon = "folder-open-inverse"
    list_display = ["title", "order"]


class KommuneViewSet(SnippetViewSet):
    model = Kommune
    icon = "site"
    list_display = ["name", "art", "landkreis"]
    list_filter = ["art"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "short_name", "art"]
    list_filter = ["art"]
    search_fields = ["name", "short_name"]


class ZielgruppeViewSet(SnippetViewSet):
    model = Zielgruppe
    icon = "user"
    list_display = ["name"]


class VokabularViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Vokabulare")
    menu_icon = "tag"
    menu_order = 300
    items = (ThemenfeldViewSet, KommuneViewSet, OrganisationViewSet, ZielgruppeViewSet)


register_snippet(VokabularViewSetGroup)


class BarrieremeldungViewSet(SnippetViewSet):
    model = Barrieremeldung
    icon = "warning"
    menu_label = _("Barrieremeldungen")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "seite", "created_at", "erledigt"]
    list_filter = ["erledigt"]


register_snippet(BarrieremeldungViewSet)


@hooks.register("on_serve_page", order=-1)
def refuse_restricted_page_to_signed_in_users(serve):
    """A signed-in user whom a page's restriction does not admit gets the refusal page, not a login form.

    Wraps Wagtail's own restriction check (registered with order 0, so it runs inside this one) and turns
    its redirect to the login into a refusal when the user is already signed in: no second restriction query.
    Visitors who are not signed in still go to the login (WAGTAIL_FRONTEND_LOGIN_URL).
    """

    def inner(page, request, serve_args, serve_kwargs):
        response = serve(page, request, serve_args, serve_kwargs)
        to_login = response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))
        if to_login and request.user.is_authenticated:
            raise Refusal(
                _(
                    "Diese Seite ist nur für Mitglieder des Netzwerks Integration sichtbar. Wenn Sie "
                    "mitarbeiten möchten, bitten Sie die Redaktion um eine Einladung."
                ),
                status=403,
            )
        return response

    return inner


@hooks.register("construct_homepage_panels")
def add_arbeitsliste_panel(request, panels):
    """The work list replaces Wagtail's "Awaiting your review": its first group lists the same submissions
    with a link to the edit page and its actions, in two queries, where Wagtail's panel runs several per task.
    """
    panel = arbeitsliste.panel(request)
    if panel is not None:
        panels[:] = [item for item in panels if not isinstance(item, WorkflowObjectsToModeratePanel)]
        panels.append(panel)


@hooks.register("construct_main_menu")
def show_arbeitsliste_counts(request, menu_items):
    """Add each work-list group's open count to the menu item that leads to its list: "Gemeldete Beiträge (3)".

    Nothing open, no number. Menu items are shared between requests, so labelled copies replace them; a submenu
    gets a copy of its menu.
    """
    counts = {}
    for gruppe in arbeitsliste.gruppen(request, limit=0):
        if gruppe.menu_url and gruppe.anzahl:
            counts.setdefault(gruppe.menu_url, []).append(gruppe.anzahl)
    if counts:
        menu_items[:] = [_with_counts(item, request, counts) for item in menu_items]


def _with_counts(item, request, counts):
    if isinstance(item, SubmenuMenuItem):
        children = item.menu.menu_items_for_request(request)
        labelled = [_with_counts(child, request, counts) for child in children]
        if all(new is old for new, old in zip(labelled, children, strict=True)):
            return item
        item = copy.copy(item)
        item.menu = Menu(items=labelled)
        return item
    if item.url not in counts:
        return item
    item = copy.copy(item)
    item.label = f"{item.label} ({sum(counts[item.url])})"
    return item


# Mailversand: Fehler (netzwerk_site/mailversand_admin.py); its policy before the viewset, or Wagtail uses its default.
register_permission_policy(Mailversand, AdminZugangPolicy(Mailversand))


@hooks.register("register_admin_viewset")
def register_mailversand_viewset():
    return MailversandViewSet("mailversand")
