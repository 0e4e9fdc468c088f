import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from konto.choices import Benachrichtigungsart
from konto.roles import Rolle


class User(AbstractUser):
    """A network member; belongs to a Kommune or to an Organisation."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    kommune = models.ForeignKey(
        "netzwerk_site.Kommune",
        verbose_name=_("Kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mitglieder",
    )
    organisation = models.ForeignKey(
        "netzwerk_site.Organisation",
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mitglieder",
    )

    class Meta:
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def zugehoerigkeit(self):
        """The Kommune or Organisation the member speaks for."""
        return self.kommune or self.organisation


def hash_token(raw_token):
    return hashlib.sha256(raw_token.encode()).hexdigest()


class EinladungQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class Einladung(models.Model):
    """A one-time, expiring invitation for a new member; only the token's hash is stored."""

    email = models.EmailField(_("E-Mail-Adresse"))
    first_name = models.CharField(_("Vorname"), max_length=150, blank=True)
    last_name = models.CharField(_("Nachname"), max_length=150, blank=True)
    rolle = models.CharField(_("Rolle"), max_length=30, choices=Rolle.choices)
    kommune = models.ForeignKey(
        "netzwerk_site.Kommune", verbose_name=_("Kommune"), null=True, blank=True, on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "netzwerk_site.Organisation",
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("Erstellt am"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Eingeladen von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("Gültig bis"))
    used_at = models.DateTimeField(_("Eingelöst am"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Angelegtes Konto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EinladungQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")

    def __str__(self):
        return self.email


class Benachrichtigung(models.Model):
    """Something a member should know, shown on /konto/benachrichtigungen/ whether or not it was also mailed.

    schluessel names the event (e.g. "frage-17-erinnerung"): a member gets at most one row per schluessel, so a
    periodic command that records the same reminder twice notifies once.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Mitglied"),
        on_delete=models.CASCADE,
        related_name="benachrichtigungen",
    )
    art = models.CharField(_("Art"), max_length=40, choices=Benachrichtigungsart.choices)
    betreff = models.CharField(_("Betreff"), max_length=200)
    text = models.TextField(_("Text"), blank=True)
    url = models.CharField(_("Adresse"), max_length=500, blank=True)
    grund = models.CharField(_("Grund"), max_length=300, blank=True)
    erstellt_am = models.DateTimeField(_("Erstellt am"), default=timezone.now)
    gelesen_am = models.DateTimeField(_("Gelesen am"), null=True, blank=True)
    schluessel = models.CharField(_("Schlüssel"), max_length=200, blank=True)

    class Meta:
        ordering = ["-erstellt_am", "-pk"]
        indexes = [models.Index(fields=["user", "gelesen_am"], name="benachrichtigung_ungelesen")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "schluessel"],
                condition=~models.Q(schluessel=""),
                name="benachrichtigung_schluessel_eindeutig",
            )
        ]
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")

    def __str__(self):
        return f"{self.user} – {self.betreff}"

    @property
    def ist_gelesen(self):
        return self.gelesen_am is not None


class Mailabwahl(models.Model):
    """The member wants no e-mail of this Art; the Benachrichtigung in the portal is recorded all the same."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Mitglied"),
        on_delete=models.CASCADE,
        related_name="mailabwahlen",
    )
    art = models.CharField(_("Art"), max_length=40, choices=Benachrichtigungsart.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "art"], name="mailabwahl_eindeutig")]
        verbose_name = _("Abgewählte E-Mail-Benachrichtigung")
        verbose_name_plural = _("Abgewählte E-Mail-Benachrichtigungen")

    def __str__(self):
        return f"{self.user}: {self.get_art_display()}"
