from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VeranstaltungenConfig(AppConfig):
    name = "veranstaltungen"
    verbose_name = _("Veranstaltungen")

    def ready(self):
        from veranstaltungen import search_documents, signal_handlers

        signal_handlers.connect()
        search_documents.connect()
