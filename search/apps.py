from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")

    def ready(self):
        from netzwerk_site import abkuerzungen
        from search import documents, signal_handlers
        from search.templatetags.glossar import glossar_abbr

        abkuerzungen.register(glossar_abbr)
        documents.register_pages()
        signal_handlers.connect()
