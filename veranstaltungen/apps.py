from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VeranstaltungenConfig(AppConfig):
    name = "veranstaltungen"
    verbose_name = _("Veranstaltungen")

    def ready(self):
        from netzwerk_site import erinnerungen
        from veranstaltungen import (  # noqa: F401
            handlungsfeld_sections,
            occurrences,
            search_documents,
            signal_handlers,
            wochenueberblick,
        )

        signal_handlers.connect()
        search_documents.connect()
        erinnerungen.register(occurrences.naechste_termine_fortschreiben)
