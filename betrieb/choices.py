from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAktion(models.TextChoices):
    """What the audit log records: sign-ins, changes of rights and account status, moderation."""

    ANMELDUNG = "anmeldung", _("Anmeldung")
    ANMELDUNG_FEHLGESCHLAGEN = "anmeldung_fehlgeschlagen", _("Anmeldung fehlgeschlagen")
    ABMELDUNG = "abmeldung", _("Abmeldung")
    GESPERRT = "gesperrt", _("Anmeldung gesperrt")
    GRUPPEN_GEAENDERT = "gruppen_geaendert", _("Gruppen geändert")
    RECHTE_GEAENDERT = "rechte_geaendert", _("Rechte geändert")
    STATUS_GEAENDERT = "status_geaendert", _("Kontostatus geändert")
    SEITENRECHTE_GEAENDERT = "seitenrechte_geaendert", _("Seitenrechte geändert")
    SAMMLUNGSRECHTE_GEAENDERT = "sammlungsrechte_geaendert", _("Sammlungsrechte geändert")
    MODERATION = "moderation", _("Moderation")
