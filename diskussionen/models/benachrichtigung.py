"""Who follows what, how often they want e-mail, and the notifications waiting for them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diskussionen.choices import Grund, Haeufigkeit


class Abonnement(models.Model):
    """A member follows a Diskussion; created automatically when she posts."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diskussionsabonnements")
    diskussion = models.ForeignKey("diskussionen.Diskussion", on_delete=models.CASCADE, related_name="abonnements")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "diskussion"], name="abonnement_eindeutig")]
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")

    def __str__(self):
        return f"{self.user} – {self.diskussion}"


class ThemenfeldAbonnement(models.Model):
    """A member follows every Diskussion in a Themenfeld."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="themenfeldabonnements")
    themenfeld = models.ForeignKey("netzwerk_site.Themenfeld", on_delete=models.CASCADE, related_name="abonnements")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "themenfeld"], name="themenfeldabonnement_eindeutig")]
        verbose_name = _("Themenfeld-Abonnement")
        verbose_name_plural = _("Themenfeld-Abonnements")

    def __str__(self):
        return f"{self.user} – {self.themenfeld}"


class Benachrichtigungseinstellung(models.Model):
    """How often a member gets e-mail; members without a row get it immediately."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diskussionseinstellung"
    )
    haeufigkeit = models.CharField(
        _("E-Mail-Benachrichtigungen"), max_length=20, choices=Haeufigkeit.choices, default=Haeufigkeit.SOFORT
    )

    class Meta:
        verbose_name = _("Benachrichtigungseinstellung")
        verbose_name_plural = _("Benachrichtigungseinstellungen")

    def __str__(self):
        return f"{self.user}: {self.get_haeufigkeit_display()}"


class Benachrichtigung(models.Model):
    """One new Beitrag a member should hear about; versendet_am is set once it went out by e-mail."""

    empfaenger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diskussionsbenachrichtigungen"
    )
    beitrag = models.ForeignKey("diskussionen.Beitrag", on_delete=models.CASCADE, related_name="benachrichtigungen")
    grund = models.CharField(_("Grund"), max_length=20, choices=Grund.choices)
    created_at = models.DateTimeField(default=timezone.now)
    versendet_am = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["empfaenger", "beitrag"], name="benachrichtigung_eindeutig")]
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")

    def __str__(self):
        return f"{self.empfaenger} – {self.beitrag_id}"
