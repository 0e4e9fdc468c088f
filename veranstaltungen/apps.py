from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VeranstaltungenConfig(AppConfig):
    name = "veranstaltungen"
    verbose_name = _("Veranstaltungen")

    def ready(self):
        from veranstaltungen import handlungsfeld_sections, search_documents, signal_handlers, wochenueberblick  # noqa: F401

        signal_handlers.connect()
        search_documents.connect()
