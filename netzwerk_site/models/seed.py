from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedEintrag(models.Model):
    """What the seed loader last wrote for one item, to tell its own writes from editors' changes."""

    key = models.CharField(_("Schlüssel"), max_length=200, unique=True)
    digest = models.CharField(_("Prüfsumme"), max_length=64)
    updated_at = models.DateTimeField(_("Zuletzt geladen"), auto_now=True)

    class Meta:
        verbose_name = _("Seed-Eintrag")
        verbose_name_plural = _("Seed-Einträge")

    def __str__(self):
        return self.key
