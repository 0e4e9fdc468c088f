"""The Redaktion's work list: a dashboard panel in the Wagtail admin, and counts in the admin menu.

The core knows no feature app: each app contributes its group of open items with a registered function

    @arbeitsliste.register(order=30)
    def offene_meldungen(request, limit):
        if not is_redaktion(request.user):
            return None
        offen = Meldung.objects.filter(erledigt_am__isnull=True)
        return Gruppe(titel=..., anzahl=offen.count(), eintraege=eintraege(offen, limit, ...), alle_url=...)

A function returns None for users who may not act on its items. It runs one COUNT and, when limit is above
zero, one query for the first `limit` items; the admin menu asks with limit 0 (counts only). The counts
are exact, not cached: a Redaktion that has just closed a report sees the count drop on the next page.
"""

from dataclasses import dataclass

from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from netzwerk_site.barrieren import antwortfrist
from netzwerk_site.models import Barrieremeldung, Mailversand

HOOK = "netzwerk_arbeitsliste"
# How many items of each group the dashboard shows; "alle N anzeigen" leads to the rest.
ANZEIGEN = 10


@dataclass(frozen=True)
class Eintrag:
    """One open item: what it is, where the Redaktion acts on it, and a note such as its due date."""

    titel: str
    url: str
    hinweis: str = ""
    ist_ueberfaellig: bool = False


@dataclass(frozen=True)
class Gruppe:
    """A kind of open item with its exact count, the first items and the admin list of all (if there is one).

    menu_url names the admin menu item that shows the count ("Gemeldete Beiträge (3)"); empty for none.
    """

    titel: str
    anzahl: int
    eintraege: tuple = ()
    alle_url: str = ""
    menu_url: str = ""


def register(order):
    """Decorator: contribute a group; the function takes (request, limit) and returns a Gruppe or None."""
    return hooks.register(HOOK, order=order)


def eintraege(queryset, limit, eintrag):
    """The first limit items of queryset as Einträge (no query for limit 0); eintrag turns an object into one."""
    if limit <= 0:
        return ()
    return tuple(eintrag(obj) for obj in queryset[:limit])


def gruppen(request, limit=ANZEIGEN):
    """The groups the user may act on, in registration order; computed once per request and limit or more."""
    cached = getattr(request, "_netzwerk_arbeitsliste", None)
    if cached is not None and cached[0] >= limit:
        return cached[1]
    found = [group for function in hooks.get_hooks(HOOK) if (group := function(request, limit)) is not None]
    request._netzwerk_arbeitsliste = (limit, found)
    return found


class ArbeitslistePanel(Component):
    """The dashboard panel "Arbeitsliste der Redaktion"."""

    name = "arbeitsliste"
    order = 50
    template_name = "netzwerk_site/admin/arbeitsliste.html"

    def __init__(self, gruppen):
        self.gruppen = gruppen

    def get_context_data(self, parent_context):
        return {"gruppen": self.gruppen}


def panel(request):
    """The panel for this request, or None when the user may act on no group of the work list."""
    found = gruppen(request)
    return ArbeitslistePanel(found) if found else None


# -- the core's own group: barrier reports (BITV 2.0 § 7 feedback mechanism) ------------------------------------------
def _barriere_eintrag(meldung, today):
    frist = antwortfrist(meldung)
    return Eintrag(
        titel=str(meldung),
        url=reverse("wagtailsnippets_netzwerk_site_barrieremeldung:edit", args=[meldung.pk]),
        hinweis=_("Antwort fällig am %(datum)s") % {"datum": f"{frist:%d.%m.%Y}"},
        ist_ueberfaellig=frist < today,
    )


@register(order=40)
def offene_barrieremeldungen(request, limit):
    if not request.user.has_perm("netzwerk_site.change_barrieremeldung"):
        return None
    offen = Barrieremeldung.objects.filter(erledigt=False).order_by(F("created_at").asc(), "pk")
    today = timezone.localdate()
    liste = reverse("wagtailsnippets_netzwerk_site_barrieremeldung:list")
    return Gruppe(
        titel=_("Barrieremeldungen"),
        anzahl=offen.count(),
        eintraege=eintraege(offen, limit, lambda meldung: _barriere_eintrag(meldung, today)),
        alle_url=f"{liste}?erledigt=false",
        menu_url=liste,
    )


# -- the core's own group: mails the mail server refused (netzwerk_site/mail.py) -------------------------------------
def _mailversand_eintrag(mailversand):
    zeitpunkt = f"{timezone.localtime(mailversand.updated_at):%d.%m.%Y %H:%M}"
    if mailversand.stand == Mailversand.Stand.AUFGEGEBEN:
        hinweis = _("aufgegeben am %(zeitpunkt)s nach %(versuche)d Versuchen")
    else:
        hinweis = _("wird wiederholt, %(versuche)d. Versuch am %(zeitpunkt)s fehlgeschlagen")
    return Eintrag(
        titel=mailversand.betreff,
        url=reverse("mailversand:inspect", args=[mailversand.pk]),
        hinweis=hinweis % {"zeitpunkt": zeitpunkt, "versuche": mailversand.versuche},
        ist_ueberfaellig=mailversand.stand == Mailversand.Stand.AUFGEGEBEN,
    )


@register(order=45)
def mailversand_mit_fehlern(request, limit):
    """Mails still being retried or given up on: the Redaktion reaches those people another way."""
    # The Redaktion, as for barrier reports: the core cannot ask konto.roles.
    if not request.user.has_perm("netzwerk_site.change_barrieremeldung"):
        return None
    offen = Mailversand.objects.exclude(stand=Mailversand.Stand.ZUGESTELLT)
    # "aufgegeben" sorts before "wird_wiederholt": the mails nobody will send again come first.
    offen = offen.order_by("stand", "-updated_at", "-pk")
    liste = reverse("mailversand:index")
    return Gruppe(
        titel=_("Mailversand mit Fehlern"),
        anzahl=offen.count(),
        eintraege=eintraege(offen, limit, _mailversand_eintrag),
        alle_url=liste,
        menu_url=liste,
    )
