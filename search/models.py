"""The Glossar and the search index: one SuchDokument per findable item, one SuchWort per indexed word."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from search.choices import DokumentTyp, Sichtbarkeit


class Begriff(models.Model):
    """An abbreviation of the Kooperationsstrategie with its long form: search synonym and <abbr> title."""

    abkuerzung = models.CharField(
        _("Abkürzung"),
        max_length=30,
        unique=True,
        help_text=_("Geben Sie die Abkürzung so ein, wie sie im Text steht, zum Beispiel „BVJ-S“."),
    )
    langform = models.CharField(
        _("Langform"),
        max_length=300,
        help_text=_("Schreiben Sie die Abkürzung aus; dieser Text erscheint beim Überfahren der Abkürzung."),
    )
    synonyme = models.TextField(
        _("Synonyme"),
        blank=True,
        help_text=_("Tragen Sie weitere Bezeichnungen ein, die die Suche gleich behandeln soll, eine pro Zeile."),
    )

    panels = [FieldPanel("abkuerzung"), FieldPanel("langform"), FieldPanel("synonyme")]

    class Meta:
        ordering = ["abkuerzung"]
        db_table = "suche_begriff"
        verbose_name = _("Glossarbegriff")
        verbose_name_plural = _("Glossar")

    def __str__(self):
        return f"{self.abkuerzung} – {self.langform}"

    @property
    def synonym_list(self):
        return [line.strip() for line in self.synonyme.splitlines() if line.strip()]


class SuchDokument(models.Model):
    """One findable item as the search sees it; the analysed *_terms feed the full-text index."""

    key = models.CharField(_("Schlüssel"), max_length=100, unique=True)
    typ = models.CharField(_("Typ"), max_length=20, choices=DokumentTyp.choices)
    title = models.CharField(_("Titel"), max_length=255)
    text = models.TextField(_("Text"), blank=True)
    url = models.CharField(_("Adresse"), max_length=500)
    themenfelder = models.CharField(_("Themenfelder"), max_length=500, blank=True)
    kommunen = models.TextField(_("Kommunen"), blank=True)
    meta = models.TextField(_("Einordnung"), blank=True)
    sichtbarkeit = models.CharField(
        _("Sichtbarkeit"), max_length=20, choices=Sichtbarkeit.choices, default=Sichtbarkeit.OEFFENTLICH
    )
    datum = models.DateField(_("Datum"), null=True, blank=True)
    title_terms = models.TextField(_("Titel (analysiert)"), blank=True)
    text_terms = models.TextField(_("Text (analysiert)"), blank=True)
    meta_terms = models.TextField(_("Einordnung (analysiert)"), blank=True)
    woerter = models.TextField(_("Wörter"), blank=True)
    geaendert_am = models.DateTimeField(_("Geändert am"), auto_now=True)

    # Derived from content (or an operations record): never what visitors see on its own.
    changes_public_pages = False

    class Meta:
        ordering = ["key"]
        db_table = "suche_suchdokument"
        indexes = [models.Index(fields=["sichtbarkeit", "typ"], name="suche_sichtbarkeit_typ")]
        verbose_name = _("Suchdokument")
        verbose_name_plural = _("Suchdokumente")

    def __str__(self):
        return self.title

    @property
    def themenfeld_slugs(self):
        return self.themenfelder.split()

    @property
    def kommune_slugs(self):
        return self.kommunen.split()


class SuchWort(models.Model):
    """An indexed word with its document counts: dictionary for decompounding, vocabulary for typos."""

    wort = models.CharField(_("Wort"), max_length=100, unique=True)
    anzeige = models.CharField(_("Schreibweise"), max_length=100)
    stamm = models.CharField(_("Stamm"), max_length=100, db_index=True)
    anzahl_oeffentlich = models.PositiveIntegerField(_("Öffentliche Dokumente"), default=0)
    anzahl_gesamt = models.PositiveIntegerField(_("Alle Dokumente"), default=0)

    # Derived from content (or an operations record): never what visitors see on its own.
    changes_public_pages = False

    class Meta:
        ordering = ["wort"]
        db_table = "suche_suchwort"
        verbose_name = _("Suchwort")
        verbose_name_plural = _("Suchwörter")

    def __str__(self):
        return self.wort
