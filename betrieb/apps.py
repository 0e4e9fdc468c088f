from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BetriebConfig(AppConfig):
    name = "betrieb"
    verbose_name = _("Betrieb")

    def ready(self):
        from betrieb import signal_handlers

        signal_handlers.connect()
