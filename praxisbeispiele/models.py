from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import GroupApprovalTask, Page, PageManager
from wagtail.search import index

from netzwerk_site.auswahl import declare, load, narrow, parse
from netzwerk_site.blocks import body_blocks
from praxisbeispiele import export, facets, pruefung
from praxisbeispiele.choices import Foerderart, PraxisEbene, UebernahmeStand
from praxisbeispiele.feeds import NeuePraxisbeispieleFeed
from praxisbeispiele.forms import PruefungskommentarForm
from praxisbeispiele.permissions import may_record_uebernahme
from praxisbeispiele.queries import PraxisbeispielQuerySet
from veranstaltungen.models import VeranstaltungPage


class Foerderung(models.Model):
    """A source of funding; one row per Foerderart so that it can be filtered and counted."""

    slug = models.CharField(_("Art"), max_length=20, choices=Foerderart.choices, unique=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Förderung")
        verbose_name_plural = _("Förderungen")

    def __str__(self):
        return self.get_slug_display()


class PraxisbeispielIndexPage(RoutablePageMixin, Page):
    """/praxisbeispiele/: the filterable library, its exports and its Atom feed."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["netzwerk_site.HomePage"]
    subpage_types = ["praxisbeispiele.PraxisbeispielPage"]
    # The same for every member of a class but the {% persoenlich %} parts (betrieb.page_cache).
    members_cacheable = True
    max_count = 1

    class Meta:
        verbose_name = _("Praxisbeispiel-Bibliothek")
        verbose_name_plural = _("Praxisbeispiel-Bibliotheken")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        auswahl, options = load(parse(request.GET, facets.SPEC), facets.FACETS)
        freitext = facets.freitext(auswahl, request.user)
        library = PraxisbeispielPage.objects.library(auswahl, freitext)
        context.update(facets.page_context(library, auswahl, options, request.GET, freitext, request=request))
        return context

    # Wagtail resolves routes with a trailing slash added; file names are linked without one.
    @re_path(r"^export\.csv/?$", name="export_csv")
    def export_csv(self, request):
        return export.csv_response(request, self.exported(request))

    @re_path(r"^export\.json/?$", name="export_json")
    def export_json(self, request):
        return export.json_response(request, self.exported(request))

    @re_path(r"^feed\.atom/?$", name="feed")
    def feed(self, request):
        return NeuePraxisbeispieleFeed(PraxisbeispielPage.objects.published().for_cards())(request)

    def exported(self, request):
        """The whole library under the URL's selection, with every relation the exports write."""
        auswahl, _options = load(parse(request.GET, facets.SPEC), facets.FACETS)
        library = PraxisbeispielPage.objects.library(auswahl, facets.freitext(auswahl, request.user))
        return narrow(library, auswahl, facets.FACETS).for_export()


class PraxisbeispielPage(Page):
    """An example of good practice from a Kommune or the Land."""

    summary = models.TextField(
        _("Zusammenfassung"),
        max_length=600,
        help_text=_("Fassen Sie das Beispiel in ein bis zwei Sätzen zusammen."),
    )
    body = StreamField(body_blocks(), verbose_name=_("Beschreibung"), blank=True)
    leichte_sprache = models.TextField(
        _("Zusammenfassung in Leichter Sprache"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Optional. Kurze Sätze, eine Aussage pro Satz, Fachwörter erklärt. "
            "Leser können auf diese Fassung umschalten."
        ),
    )
    themenfelder = ParentalManyToManyField(
        "netzwerk_site.Themenfeld", verbose_name=_("Themenfelder"), related_name="praxisbeispiele"
    )
    kommunen = ParentalManyToManyField(
        "netzwerk_site.Kommune",
        verbose_name=_("Kommunen"),
        blank=True,
        related_name="praxisbeispiele",
        help_text=_("Lassen Sie das Feld leer, wenn das Beispiel landesweit gilt."),
    )
    traeger = models.ForeignKey(
        "netzwerk_site.Organisation",
        verbose_name=_("Träger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="praxisbeispiele",
    )
    traeger_name = models.CharField(
        _("Träger (Freitext)"),
        max_length=200,
        blank=True,
        help_text=_("Nennen Sie den Träger hier, wenn er nicht als Organisation erfasst ist."),
    )
    ebene = models.CharField(_("Ebene"), max_length=20, choices=PraxisEbene.choices)
    zielgruppen = ParentalManyToManyField(
        "netzwerk_site.Zielgruppe", verbose_name=_("Zielgruppen"), blank=True, related_name="praxisbeispiele"
    )
    foerderungen = ParentalManyToManyField(
        Foerderung, verbose_name=_("Förderung"), blank=True, related_name="praxisbeispiele"
    )
    alter_von = models.PositiveSmallIntegerField(_("Alter von"), null=True, blank=True)
    alter_bis = models.PositiveSmallIntegerField(_("Alter bis"), null=True, blank=True)
    website = models.URLField(_("Website"), blank=True)
    handlungsfelder = ParentalManyToManyField(
        "netzwerk_site.HandlungsfeldPage",
        verbose_name=_("Handlungsfelder"),
        blank=True,
        related_name="praxisbeispiele",
    )
    zuletzt_geprueft = models.DateField(
        _("Zuletzt geprüft"),
        null=True,
        blank=True,
        help_text=_("Tragen Sie ein, wann die Redaktion die Angaben zuletzt geprüft hat."),
    )
    # Public contact points: organisations, never persons, so everyone may see them.
    kontaktstellen = ParentalManyToManyField(
        "netzwerk_site.Organisation",
        verbose_name=_("Kontaktstellen"),
        blank=True,
        related_name="praxisbeispiele_als_kontaktstelle",
        help_text=_(
            "Wählen Sie die Organisationen, an die sich Interessierte wenden können. Personen tragen Sie unter "
            "„Ansprechperson“ ein."
        ),
    )
    # Contact person: shown to network members only, and only with recorded consent.
    kontakt_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    kontakt_funktion = models.CharField(_("Funktion"), max_length=200, blank=True)
    kontakt_email = models.EmailField(_("E-Mail"), blank=True)
    kontakt_telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    kontakt_einwilligung_am = models.DateTimeField(
        _("Einwilligung erteilt am"),
        null=True,
        blank=True,
        help_text=_("Die Ansprechperson erscheint nur, wenn ihre Einwilligung mit Datum erfasst ist."),
    )
    kontakt_einwilligung_von = models.CharField(
        _("Einwilligung erteilt von"),
        max_length=200,
        blank=True,
        help_text=_("Nennen Sie, wer die Einwilligung erteilt und wer sie erfasst hat."),
    )
    eingereicht_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Eingereicht von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eingereichte_praxisbeispiele",
    )
    # Kept by praxisbeispiele.uebernahmen.zaehlen on every Uebernahme created or deleted, so the library
    # sorts by it from an index instead of counting per row.
    uebernahmen_anzahl = models.PositiveIntegerField(_("Übernahmen"), default=0, editable=False)

    objects = PageManager.from_queryset(PraxisbeispielQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("leichte_sprache"),
        MultiFieldPanel(
            [
                FieldPanel("themenfelder"),
                FieldPanel("handlungsfelder"),
                FieldPanel("kommunen"),
                FieldPanel("zielgruppen"),
                FieldRowPanel([FieldPanel("alter_von"), FieldPanel("alter_bis")]),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("traeger"),
                FieldPanel("traeger_name"),
                FieldPanel("ebene"),
                FieldPanel("foerderungen"),
                FieldPanel("website"),
                FieldPanel("zuletzt_geprueft"),
            ],
            heading=_("Fakten"),
        ),
        FieldPanel("kontaktstellen"),
        MultiFieldPanel(
            [
                FieldPanel("kontakt_name"),
                FieldPanel("kontakt_funktion"),
                FieldPanel("kontakt_email"),
                FieldPanel("kontakt_telefon"),
                FieldPanel("kontakt_einwilligung_am"),
                FieldPanel("kontakt_einwilligung_von"),
            ],
            heading=_("Ansprechperson (nur für Mitglieder sichtbar)"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("leichte_sprache"),
        index.SearchField("traeger_name"),
        index.RelatedFields("kommunen", [index.SearchField("name")]),
        index.RelatedFields("traeger", [index.SearchField("name"), index.SearchField("short_name")]),
        index.FilterField("ebene"),
    ]
    # Members-only fields (kontakt_*, eingereicht_von) are deliberately absent.
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("leichte_sprache"),
        APIField("themenfelder"),
        APIField("kommunen"),
        APIField("traeger"),
        APIField("traeger_name"),
        APIField("ebene"),
        APIField("zielgruppen"),
        APIField("foerderungen"),
        APIField("alter_von"),
        APIField("alter_bis"),
        APIField("website"),
        APIField("handlungsfelder"),
        APIField("zuletzt_geprueft"),
    ]
    parent_page_types = ["praxisbeispiele.PraxisbeispielIndexPage"]
    subpage_types = []
    # The same for every member of a class but the {% persoenlich %} parts (betrieb.page_cache).
    members_cacheable = True
    # Adoptions belong to the original; a copy starts with none.
    exclude_fields_in_copy = ["uebernahmen_anzahl"]

    class Meta:
        verbose_name = _("Praxisbeispiel")
        verbose_name_plural = _("Praxisbeispiele")
        indexes = [models.Index(fields=["uebernahmen_anzahl"], name="praxisbeispiel_uebernahmen")]

    def get_context(self, request, *args, **kwargs):
        from praxisbeispiele.uebernahmen import UebernahmeForm, uebernahmen_of

        context = super().get_context(request, *args, **kwargs)
        context["kontaktstellen"] = list(self.kontaktstellen.all())
        uebernahmen = list(uebernahmen_of(self))
        context["uebernahmen"] = uebernahmen
        context["aehnliche"] = PraxisbeispielPage.objects.similar_to(self, request=request)
        veranstaltungen = VeranstaltungPage.objects.visible_to(request.user).filter(praxisbeispiele=self)
        context["veranstaltungen"] = veranstaltungen.order_by("-start_date")
        declare("fassung")
        context["leichte_fassung"] = bool(self.leichte_sprache) and request.GET.get("fassung") == "leicht"
        if may_record_uebernahme(request.user, self):
            own = next((u for u in uebernahmen if u.kommune_id == request.user.kommune_id), None)
            context["uebernahme_form"] = kwargs.get("uebernahme_form") or UebernahmeForm(instance=own)
            context["eigene_uebernahme"] = own
        return context

    @property
    def has_kontakt(self):
        """True if a contact person may be shown to members: named and consent recorded."""
        return bool(self.kontakt_name and self.kontakt_einwilligung_am)

    @property
    def traeger_label(self):
        return str(self.traeger) if self.traeger_id else self.traeger_name

    def is_review_due(self, today=None):
        """True if the last review, or the first publication if never reviewed, is more than 12 months old."""
        return pruefung.is_review_due(self.zuletzt_geprueft, self.first_published_at, today)


class Uebernahme(models.Model):
    """A Kommune records that it has taken up a Praxisbeispiel ("Übernommen in")."""

    praxisbeispiel = models.ForeignKey(
        PraxisbeispielPage, verbose_name=_("Praxisbeispiel"), on_delete=models.CASCADE, related_name="uebernahmen"
    )
    kommune = models.ForeignKey(
        "netzwerk_site.Kommune", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="uebernahmen"
    )
    stand = models.CharField(_("Stand"), max_length=20, choices=UebernahmeStand.choices)
    notiz = models.CharField(
        _("Notiz"),
        max_length=500,
        blank=True,
        help_text=_("Beschreiben Sie kurz, was Ihre Kommune übernommen oder angepasst hat."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Erfasst von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="uebernahmen",
    )
    created_at = models.DateTimeField(_("Erfasst am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    class Meta:
        ordering = ["kommune__name"]
        constraints = [
            models.UniqueConstraint(fields=["praxisbeispiel", "kommune"], name="uebernahme_einmal_je_kommune")
        ]
        verbose_name = _("Übernahme")
        verbose_name_plural = _("Übernahmen")

    def __str__(self):
        return f"{self.praxisbeispiel} – {self.kommune}"


class RedaktionellePruefungTask(GroupApprovalTask):
    """Editorial review of a member submission: approve and publish, request changes, or reject for good."""

    class Meta:
        verbose_name = _("Redaktionelle Prüfung")
        verbose_name_plural = _("Redaktionelle Prüfungen")

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        # Wagtail's action names "approve" and "reject" keep its publishing and "needs changes" behaviour.
        return [
            ("approve", _("Freigeben"), True),
            ("reject", _("Änderungen anfordern"), True),
            ("ablehnen", _("Ablehnen"), True),
        ]

    def get_form_for_action(self, action):
        if action in ("reject", "ablehnen"):
            return PruefungskommentarForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        from praxisbeispiele.submission import reject_submission

        if action_name == "ablehnen":
            return reject_submission(task_state, user, **kwargs)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Die Redaktion gibt Einreichungen frei, fordert Änderungen an oder lehnt sie endgültig ab.")
