from django.db import models
from django.utils.translation import gettext_lazy as _


class DokumentTyp(models.TextChoices):
    PRAXISBEISPIEL = "praxisbeispiel", _("Praxisbeispiel")
    HANDLUNGSFELD = "handlungsfeld", _("Handlungsfeld")
    THEMENFELD = "themenfeld", _("Themenfeld")
    SEITE = "seite", _("Seite")
    VERANSTALTUNG = "veranstaltung", _("Veranstaltung")
    DISKUSSION = "diskussion", _("Diskussion")


class Sichtbarkeit(models.TextChoices):
    OEFFENTLICH = "oeffentlich", _("Öffentlich")
    MITGLIEDER = "mitglieder", _("Nur für Mitglieder")
