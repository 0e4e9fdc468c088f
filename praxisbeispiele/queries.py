"""List querysets of Praxisbeispiele with the related data their templates show."""

import logging
from collections import Counter
from urllib.parse import urlencode

from django.db import DatabaseError
from django.db.models import Case, Count, IntegerField, OuterRef, Prefetch, Subquery, Value, When
from django.db.models.functions import Coalesce

from netzwerk_site.auswahl import paginate
from netzwerk_site.models import Kommune, Themenfeld, Zielgruppe
from netzwerk_site.visibility import public_pages
from praxisbeispiele import facets
from praxisbeispiele.choices import Sortierung
from praxisbeispiele.models import Foerderung, PraxisbeispielPage, Uebernahme

logger = logging.getLogger("netzwerk")

PER_PAGE = 12
MAX_SEARCH_RESULTS = 500


def published_praxisbeispiele():
    """Live Praxisbeispiele with Themenfelder and Kommunen prefetched for cards."""
    return public_pages(PraxisbeispielPage.objects.live()).prefetch_related(
        Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order")),
        Prefetch("kommunen", queryset=Kommune.objects.order_by("name")),
    )


def search_ids(query):
    """Page ids matching the free text, best first; an unusable query matches nothing."""
    try:
        results = (
            PraxisbeispielPage.objects.live()
            .filter(pk__in=list(public_pages(PraxisbeispielPage.objects.live()).values_list("pk", flat=True)))
            .search(query)[:MAX_SEARCH_RESULTS]
        )
        return [page.pk for page in results]
    except DatabaseError:
        logger.warning("Praxisbeispiel search failed for query %r", query, exc_info=True)
        return []


def filtered(auswahl):
    """(base, results): base honours only the free text, results every filter; both unsorted."""
    base = public_pages(PraxisbeispielPage.objects.live())
    ids = None
    if auswahl.query:
        ids = search_ids(auswahl.query)
        base = base.filter(pk__in=ids)
    return base, facets.narrow(base, auswahl), ids


def sort(queryset, auswahl, ids):
    sort = auswahl.sort or (Sortierung.RELEVANZ if ids is not None else Sortierung.NEUESTE)
    if sort == Sortierung.RELEVANZ and ids:
        rank = Case(*[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)], output_field=IntegerField())
        return queryset.order_by(rank, "title")
    if sort == Sortierung.TITEL:
        return queryset.order_by("title", "pk")
    if sort == Sortierung.UEBERNAHMEN:
        return queryset.order_by("-uebernahmen_anzahl", "title", "pk")
    return queryset.order_by("-first_published_at", "-pk")


def uebernahmen_anzahl():
    """How many Kommunen took the example up, as a subquery per row.

    A Count() annotation would GROUP BY every column of the whole filtered library before the
    page's LIMIT (100 ms of SQL at 10,000 Praxisbeispiele); the subquery needs no grouping.
    """
    per_beispiel = (
        Uebernahme.objects.filter(praxisbeispiel=OuterRef("pk"))
        .order_by()
        .values("praxisbeispiel")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(per_beispiel, output_field=IntegerField()), 0)


def with_card_data(queryset):
    return queryset.annotate(uebernahmen_anzahl=uebernahmen_anzahl()).prefetch_related(
        Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order")),
        Prefetch("kommunen", queryset=Kommune.objects.order_by("name")),
    )


def library(auswahl):
    """Everything the library page shows for one parsed URL, in a fixed number of queries."""
    base, results, ids = filtered(auswahl)
    facets.count_facets(base, auswahl)
    seite, page_notices = paginate(sort(with_card_data(results), auswahl, ids), auswahl.page, PER_PAGE)
    auswahl.notices.extend(page_notices)
    anzahl = seite.paginator.count
    return {
        "auswahl": auswahl,
        "facets": auswahl.facets,
        "seite": seite,
        "anzahl": anzahl,
        "lockerungen": facets.loosening_hints(base, auswahl) if anzahl == 0 else [],
        "querystring_export": urlencode(auswahl.querystring(sortierung=auswahl.sort)),
        "sortierungen": [c for c in Sortierung.choices if auswahl.query or c[0] != Sortierung.RELEVANZ],
    }


def export_queryset(auswahl):
    """All results of the filters, sorted, with every relation the export writes."""
    _base, results, ids = filtered(auswahl)
    return (
        sort(results.annotate(uebernahmen_anzahl=uebernahmen_anzahl()), auswahl, ids)
        .select_related("traeger")
        .prefetch_related(
            Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order")),
            Prefetch("kommunen", queryset=Kommune.objects.order_by("name")),
            Prefetch("zielgruppen", queryset=Zielgruppe.objects.order_by("name")),
            Prefetch("foerderungen", queryset=Foerderung.objects.order_by("pk")),
        )
    )


SIMILAR_COUNT = 4


def similar_praxisbeispiele(page):
    """Live examples sharing most Themenfelder, Zielgruppen and Kommunen with page, never page itself."""
    shared = Counter()
    for field_name in ("themenfelder", "zielgruppen", "kommunen"):
        through = getattr(PraxisbeispielPage, field_name).through
        column = f"{getattr(PraxisbeispielPage, field_name).field.related_model._meta.model_name}_id"
        own = through.objects.filter(praxisbeispielpage_id=page.pk).values(column)
        rows = through.objects.filter(**{f"{column}__in": own}).exclude(praxisbeispielpage_id=page.pk)
        shared.update(rows.values_list("praxisbeispielpage_id", flat=True))
    # Unpublished candidates drop out below, so look at a few more than are shown.
    top = [pk for pk, _ in shared.most_common(SIMILAR_COUNT * 5)]
    if not top:
        return []
    candidates = {p.pk: p for p in published_praxisbeispiele().filter(pk__in=top)}
    ranked = sorted(candidates, key=lambda pk: (-shared[pk], candidates[pk].title))
    return [candidates[pk] for pk in ranked[:SIMILAR_COUNT]]
