from django.db import models
from django.utils.translation import gettext_lazy as _


class PraxisEbene(models.TextChoices):
    """The level a Praxisbeispiel is run at."""

    KOMMUNAL = "kommunal", _("kommunal")
    LAND = "land", _("Land")


class Foerderart(models.TextChoices):
    LAND = "land", _("Land")
    KOMMUNE = "kommune", _("Kommune")
    BUND = "bund", _("Bund")
    ESF_PLUS = "esf_plus", _("ESF+")
    EU = "eu", _("EU")
    STIFTUNG = "stiftung", _("Stiftung")
    BUNDESAGENTUR = "bundesagentur", _("Bundesagentur für Arbeit")
    SONSTIGE = "sonstige", _("Sonstige")


class UebernahmeStand(models.TextChoices):
    """How far a Kommune has got with taking up a Praxisbeispiel."""

    GEPLANT = "geplant", _("geplant")
    IN_UMSETZUNG = "in_umsetzung", _("in Umsetzung")
    UMGESETZT = "umgesetzt", _("umgesetzt")


class Sortierung(models.TextChoices):
    RELEVANZ = "relevanz", _("Relevanz")
    NEUESTE = "neueste", _("Neueste zuerst")
    TITEL = "titel", _("Titel A–Z")
    UEBERNAHMEN = "uebernahmen", _("Meiste Übernahmen")
