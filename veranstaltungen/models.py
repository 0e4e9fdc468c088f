"""Veranstaltung pages, their exceptions, registrations and personal calendar access."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from konto.roles import is_member
from netzwerk_site.blocks import DokumentBlock, body_blocks
from netzwerk_site.visibility import public_pages
from veranstaltungen.choices import AnmeldungStatus, Art, AusnahmeArt, Sichtbarkeit, Status, Wiederholung
from veranstaltungen.ical import track_changes
from veranstaltungen.validation import validate_veranstaltung

RICHTEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]


def new_uid():
    """RFC 7986, 5.3: a random UUID as UID, independent of title, slug and dates."""
    return str(uuid.uuid4())


class VeranstaltungIndexPage(RoutablePageMixin, Page):
    """/veranstaltungen/: upcoming meetings as list or month, and the archive with documentation."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["netzwerk_site.HomePage"]
    subpage_types = ["veranstaltungen.VeranstaltungPage"]
    # The same for every member of a class but the {% persoenlich %} parts (betrieb.page_cache).
    members_cacheable = True
    max_count = 1

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = _("Veranstaltungsübersichten")

    @path("")
    def kommende(self, request):
        from veranstaltungen.views import kommende

        return kommende(request, self)

    @path("archiv/")
    def archiv(self, request):
        from veranstaltungen.views import archiv

        return archiv(request, self)


class VeranstaltungQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live Veranstaltungen the user may see: internal ones only for members."""
        queryset = self.live()
        if is_member(user):
            return queryset
        return public_pages(queryset).filter(sichtbarkeit=Sichtbarkeit.OEFFENTLICH)


class VeranstaltungPage(Page):
    """A meeting of the network, single or recurring, with registration and documentation."""

    art = models.CharField(_("Art"), max_length=30, choices=Art.choices)
    themenfelder = ParentalManyToManyField(
        "netzwerk_site.Themenfeld", verbose_name=_("Themenfelder"), blank=True, related_name="veranstaltungen"
    )
    summary = models.TextField(
        _("Kurzbeschreibung"),
        max_length=600,
        help_text=_("Beschreiben Sie in ein bis zwei Sätzen, worum es geht; der Text erscheint auch im Kalender."),
    )
    body = StreamField(body_blocks(), verbose_name=_("Beschreibung"), blank=True)
    start_date = models.DateField(_("Beginn (Datum)"))
    start_time = models.TimeField(
        _("Beginn (Uhrzeit)"),
        null=True,
        blank=True,
        help_text=_("Lassen Sie beide Uhrzeiten leer, wenn die Veranstaltung ganztägig ist."),
    )
    end_date = models.DateField(
        _("Ende (Datum)"), help_text=_("Tragen Sie bei eintägigen Veranstaltungen das Datum des Beginns ein.")
    )
    end_time = models.TimeField(_("Ende (Uhrzeit)"), null=True, blank=True)
    wiederholung = models.CharField(
        _("Wiederholung"), max_length=30, choices=Wiederholung.choices, blank=True, default=Wiederholung.KEINE
    )
    wiederholung_bis = models.DateField(
        _("Wiederholung bis"),
        null=True,
        blank=True,
        help_text=_("Lassen Sie das Feld leer, wenn die Reihe ohne festes Ende weiterläuft."),
    )
    ort = models.TextField(
        _("Ort"),
        blank=True,
        max_length=500,
        help_text=_("Geben Sie die Anschrift mit Raum an, zum Beispiel „Rathaus Mainz, Jockel-Fuchs-Platz 1, Raum 3“."),
    )
    online_url = models.URLField(
        _("Link zur Online-Teilnahme"),
        blank=True,
        help_text=_("Der Link ist nur für angemeldete Mitglieder des Netzwerks sichtbar."),
    )
    veranstalter = models.ForeignKey(
        "netzwerk_site.Organisation",
        verbose_name=_("Veranstalter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="veranstaltungen",
    )
    veranstalter_name = models.CharField(
        _("Veranstalter (Freitext)"),
        max_length=200,
        blank=True,
        help_text=_("Nennen Sie den Veranstalter hier, wenn er nicht als Organisation erfasst ist."),
    )
    teilnehmerkreis = models.CharField(
        _("Teilnehmerkreis"),
        max_length=300,
        blank=True,
        help_text=_("Nennen Sie, an wen sich die Veranstaltung richtet, zum Beispiel „Integrationsbeauftragte“."),
    )
    sichtbarkeit = models.CharField(
        _("Sichtbarkeit"),
        max_length=20,
        choices=Sichtbarkeit.choices,
        default=Sichtbarkeit.OEFFENTLICH,
        help_text=_("Interne Veranstaltungen sehen nur Mitglieder; sie erscheinen in keinem öffentlichen Kalender."),
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.GEPLANT)
    status_hinweis = models.CharField(
        _("Hinweis zum Status"),
        max_length=300,
        blank=True,
        help_text=_("Erklären Sie bei einer Verschiebung oder Absage kurz den Grund und wie es weitergeht."),
    )
    anmeldung_aktiv = models.BooleanField(_("Anmeldung über das Portal"), default=False)
    plaetze = models.PositiveIntegerField(
        _("Plätze"),
        null=True,
        blank=True,
        help_text=_("Lassen Sie das Feld leer, wenn die Plätze nicht begrenzt sind."),
    )
    anmeldeschluss = models.DateTimeField(_("Anmeldeschluss"), null=True, blank=True)
    warteliste = models.BooleanField(
        _("Warteliste"), default=True, help_text=_("Wer nach Erreichen der Plätze kommt, rückt bei Absagen nach.")
    )
    protokoll = RichTextField(
        _("Protokoll"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Halten Sie nach der Veranstaltung fest, was besprochen und vereinbart wurde."),
    )
    dokumente = StreamField(
        [("dokument", DokumentBlock())],
        verbose_name=_("Dokumente"),
        blank=True,
        help_text=_("Fügen Sie Folien, Ergebnisse und weitere Unterlagen als PDF oder Office-Datei hinzu."),
    )
    handlungsfelder = ParentalManyToManyField(
        "netzwerk_site.HandlungsfeldPage",
        verbose_name=_("Erarbeitete Handlungsfelder"),
        blank=True,
        related_name="veranstaltungen",
    )
    praxisbeispiele = ParentalManyToManyField(
        "praxisbeispiele.PraxisbeispielPage",
        verbose_name=_("Genannte Praxisbeispiele"),
        blank=True,
        related_name="veranstaltungen",
    )
    teilnehmende_anzahl = models.PositiveIntegerField(_("Anzahl der Teilnehmenden"), null=True, blank=True)
    # Calendar bookkeeping (RFC 5545, 3.8.4.7 UID; 3.8.7.4 SEQUENCE; 3.8.7.3 LAST-MODIFIED).
    uid = models.CharField(_("Kalender-UID"), max_length=100, unique=True, default=new_uid, editable=False)
    sequence = models.PositiveIntegerField(_("Kalender-Version"), default=0, editable=False)
    ical_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    ical_changed_at = models.DateTimeField(_("Für Kalender geändert am"), null=True, editable=False)
    # The first stored occurrence (Termineintrag) ending on naechster_stand or later, so lists order by an index.
    # Right for every day from naechster_stand to naechster_bis; veranstaltungen/occurrences.py moves it on.
    naechster_beginn = models.DateTimeField(_("Nächster Termin"), null=True, editable=False)
    naechster_bis = models.DateField(_("Nächster Termin bis"), null=True, editable=False)
    naechster_stand = models.DateField(_("Nächster Termin berechnet für"), null=True, editable=False)

    objects = PageManager.from_queryset(VeranstaltungQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("art"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("wiederholung"), FieldPanel("wiederholung_bis")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_hinweis")]),
            ],
            heading=_("Termin"),
        ),
        InlinePanel("ausnahmen", heading=_("Ausnahmen der Reihe"), label=_("Ausnahme")),
        MultiFieldPanel(
            [
                FieldPanel("ort"),
                FieldPanel("online_url"),
                FieldPanel("veranstalter"),
                FieldPanel("veranstalter_name"),
                FieldPanel("teilnehmerkreis"),
                FieldPanel("themenfelder"),
                FieldPanel("sichtbarkeit"),
            ],
            heading=_("Ort und Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("anmeldung_aktiv"),
                FieldRowPanel([FieldPanel("plaetze"), FieldPanel("anmeldeschluss")]),
                FieldPanel("warteliste"),
            ],
            heading=_("Anmeldung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("teilnehmende_anzahl"),
                FieldPanel("protokoll"),
                FieldPanel("dokumente"),
                FieldPanel("handlungsfelder"),
                FieldPanel("praxisbeispiele"),
            ],
            heading=_("Dokumentation"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("protokoll"),
        index.SearchField("ort"),
        index.FilterField("art"),
        index.FilterField("sichtbarkeit"),
        index.FilterField("start_date"),
    ]
    # Internal events are filtered in the API by sichtbarkeit; the online link is never exposed.
    api_fields = [
        APIField("art"),
        APIField("themenfelder"),
        APIField("summary"),
        APIField("start_date"),
        APIField("start_time"),
        APIField("end_date"),
        APIField("end_time"),
        APIField("wiederholung"),
        APIField("status"),
        APIField("ort"),
        APIField("protokoll"),
    ]
    parent_page_types = ["veranstaltungen.VeranstaltungIndexPage"]
    subpage_types = []
    # The same for every member of a class but the {% persoenlich %} parts (betrieb.page_cache).
    members_cacheable = True
    exclude_fields_in_copy = ["uid", "sequence", "ical_fingerprint", "ical_changed_at"]

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        # Lists read this in order and filter by naechster_bis from it. No index of its own for naechster_bis:
        # SQLite would take it for the range filter and sort the whole list instead.
        indexes = [models.Index(fields=["naechster_beginn", "naechster_bis"], name="veranstaltung_naechster")]

    def save(self, *args, **kwargs):
        track_changes(self, kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        validate_veranstaltung(self)

    def get_context(self, request, *args, **kwargs):
        from veranstaltungen.queries import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request.user))
        return context

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def is_members_only(self):
        return self.sichtbarkeit == Sichtbarkeit.NETZWERK

    @property
    def is_cancelled(self):
        return self.status == Status.ABGESAGT

    @property
    def veranstalter_label(self):
        return str(self.veranstalter) if self.veranstalter_id else self.veranstalter_name

    @property
    def has_dokumentation(self):
        return bool(self.protokoll or self.dokumente)


class Ausnahme(Orderable):
    """One date of a series that is excluded, cancelled or moved (RFC 5545 EXDATE, RECURRENCE-ID)."""

    veranstaltung = ParentalKey(VeranstaltungPage, on_delete=models.CASCADE, related_name="ausnahmen")
    datum = models.DateField(_("Ursprüngliches Datum"), help_text=_("Wählen Sie einen Termin der Reihe."))
    art = models.CharField(_("Art"), max_length=20, choices=AusnahmeArt.choices)
    neues_datum = models.DateField(_("Neues Datum"), null=True, blank=True)
    neue_startzeit = models.TimeField(_("Neue Anfangszeit"), null=True, blank=True)
    neue_endzeit = models.TimeField(_("Neue Endzeit"), null=True, blank=True)
    hinweis = models.CharField(_("Hinweis"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("datum"), FieldPanel("art")]),
        FieldRowPanel([FieldPanel("neues_datum"), FieldPanel("neue_startzeit"), FieldPanel("neue_endzeit")]),
        FieldPanel("hinweis"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Ausnahme")
        verbose_name_plural = _("Ausnahmen")
        constraints = [models.UniqueConstraint(fields=["veranstaltung", "datum"], name="ausnahme_einmal_je_datum")]

    def __str__(self):
        return f"{self.datum:%d.%m.%Y}: {self.get_art_display()}"

    def clean(self):
        if self.art == AusnahmeArt.VERSCHOBEN and not (self.neues_datum or self.neue_startzeit):
            raise ValidationError(
                {"neues_datum": _("Geben Sie für eine Verschiebung ein neues Datum oder eine neue Uhrzeit an.")}
            )


class Termineintrag(models.Model):
    """One stored occurrence of a Veranstaltung, so lists sort and page by the next date in SQL.

    Written by veranstaltungen/occurrences.py whenever a page or one of its Ausnahmen is saved;
    the occurrences themselves are always computed by veranstaltungen/recurrence.py.
    """

    veranstaltung = models.ForeignKey(
        VeranstaltungPage, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="termineintraege"
    )
    beginn = models.DateTimeField(_("Beginn"), help_text=_("Ganztägige Termine beginnen um Mitternacht."))
    ende = models.DateTimeField(_("Ende"), help_text=_("Bei ganztägigen Terminen Mitternacht nach dem letzten Tag."))
    letzter_tag = models.DateField(_("Letzter Tag"))
    ganztaegig = models.BooleanField(_("Ganztägig"), default=False)
    urspruenglicher_beginn = models.DateTimeField(_("Ursprünglicher Beginn"))
    abgesagt = models.BooleanField(_("Abgesagt"), default=False)
    verschoben = models.BooleanField(_("Verschoben"), default=False)

    class Meta:
        verbose_name = _("Termineintrag")
        verbose_name_plural = _("Termineinträge")
        indexes = [models.Index(fields=["veranstaltung", "letzter_tag", "beginn"], name="termineintrag_naechster")]

    def __str__(self):
        return f"{self.veranstaltung_id}: {self.beginn:%d.%m.%Y %H:%M}"


class Anmeldung(models.Model):
    """A member's registration for a Veranstaltung; confirmed or on the waiting list."""

    veranstaltung = models.ForeignKey(
        VeranstaltungPage, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="anmeldungen"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Mitglied"),
        on_delete=models.CASCADE,
        related_name="veranstaltung_anmeldungen",
    )
    status = models.CharField(_("Status"), max_length=20, choices=AnmeldungStatus.choices)
    created_at = models.DateTimeField(_("Angemeldet am"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        constraints = [models.UniqueConstraint(fields=["veranstaltung", "user"], name="anmeldung_einmal_je_mitglied")]

    def __str__(self):
        return f"{self.user} – {self.veranstaltung}"


class Kalenderzugang(models.Model):
    """The secret address of a member's personal calendar feed; only the token's hash is stored."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("Mitglied"), on_delete=models.CASCADE, related_name="kalenderzugang"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("Erstellt am"), auto_now=True)

    class Meta:
        verbose_name = _("Persönlicher Kalenderzugang")
        verbose_name_plural = _("Persönliche Kalenderzugänge")

    def __str__(self):
        return str(self.user)
