"""The Praxisbeispiele sections of the weekly digest (konto/wochenueberblick.py): new ones, and adoptions by the
member's Kommune. New ones from Themenfelder the member follows (diskussionen.ThemenfeldAbonnement) come first."""

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext as _

from diskussionen.models import ThemenfeldAbonnement
from konto import wochenueberblick
from konto.wochenueberblick import Abschnitt, Eintrag
from netzwerk_site import mail
from netzwerk_site.models import Themenfeld
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme

HOECHSTENS = 10


@wochenueberblick.register(10)
def neue_praxisbeispiele(user, seit, bis):
    """Praxisbeispiele first published in [seit, bis), followed Themenfelder first, then newest first."""
    gefolgt = ThemenfeldAbonnement.objects.filter(user=user, themenfeld__praxisbeispiele=OuterRef("pk"))
    pages = (
        PraxisbeispielPage.objects.published()
        .filter(first_published_at__gte=seit, first_published_at__lt=bis)
        .annotate(gefolgt=Exists(gefolgt))
        .prefetch_related(Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order")))
        .order_by("-gefolgt", "-first_published_at", "title")[:HOECHSTENS]
    )
    eintraege = [Eintrag(page.title, mail.absolute_url(page.url), _zeile(page)) for page in pages]
    return Abschnitt(_("Neue Praxisbeispiele"), eintraege) if eintraege else None


@wochenueberblick.register(40)
def neue_uebernahmen(user, seit, bis):
    """Praxisbeispiele the member's Kommune recorded as taken up in [seit, bis)."""
    if user.kommune_id is None:
        return None
    uebernahmen = (
        Uebernahme.objects.filter(
            kommune_id=user.kommune_id,
            created_at__gte=seit,
            created_at__lt=bis,
            praxisbeispiel__in=PraxisbeispielPage.objects.published(),
        )
        .select_related("praxisbeispiel", "kommune")
        .order_by("-created_at", "pk")[:HOECHSTENS]
    )
    eintraege = [
        Eintrag(
            uebernahme.praxisbeispiel.title,
            mail.absolute_url(uebernahme.praxisbeispiel.url),
            f"{uebernahme.kommune.name}: {uebernahme.get_stand_display()}",
        )
        for uebernahme in uebernahmen
    ]
    return Abschnitt(_("Übernahmen durch Ihre Kommune"), eintraege) if eintraege else None


def _zeile(page):
    # Themenfeld titles may hold commas ("Arbeitsmarkt, Beschäftigung, berufliche Bildung").
    themenfelder = "; ".join(themenfeld.title for themenfeld in page.themenfelder.all())
    if page.gefolgt:
        return _("Aus einem Themenfeld, dem Sie folgen: %(themenfelder)s") % {"themenfelder": themenfelder}
    return _("Themenfelder: %(themenfelder)s") % {"themenfelder": themenfelder}
