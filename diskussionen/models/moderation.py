"""Reports by members and the log of every moderation action by the Redaktion."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diskussionen.choices import Aktion


class Meldung(models.Model):
    """A member reports a Beitrag to the Redaktion, with a reason."""

    beitrag = models.ForeignKey(
        "diskussionen.Beitrag", verbose_name=_("Beitrag"), on_delete=models.CASCADE, related_name="meldungen"
    )
    gemeldet_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Gemeldet von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="diskussionsmeldungen",
    )
    grund = models.TextField(_("Grund"), max_length=2000)
    created_at = models.DateTimeField(_("Gemeldet am"), default=timezone.now)
    erledigt_am = models.DateTimeField(_("Bearbeitet am"), null=True, blank=True)
    erledigt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Bearbeitet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")

    def __str__(self):
        return f"{self.beitrag}: {self.grund[:40]}"


class Moderationsprotokoll(models.Model):
    """One moderation action; written in the same transaction as the action itself."""

    wer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Durchgeführt von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aktion = models.CharField(_("Aktion"), max_length=30, choices=Aktion.choices)
    diskussion = models.ForeignKey(
        "diskussionen.Diskussion",
        verbose_name=_("Diskussion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderationsprotokoll",
    )
    beitrag = models.ForeignKey(
        "diskussionen.Beitrag",
        verbose_name=_("Beitrag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderationsprotokoll",
    )
    begruendung = models.TextField(_("Begründung"), blank=True)
    created_at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Moderationsprotokoll-Eintrag")
        verbose_name_plural = _("Moderationsprotokoll")

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.get_aktion_display()}"
