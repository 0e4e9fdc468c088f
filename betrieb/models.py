"""The audit log: security-relevant events with who, what, whom, when and from where."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from betrieb.choices import AuditAktion


class AuditEintrag(models.Model):
    """One security-relevant event; written by betrieb/signal_handlers.py, never edited.

    Names, attempted usernames and IP addresses are personal data (GDPR Art. 4(1)), kept for the
    security of the portal (Art. 6(1)(f), Art. 32). `manage.py audit_bereinigen` deletes every entry
    older than AUDIT_AUFBEWAHRUNG_TAGE days, IP address included (Art. 5(1)(e), storage limitation).
    """

    created_at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    aktion = models.CharField(_("Aktion"), max_length=40, choices=AuditAktion.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Durchgeführt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(
        _("Handelnde Person"),
        max_length=150,
        blank=True,
        help_text=_("Der Benutzername zum Zeitpunkt des Ereignisses; leer, wenn niemand angemeldet war."),
    )
    target = models.CharField(_("Betrifft"), max_length=255, blank=True)
    details = models.JSONField(_("Einzelheiten"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(
        _("IP-Adresse"),
        null=True,
        blank=True,
        help_text=_("Die Adresse wird mit dem Eintrag gelöscht, sobald die Aufbewahrungsfrist abgelaufen ist."),
    )

    # Derived from content (or an operations record): never what visitors or members see on its own.
    changes_public_pages = False
    changes_member_pages = False

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["created_at"], name="betrieb_audit_zeitpunkt"),
            models.Index(fields=["aktion", "created_at"], name="betrieb_audit_aktion"),
        ]
        verbose_name = _("Audit-Eintrag")
        verbose_name_plural = _("Audit-Protokoll")

    def __str__(self):
        return f"{timezone.localtime(self.created_at):%d.%m.%Y %H:%M} {self.get_aktion_display()} {self.target}".strip()

    def get_created_at_display(self):
        # Wagtail's inspect view shows datetimes in UTC; people here read local time.
        return date_format(timezone.localtime(self.created_at), "DATETIME_FORMAT")

    def get_details_display(self):
        """The details as "Schlüssel: Wert" pairs for the admin."""
        return "; ".join(f"{DETAIL_LABELS.get(key, key)}: {_as_text(value)}" for key, value in self.details.items())

    def get_actor_display(self):
        return str(self.actor) if self.actor else "–"

    def get_ip_address_display(self):
        return self.ip_address or "–"


DETAIL_LABELS = {
    "hinzugefuegt": _("hinzugefügt"),
    "entfernt": _("entfernt"),
    "benutzername": _("Benutzername"),
    "seite": _("Seite"),
    "sammlung": _("Sammlung"),
    "neu_angelegt": _("neu angelegt"),
    "is_active": _("aktiv"),
    "is_staff": _("Mitarbeiter-Status"),
    "is_superuser": _("Administrator-Status"),
    "aktion": _("Aktion"),
    "moderationsprotokoll": _("Moderationsprotokoll-Eintrag"),
    "diskussion": _("Diskussion"),
    "beitrag": _("Beitrag"),
}


def _as_text(value):
    if isinstance(value, list):
        return ", ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{DETAIL_LABELS.get(key, key)} {_as_text(item)}" for key, item in value.items())
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(_("ja") if value else _("nein"))
    return str(value)


class Seitenstand(models.Model):
    """One row: numbers that grow with every content change, so cached pages of all processes expire at once."""

    generation = models.PositiveBigIntegerField(_("Stand"), default=0)
    # Raised by every change, also of what only members see (betrieb.page_cache, members' entries).
    mitglieder_generation = models.PositiveBigIntegerField(_("Stand für Mitglieder"), default=0)
    # Raising the numbers must not itself count as a change of what visitors or members see.
    changes_public_pages = False
    changes_member_pages = False

    class Meta:
        verbose_name = _("Seitenstand")
        verbose_name_plural = _("Seitenstände")

    def __str__(self):
        return str(self.generation)
