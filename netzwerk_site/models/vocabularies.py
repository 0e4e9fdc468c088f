"""Vocabularies that every app filters by: Themenfeld, Kommune, Organisation, Zielgruppe."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netzwerk_site.choices import KommuneArt, OrganisationArt


class Themenfeld(models.Model):
    """One of the five Themenfelder of the Auftaktdialog."""

    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    title = models.CharField(_("Titel"), max_length=120, unique=True)
    description = models.TextField(
        _("Beschreibung"),
        help_text=_("Beschreiben Sie in wenigen Sätzen, worum es in diesem Themenfeld geht."),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("Themenfeld")
        verbose_name_plural = _("Themenfelder")

    def __str__(self):
        return self.title


class Kommune(models.Model):
    """A Landkreis, a kreisfreie Stadt, or a municipality within a Landkreis."""

    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    art = models.CharField(_("Art"), max_length=20, choices=KommuneArt.choices)
    landkreis = models.ForeignKey(
        "self",
        verbose_name=_("Landkreis"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gemeinden",
        limit_choices_to={"art": KommuneArt.LANDKREIS},
        help_text=_("Wählen Sie für Verbandsgemeinden, Städte und Gemeinden ihren Landkreis."),
    )

    class Meta:
        ordering = ["name", "art"]
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("kommune_detail", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        if self.art == KommuneArt.LANDKREIS:
            return f"Landkreis {self.name}" if "kreis" not in self.name.lower() else self.name
        if self.art == KommuneArt.KREISFREIE_STADT:
            return f"Stadt {self.name}"
        if self.art == KommuneArt.VERBANDSGEMEINDE:
            return f"Verbandsgemeinde {self.name}"
        return self.name

    @property
    def is_kreisebene(self):
        """True for the 36 Landkreise and kreisfreie Städte."""
        return self.art in (KommuneArt.LANDKREIS, KommuneArt.KREISFREIE_STADT)


class Organisation(models.Model):
    """A Land actor, Landesprojekt, federal body, association or Träger."""

    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(
        _("Abkürzung"),
        max_length=30,
        blank=True,
        help_text=_("Geben Sie die gebräuchliche Abkürzung an, zum Beispiel „ADD“."),
    )
    art = models.CharField(_("Art"), max_length=20, choices=OrganisationArt.choices)
    website = models.URLField(_("Website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    @property
    def is_land(self):
        return self.art in (
            OrganisationArt.MINISTERIUM,
            OrganisationArt.LANDESBEHOERDE,
            OrganisationArt.LANDESPROJEKT,
        )


class Zielgruppe(models.Model):
    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self):
        return self.name
