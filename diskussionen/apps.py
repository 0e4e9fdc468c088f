from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiskussionenConfig(AppConfig):
    name = "diskussionen"
    verbose_name = _("Diskussionen")

    def ready(self):
        from diskussionen import search_documents, signal_handlers  # noqa: F401

        search_documents.connect()
