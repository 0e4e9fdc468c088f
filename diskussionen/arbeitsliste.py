"""The Diskussionen groups of the Redaktion's work list: open questions to the Land and reported Beiträge."""

from django.db.models import F, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diskussionen.choices import Stand
from diskussionen.models import Beitrag, Diskussion
from konto.roles import is_redaktion
from netzwerk_site import arbeitsliste
from netzwerk_site.arbeitsliste import Eintrag, Gruppe


def offene_fragen():
    """Open questions to the Land: earliest due date first, so the overdue ones lead; unassigned ones last."""
    return (
        Diskussion.objects.filter(is_frage_an_land=True, stand=Stand.OFFEN)
        .select_related("zugewiesen_an")
        .order_by(F("faellig_am").asc(nulls_last=True), "created_at", "pk")
    )


def gemeldete_beitraege():
    """Beiträge with open reports, the longest waiting first, with erste_meldung_am and the Diskussion."""
    offen = Q(meldungen__erledigt_am__isnull=True)
    return (
        Beitrag.objects.filter(offen)
        .annotate(erste_meldung_am=Min("meldungen__created_at", filter=offen))
        .select_related("diskussion")
        .order_by("erste_meldung_am", "pk")
    )


def _frage(diskussion, today):
    if diskussion.zugewiesen_an_id is None:
        # Without an assignment nobody at the Land answers: the Redaktion's next step is to assign it.
        url = reverse("diskussionen_moderation:zuweisen", args=[diskussion.pk])
        return Eintrag(titel=diskussion.title, url=url, hinweis=_("noch keiner Stelle zugewiesen"))
    hinweis = _("%(stelle)s, fällig am %(datum)s") % {
        "stelle": diskussion.zugewiesen_an,
        "datum": f"{diskussion.faellig_am:%d.%m.%Y}" if diskussion.faellig_am else "–",
    }
    return Eintrag(
        titel=diskussion.title,
        url=diskussion.get_absolute_url(),
        hinweis=hinweis,
        ist_ueberfaellig=diskussion.is_ueberfaellig(today),
    )


def _meldung(beitrag, url):
    datum = timezone.localdate(beitrag.erste_meldung_am)
    return Eintrag(
        titel=beitrag.diskussion.title, url=url, hinweis=_("gemeldet am %(datum)s") % {"datum": f"{datum:%d.%m.%Y}"}
    )


@arbeitsliste.register(order=20)
def fragen_an_das_land(request, limit):
    if not is_redaktion(request.user):
        return None
    offen = offene_fragen()
    today = timezone.localdate()
    return Gruppe(
        titel=_("Offene Fragen an das Land"),
        anzahl=offen.count(),
        eintraege=arbeitsliste.eintraege(offen, limit, lambda diskussion: _frage(diskussion, today)),
        alle_url=reverse("diskussionen_moderation:index") + "?frage=1",
        menu_url=reverse("diskussionen_moderation:index"),
    )


@arbeitsliste.register(order=30)
def meldungen(request, limit):
    if not is_redaktion(request.user):
        return None
    gemeldet = gemeldete_beitraege()
    liste = reverse("diskussionen_meldungen:index")
    return Gruppe(
        titel=_("Gemeldete Beiträge"),
        anzahl=gemeldet.count(),
        eintraege=arbeitsliste.eintraege(gemeldet, limit, lambda beitrag: _meldung(beitrag, liste)),
        alle_url=liste,
        menu_url=liste,
    )
