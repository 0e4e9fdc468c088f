from django.db import models
from django.utils.translation import gettext_lazy as _


class Art(models.TextChoices):
    NETZWERKTREFFEN = "netzwerktreffen", _("Netzwerktreffen")
    WORKSHOP = "workshop", _("Workshop/Dialogforum")
    FACHTAG = "fachtag", _("Fachtag")
    VERNETZUNGSTREFFEN = "vernetzungstreffen", _("Vernetzungstreffen")
    RUNDER_TISCH = "runder-tisch", _("Runder Tisch")
    ONLINE_SPRECHSTUNDE = "online-sprechstunde", _("Online-Sprechstunde")


class Sichtbarkeit(models.TextChoices):
    OEFFENTLICH = "oeffentlich", _("Öffentlich")
    NETZWERK = "netzwerk", _("Nur Netzwerk")


class Status(models.TextChoices):
    GEPLANT = "geplant", _("Geplant")
    VERSCHOBEN = "verschoben", _("Verschoben")
    ABGESAGT = "abgesagt", _("Abgesagt")


class Wiederholung(models.TextChoices):
    KEINE = "", _("Keine Wiederholung")
    WOECHENTLICH = "woechentlich", _("Wöchentlich")
    MONATLICH_WOCHENTAG = "monatlich-wochentag", _("Monatlich am selben Wochentag (z. B. jeden ersten Dienstag)")
    MONATLICH_DATUM = "monatlich-datum", _("Monatlich am selben Tag")
    HALBJAEHRLICH = "halbjaehrlich", _("Halbjährlich")
    JAEHRLICH = "jaehrlich", _("Jährlich")


class AusnahmeArt(models.TextChoices):
    ENTFAELLT = "entfaellt", _("Entfällt (ohne Hinweis aus dem Kalender nehmen)")
    ABGESAGT = "abgesagt", _("Abgesagt (als abgesagt anzeigen)")
    VERSCHOBEN = "verschoben", _("Verschoben")


class AnmeldungStatus(models.TextChoices):
    BESTAETIGT = "bestaetigt", _("Bestätigt")
    WARTELISTE = "warteliste", _("Warteliste")


class Ansicht(models.TextChoices):
    LISTE = "liste", _("Liste")
    MONAT = "monat", _("Monat")
