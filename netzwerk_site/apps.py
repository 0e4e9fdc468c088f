from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetzwerkSiteConfig(AppConfig):
    name = "netzwerk_site"
    verbose_name = _("Netzwerk Integration")

    def ready(self):
        from netzwerk_site import signal_handlers

        signal_handlers.connect()
