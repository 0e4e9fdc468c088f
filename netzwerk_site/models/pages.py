"""Page types of the portal's frame: home, Themenfelder with their Handlungsfelder, strategy."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from netzwerk_site import sections
from netzwerk_site.blocks import PunktBlock, body_blocks
from netzwerk_site.choices import Ebene, Umsetzungsstand
from netzwerk_site.visibility import public_pages

RICHTEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(Page):
    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Stellen Sie das Netzwerk in zwei bis drei Sätzen vor."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sections of Praxisbeispiele, Veranstaltungen and Diskussionen come from their apps (sections.py).
        context["themenfeld_pages"] = (
            public_pages(ThemenfeldPage.objects.live()).select_related("themenfeld").order_by("themenfeld__order")
        )
        return context


class ThemenfeldIndexPage(Page):
    intro = RichTextField(_("Einleitung"), blank=True, features=RICHTEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["netzwerk_site.HomePage"]
    subpage_types = ["netzwerk_site.ThemenfeldPage"]
    # The same for every member of a class but the {% persoenlich %} parts (betrieb.page_cache).
    members_cacheable = True
    max_count = 1

    class Meta:
        verbose_name = _("Übersicht Themenfelder")
        verbose_name_plural = _("Übersichten Themenfelder")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themenfeld_pages"] = (
            public_pages(ThemenfeldPage.objects.child_of(self).live())
            .select_related("themenfeld")
            .order_by("themenfeld__order")
        )
        return context


class ThemenfeldPage(Page):
    """Workshop documentation of one Themenfeld: intro, Handlungsfelder, Praxisbeispiele."""

    themenfeld = models.OneToOneField(
        "netzwerk_site.Themenfeld",
        verbose_name=_("Themenfeld"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Fassen Sie zusammen, was der Workshop zu diesem Themenfeld erarbeitet hat."),
    )
    body = StreamField(body_blocks(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("themenfeld"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("themenfeld", [index.SearchField("description")]),
        index.FilterField("themenfeld"),
    ]
    api_fields = [APIField("themenfeld"), APIField("intro"), APIField("body")]
    parent_page_types = ["netzwerk_site.ThemenfeldIndexPage"]
    subpage_types = ["netzwerk_site.HandlungsfeldPage"]
    # The same for every member of a class but the {% persoenlich %} parts (betrieb.page_cache).
    members_cacheable = True

    class Meta:
        verbose_name = _("Themenfeld-Seite")
        verbose_name_plural = _("Themenfeld-Seiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        handlungsfelder = list(public_pages(HandlungsfeldPage.objects.child_of(self).live()).order_by("path"))
        _attach_sections(request, handlungsfelder)
        context["handlungsfelder"] = handlungsfelder
        return context


class HandlungsfeldPage(Page):
    """One result of the Auftaktdialog: situation, agreement, responsibility, progress."""

    themenfeld = models.ForeignKey(
        "netzwerk_site.Themenfeld",
        verbose_name=_("Themenfeld"),
        on_delete=models.PROTECT,
        related_name="handlungsfelder",
        editable=False,
    )
    situation = RichTextField(
        _("Ausgangslage"),
        features=RICHTEXT_FEATURES,
        help_text=_("Beschreiben Sie die Ausgangslage, wie sie im Auftaktdialog dargestellt wurde."),
    )
    zusammenwirken = models.CharField(
        _("Felder und Formen des Zusammenwirkens"),
        max_length=500,
        help_text=_("Nennen Sie in einem Satz, worin Land und Kommunen zusammenwirken."),
    )
    vereinbarung = RichTextField(
        _("Vereinbarung"),
        features=RICHTEXT_FEATURES,
        help_text=_("Geben Sie wieder, was Land und Kommunen vereinbart haben."),
    )
    ebene = models.CharField(_("Zuständige Ebene"), max_length=20, choices=Ebene.choices)
    umsetzungsstand = models.CharField(
        _("Umsetzungsstand"),
        max_length=20,
        choices=Umsetzungsstand.choices,
        default=Umsetzungsstand.VEREINBART,
        help_text=_("Halten Sie den Stand aktuell; jede veröffentlichte Änderung erscheint im Verlauf."),
    )
    organisationen = ParentalManyToManyField(
        "netzwerk_site.Organisation",
        verbose_name=_("Beteiligte Organisationen"),
        blank=True,
        related_name="handlungsfelder",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("situation"),
        FieldPanel("zusammenwirken"),
        FieldPanel("vereinbarung"),
        MultiFieldPanel(
            [FieldPanel("ebene"), FieldPanel("umsetzungsstand"), FieldPanel("organisationen")],
            heading=_("Zuständigkeit und Stand"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("situation"),
        index.SearchField("zusammenwirken"),
        index.SearchField("vereinbarung"),
        index.FilterField("themenfeld"),
        index.FilterField("umsetzungsstand"),
        index.FilterField("ebene"),
    ]
    api_fields = [
        APIField("themenfeld"),
        APIField("situation"),
        APIField("zusammenwirken"),
        APIField("vereinbarung"),
        APIField("ebene"),
        APIField("umsetzungsstand"),
    ]
    parent_page_types = ["netzwerk_site.ThemenfeldPage"]
    subpage_types = []
    # The same for every member of a class but the {% persoenlich %} parts (betrieb.page_cache).
    members_cacheable = True

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")

    def save(self, *args, **kwargs):
        # The Themenfeld follows the tree, so filters need no path arithmetic.
        parent = self.get_parent() if self.path else None
        if parent is not None and hasattr(parent.specific, "themenfeld_id"):
            self.themenfeld_id = parent.specific.themenfeld_id
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["verlauf"] = self.umsetzungsstand_verlauf.all()
        context["themenfeld_page"] = self.get_parent()
        _attach_sections(request, [self])
        return context


def _attach_sections(request, handlungsfelder):
    """What the feature apps link from each Handlungsfeld, as handlungsfeld.sections (one query per app)."""
    found = sections.collect_each("handlungsfeld", request, handlungsfelder)
    for handlungsfeld in handlungsfelder:
        handlungsfeld.sections = found[handlungsfeld.pk]


class UmsetzungsstandAenderung(models.Model):
    """One published change of a Handlungsfeld's Umsetzungsstand."""

    handlungsfeld = models.ForeignKey(
        HandlungsfeldPage,
        verbose_name=_("Handlungsfeld"),
        on_delete=models.CASCADE,
        related_name="umsetzungsstand_verlauf",
    )
    umsetzungsstand = models.CharField(_("Umsetzungsstand"), max_length=20, choices=Umsetzungsstand.choices)
    changed_at = models.DateTimeField(_("Geändert am"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Geändert von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_by_name = models.CharField(_("Geändert von (Name)"), max_length=200, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("Änderung des Umsetzungsstands")
        verbose_name_plural = _("Änderungen des Umsetzungsstands")

    def __str__(self):
        return f"{self.handlungsfeld}: {self.get_umsetzungsstand_display()}"


class KooperationsstrategiePage(Page):
    """The Kooperationsstrategie: background, with Grundverständnis and Eckpunkte below."""

    intro = RichTextField(_("Einleitung"), blank=True, features=RICHTEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["netzwerk_site.HomePage"]
    subpage_types = ["netzwerk_site.StrategieabschnittPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Kooperationsstrategie")
        verbose_name_plural = _("Kooperationsstrategien")


class StrategieabschnittPage(Page):
    """Numbered points of the strategy: the Grundverständnis (6) or the Eckpunkte (4)."""

    intro = RichTextField(_("Einleitung"), blank=True, features=RICHTEXT_FEATURES)
    punkte = StreamField([("punkt", PunktBlock())], verbose_name=_("Punkte"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("punkte")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("punkte")]
    api_fields = [APIField("intro"), APIField("punkte")]
    parent_page_types = ["netzwerk_site.KooperationsstrategiePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Abschnitt der Kooperationsstrategie")
        verbose_name_plural = _("Abschnitte der Kooperationsstrategie")


class InhaltsPage(Page):
    """A plain content page: Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit, Leichte Sprache."""

    intro = RichTextField(_("Einleitung"), blank=True, features=RICHTEXT_FEATURES)
    body = StreamField(body_blocks(), verbose_name=_("Inhalt"), blank=True)
    stand = models.DateField(
        _("Stand"), null=True, blank=True, help_text=_("Tragen Sie ein, wann der Inhalt zuletzt geprüft wurde.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("stand")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body"), APIField("stand")]
    parent_page_types = ["netzwerk_site.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
