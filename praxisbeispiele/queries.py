"""List querysets of Praxisbeispiele with the related data their templates show."""

from django.db.models import Prefetch

from netzwerk_site.models import Kommune, Themenfeld
from praxisbeispiele.models import PraxisbeispielPage


def published_praxisbeispiele():
    """Live Praxisbeispiele with Themenfelder and Kommunen prefetched for cards."""
    return (
        PraxisbeispielPage.objects.live()
        .public()
        .prefetch_related(
            Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order")),
            Prefetch("kommunen", queryset=Kommune.objects.order_by("name")),
        )
    )
