from django.db import models
from django.utils.translation import gettext_lazy as _


class KommuneArt(models.TextChoices):
    LANDKREIS = "landkreis", _("Landkreis")
    KREISFREIE_STADT = "kreisfreie_stadt", _("Kreisfreie Stadt")
    VERBANDSGEMEINDE = "verbandsgemeinde", _("Verbandsgemeinde")
    STADT = "stadt", _("Kreisangehörige Stadt")
    GEMEINDE = "gemeinde", _("Gemeinde")


class OrganisationArt(models.TextChoices):
    MINISTERIUM = "ministerium", _("Ministerium")
    LANDESBEHOERDE = "landesbehoerde", _("Landesbehörde")
    LANDESPROJEKT = "landesprojekt", _("Landesprojekt")
    BUND = "bund", _("Bundesebene")
    VERBAND = "verband", _("Verband")
    TRAEGER = "traeger", _("Träger")
    SONSTIGE = "sonstige", _("Sonstige")


class Ebene(models.TextChoices):
    """Who is responsible for a Handlungsfeld."""

    LAND = "land", _("Land")
    KOMMUNEN = "kommunen", _("Kommunen")
    GEMEINSAM = "gemeinsam", _("Land und Kommunen gemeinsam")


class Umsetzungsstand(models.TextChoices):
    VEREINBART = "vereinbart", _("vereinbart")
    IN_PRUEFUNG = "in_pruefung", _("in Prüfung")
    IN_UMSETZUNG = "in_umsetzung", _("in Umsetzung")
    UMGESETZT = "umgesetzt", _("umgesetzt")
