from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Mailversand(models.Model):
    """A mail the mail server refused at least once (netzwerk_site/mail.py): kept until it is sent or given up.

    nachricht holds the rendered mail as the task received it, so a mail given up on can still be read and sent.
    """

    class Stand(models.TextChoices):
        WIRD_WIEDERHOLT = "wird_wiederholt", _("Wird wiederholt")
        AUFGEGEBEN = "aufgegeben", _("Aufgegeben")
        ZUGESTELLT = "zugestellt", _("Zugestellt")

    empfaenger = models.TextField(_("Empfänger"))
    betreff = models.CharField(_("Betreff"), max_length=1000)
    vorlage = models.CharField(_("Vorlage"), max_length=200)
    versuche = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    letzter_fehler = models.TextField(_("Letzter Fehler"), blank=True)
    stand = models.CharField(_("Stand"), max_length=20, choices=Stand.choices, default=Stand.WIRD_WIEDERHOLT)
    nachricht = models.JSONField(_("Nachricht"), default=dict, editable=False)
    created_at = models.DateTimeField(_("Erster Versuch"), default=timezone.now)
    updated_at = models.DateTimeField(_("Letzter Versuch"), default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("Mailversand: Fehler")
        verbose_name_plural = _("Mailversand: Fehler")

    def __str__(self):
        return f"{self.betreff} – {self.empfaenger}"
