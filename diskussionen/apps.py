from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiskussionenConfig(AppConfig):
    name = "diskussionen"
    verbose_name = _("Diskussionen")
    # Threads are for members only: a change never alters what the page cache holds for visitors.
    changes_public_pages = False

    def ready(self):
        from diskussionen import (  # noqa: F401
            arbeitsliste,
            erinnerungen,
            handlungsfeld_sections,
            search_documents,
            signal_handlers,
            umsetzung_sections,
            wochenueberblick,
        )

        search_documents.connect()
