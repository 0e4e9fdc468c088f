from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")

    def ready(self):
        from search import documents, signal_handlers

        documents.register_pages()
        signal_handlers.connect()
