from django.db import models
from django.utils.translation import gettext_lazy as _


class Seitenstand(models.Model):
    """One row: a number that grows with every content change, so cached pages of all processes expire at once."""

    generation = models.PositiveBigIntegerField(_("Stand"), default=0)

    class Meta:
        verbose_name = _("Seitenstand")
        verbose_name_plural = _("Seitenstände")

    def __str__(self):
        return str(self.generation)
