from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from netzwerk_site.models import Barrieremeldung, Kommune, Organisation, Themenfeld, Zielgruppe


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
