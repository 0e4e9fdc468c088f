from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search import seeding  # noqa: F401 (registers the Glossar seed step)
from search.models import Begriff


class BegriffViewSet(SnippetViewSet):
    model = Begriff
    icon = "help"
    menu_label = _("Glossar")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["abkuerzung", "langform"]
    search_fields = ["abkuerzung", "langform", "synonyme"]
    ordering = ["abkuerzung"]


register_snippet(BegriffViewSet)
