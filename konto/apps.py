from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KontoConfig(AppConfig):
    name = "konto"
    verbose_name = _("Konten und Rollen")

    def ready(self):
        from konto import ereignisse, sammlungen, wochenueberblick  # noqa: F401

        sammlungen.connect()
        ereignisse.connect()
