from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PraxisbeispieleConfig(AppConfig):
    name = "praxisbeispiele"
    verbose_name = _("Praxisbeispiele")

    def ready(self):
        from praxisbeispiele import (  # noqa: F401
            arbeitsliste,
            erinnerungen,
            handlungsfeld_sections,
            konto_sections,
            search_documents,
            signal_handlers,
            wochenueberblick,
        )

        signal_handlers.connect()
        search_documents.connect()
