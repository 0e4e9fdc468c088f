"""Querysets for the portal's frame pages: home page sections and Kommunen."""

from collections import Counter

from netzwerk_site import facets
from netzwerk_site.auswahl import narrow
from netzwerk_site.choices import KommuneArt
from netzwerk_site.models import Kommune, ThemenfeldPage
from netzwerk_site.sichtbarkeit import oeffentlich

HOME_PRAXISBEISPIELE = 6
HOME_VERANSTALTUNGEN = 3
HOME_DISKUSSIONEN = 5


def home_sections(user):
    """What the home page shows; later issues fill Veranstaltungen and Diskussionen."""
    from diskussionen.queries import aktive_diskussionen
    from praxisbeispiele.queries import published_praxisbeispiele
    from veranstaltungen.queries import naechste_veranstaltungen

    return {
        "themenfeld_pages": ThemenfeldPage.objects.live().select_related("themenfeld").order_by("themenfeld__order"),
        "neueste_praxisbeispiele": published_praxisbeispiele().order_by("-first_published_at", "-pk")[
            :HOME_PRAXISBEISPIELE
        ],
        "naechste_veranstaltungen": naechste_veranstaltungen(user, HOME_VERANSTALTUNGEN),
        "aktive_diskussionen": aktive_diskussionen(user, HOME_DISKUSSIONEN),
    }


def kreisebene():
    """The 36 Landkreise and kreisfreie Städte."""
    return Kommune.objects.filter(art__in=[KommuneArt.LANDKREIS, KommuneArt.KREISFREIE_STADT])


def praxisbeispiel_counts():
    """Live Praxisbeispiele per Kommune of the Kreisebene, its municipalities' examples included."""
    from praxisbeispiele.models import PraxisbeispielPage

    through = PraxisbeispielPage.kommunen.through
    rows = through.objects.filter(
        praxisbeispielpage__in=oeffentlich(PraxisbeispielPage.objects.live()).values("pk")
    ).values_list("kommune_id", "kommune__landkreis_id", "praxisbeispielpage_id")
    pairs = {(landkreis_id or kommune_id, page_id) for kommune_id, landkreis_id, page_id in rows}
    return Counter(kommune_id for kommune_id, _ in pairs)


def praxisbeispiele_of(kommune):
    """Live Praxisbeispiele of a Kommune, including those of its municipalities."""
    from praxisbeispiele.queries import published_praxisbeispiele

    ids = [kommune.pk, *kommune.gemeinden.values_list("pk", flat=True)]
    return published_praxisbeispiele().filter(kommunen__in=ids).distinct().order_by("title")


def umsetzung(auswahl):
    """All Handlungsfelder with their state history, filtered by Themenfeld and Umsetzungsstand."""
    from django.db.models import Prefetch

    from netzwerk_site.models import HandlungsfeldPage, UmsetzungsstandAenderung

    queryset = (
        HandlungsfeldPage.objects.live()
        .select_related("themenfeld")
        .prefetch_related(
            Prefetch("umsetzungsstand_verlauf", queryset=UmsetzungsstandAenderung.objects.order_by("-changed_at"))
        )
        .order_by("themenfeld__order", "path")
    )
    return narrow(queryset, auswahl, facets.UMSETZUNG)


def uebernahmen_of(kommune):
    """What a Kommune (with its municipalities) has taken up from other Kommunen."""
    from praxisbeispiele.models import Uebernahme

    ids = [kommune.pk, *kommune.gemeinden.values_list("pk", flat=True)]
    return (
        Uebernahme.objects.filter(kommune_id__in=ids, praxisbeispiel__live=True)
        .select_related("praxisbeispiel", "kommune")
        .order_by("praxisbeispiel__title")
    )
