"""Choices of the discussion forum."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stand(models.TextChoices):
    """The state of a Diskussion, as the list filter offers it."""

    OFFEN = "offen", _("offen")
    BEANTWORTET = "beantwortet", _("beantwortet")
    ERLEDIGT = "erledigt", _("erledigt")


class Haeufigkeit(models.TextChoices):
    """How often a member wants e-mail about followed Diskussionen."""

    SOFORT = "sofort", _("Sofort bei jedem neuen Beitrag")
    TAEGLICH = "taeglich", _("Einmal täglich als Zusammenfassung")
    NIE = "nie", _("Keine E-Mails (Erwähnungen ausgenommen)")


class Grund(models.TextChoices):
    """Why a member is told about a Beitrag."""

    ABONNEMENT = "abonnement", _("Sie folgen dieser Diskussion.")
    THEMENFELD = "themenfeld", _("Sie folgen diesem Themenfeld.")
    ERWAEHNUNG = "erwaehnung", _("Sie wurden erwähnt.")


class Aktion(models.TextChoices):
    """What the Redaktion did; every action lands in the Moderationsprotokoll."""

    VERBORGEN = "verborgen", _("Beitrag verborgen")
    WIEDERHERGESTELLT = "wiederhergestellt", _("Beitrag wiederhergestellt")
    GESPERRT = "gesperrt", _("Diskussion gesperrt")
    ENTSPERRT = "entsperrt", _("Diskussion entsperrt")
    ZUGEWIESEN = "zugewiesen", _("Frage an das Land zugewiesen")
    MELDUNG_ABGELEHNT = "meldung_abgelehnt", _("Meldung ohne Maßnahme geschlossen")
