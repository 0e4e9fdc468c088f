from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetzwerkSiteConfig(AppConfig):
    name = "netzwerk_site"
    verbose_name = _("Netzwerk Integration")

    def ready(self):
        # barrieren registers its reminder with the daily command (netzwerk_site/erinnerungen.py).
        from netzwerk_site import barrieren, signal_handlers  # noqa: F401

        signal_handlers.connect()
