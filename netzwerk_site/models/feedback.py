from django.db import models
from django.utils.translation import gettext_lazy as _


class Barrieremeldung(models.Model):
    """A report of an accessibility barrier (BITV 2.0 § 7 feedback mechanism)."""

    seite = models.CharField(
        _("Betroffene Seite"),
        max_length=500,
        blank=True,
        help_text=_("Adresse oder Name der Seite, auf der die Barriere auftritt."),
    )
    beschreibung = models.TextField(_("Beschreibung der Barriere"), max_length=5000)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    erledigt = models.BooleanField(_("Erledigt"), default=False)
    antwort_notiz = models.TextField(
        _("Interne Notiz"), blank=True, help_text=_("Halten Sie fest, was die Redaktion unternommen hat.")
    )

    class Meta:
        ordering = ["erledigt", "-created_at"]
        verbose_name = _("Barrieremeldung")
        verbose_name_plural = _("Barrieremeldungen")

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y} – {self.beschreibung[:60]}"
