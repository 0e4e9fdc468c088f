"""Diskussionen, their Beiträge with versions and attachments, and each member's read state."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diskussionen.choices import Stand
from diskussionen.rendering import render_markdown
from netzwerk_site import uploads

EHEMALIGES_MITGLIED = _("ehemaliges Mitglied")


class Diskussion(models.Model):
    """A thread between members; may be addressed to the Land as a question."""

    title = models.CharField(_("Titel"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Begonnen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="diskussionen",
    )
    themenfeld = models.ForeignKey(
        "netzwerk_site.Themenfeld",
        verbose_name=_("Themenfeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="diskussionen",
    )
    handlungsfeld = models.ForeignKey(
        "netzwerk_site.HandlungsfeldPage",
        verbose_name=_("Handlungsfeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="diskussionen",
    )
    praxisbeispiel = models.ForeignKey(
        "praxisbeispiele.PraxisbeispielPage",
        verbose_name=_("Praxisbeispiel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="diskussionen",
    )
    veranstaltung = models.ForeignKey(
        "veranstaltungen.VeranstaltungPage",
        verbose_name=_("Veranstaltung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="diskussionen",
    )
    stand = models.CharField(_("Stand"), max_length=20, choices=Stand.choices, default=Stand.OFFEN)
    is_frage_an_land = models.BooleanField(
        _("Frage an das Land"),
        default=False,
        help_text=_("Kreuzen Sie an, wenn das Land diese Frage offiziell beantworten soll."),
    )
    zugewiesen_an = models.ForeignKey(
        "netzwerk_site.Organisation",
        verbose_name=_("Zugewiesen an"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fragen",
        help_text=_("Wählen Sie die Stelle des Landes, die die Frage beantworten soll."),
    )
    zugewiesen_am = models.DateTimeField(_("Zugewiesen am"), null=True, blank=True)
    faellig_am = models.DateField(
        _("Antwort fällig am"),
        null=True,
        blank=True,
        help_text=_("Geben Sie das Datum an, bis zu dem das Land antworten soll."),
    )
    beantwortet_am = models.DateTimeField(_("Beantwortet am"), null=True, blank=True)
    erledigt_am = models.DateTimeField(_("Erledigt am"), null=True, blank=True)
    is_gesperrt = models.BooleanField(_("Gesperrt"), default=False)
    created_at = models.DateTimeField(_("Begonnen am"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("Letzte Aktivität"), default=timezone.now, db_index=True)
    beitrag_count = models.PositiveIntegerField(_("Anzahl Beiträge"), default=0)

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("Diskussion")
        verbose_name_plural = _("Diskussionen")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("diskussionen:diskussion", kwargs={"pk": self.pk})

    def is_ueberfaellig(self, today=None):
        today = today or timezone.localdate()
        return self.stand == Stand.OFFEN and self.faellig_am is not None and self.faellig_am < today


class Beitrag(models.Model):
    """One post in a Diskussion; Markdown source and the sanitized HTML rendered once on save."""

    diskussion = models.ForeignKey(
        Diskussion, verbose_name=_("Diskussion"), on_delete=models.CASCADE, related_name="beitraege"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Verfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="diskussionsbeitraege",
    )
    body = models.TextField(_("Text"))
    body_html = models.TextField(_("Text (bereinigtes HTML)"), editable=False)
    version = models.PositiveIntegerField(_("Version"), default=1)
    created_at = models.DateTimeField(_("Verfasst am"), default=timezone.now)
    edited_at = models.DateTimeField(_("Bearbeitet am"), null=True, blank=True)
    is_geloescht = models.BooleanField(_("Gelöscht"), default=False)
    geloescht_am = models.DateTimeField(_("Gelöscht am"), null=True, blank=True)
    is_verborgen = models.BooleanField(_("Verborgen"), default=False)
    is_antwort_des_landes = models.BooleanField(_("Antwort des Landes"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["diskussion", "created_at", "id"], name="beitrag_reihenfolge")]
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")

    def __str__(self):
        return f"{self.diskussion.title} #{self.pk}"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("diskussionen:beitrag", kwargs={"pk": self.pk})

    @property
    def author_name(self):
        return str(self.author) if self.author_id else EHEMALIGES_MITGLIED

    @property
    def is_sichtbar(self):
        return not (self.is_geloescht or self.is_verborgen)


class BeitragVersion(models.Model):
    """The text a Beitrag had before an edit; only the Redaktion sees these."""

    beitrag = models.ForeignKey(Beitrag, verbose_name=_("Beitrag"), on_delete=models.CASCADE, related_name="versionen")
    version = models.PositiveIntegerField(_("Version"))
    body = models.TextField(_("Text"))
    body_html = models.TextField(_("Text (bereinigtes HTML)"))
    created_at = models.DateTimeField(_("Verfasst am"))
    ersetzt_am = models.DateTimeField(_("Ersetzt am"), default=timezone.now)

    class Meta:
        ordering = ["beitrag", "-version"]
        constraints = [models.UniqueConstraint(fields=["beitrag", "version"], name="beitragversion_eindeutig")]
        verbose_name = _("Frühere Version")
        verbose_name_plural = _("Frühere Versionen")

    def __str__(self):
        return f"{self.beitrag} v{self.version}"


class Anhang(models.Model):
    """A file attached to a Beitrag; served only to members, type checked by content."""

    beitrag = models.ForeignKey(Beitrag, verbose_name=_("Beitrag"), on_delete=models.CASCADE, related_name="anhaenge")
    datei = models.FileField(_("Datei"), upload_to="diskussionen/%Y/%m/", storage=uploads.private_storage)
    name = models.CharField(_("Dateiname"), max_length=255)
    mime = models.CharField(_("Dateityp"), max_length=120)
    groesse = models.PositiveIntegerField(_("Größe in Bytes"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("diskussionen:anhang", kwargs={"pk": self.pk})


class Lesestand(models.Model):
    """When a member last read a Diskussion; newer activity marks it unread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    diskussion = models.ForeignKey(Diskussion, on_delete=models.CASCADE, related_name="lesestaende")
    gelesen_am = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "diskussion"], name="lesestand_eindeutig")]
        verbose_name = _("Lesestand")
        verbose_name_plural = _("Lesestände")

    def __str__(self):
        return f"{self.user} – {self.diskussion}"
