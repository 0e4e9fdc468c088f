"""Querysets for the portal's frame pages."""

from django.db.models import Prefetch

from netzwerk_site import facets
from netzwerk_site.auswahl import narrow
from netzwerk_site.models import HandlungsfeldPage, UmsetzungsstandAenderung
from netzwerk_site.visibility import public_pages


def umsetzung(auswahl):
    """All public Handlungsfelder with their state history, filtered by Themenfeld and Umsetzungsstand."""
    queryset = (
        public_pages(HandlungsfeldPage.objects.live())
        .select_related("themenfeld")
        .prefetch_related(
            Prefetch("umsetzungsstand_verlauf", queryset=UmsetzungsstandAenderung.objects.order_by("-changed_at"))
        )
        .order_by("themenfeld__order", "path")
    )
    return narrow(queryset, auswahl, facets.UMSETZUNG)
