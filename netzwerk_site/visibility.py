"""Pages without a view restriction, in a query whose size does not grow with the number of restrictions.

Wagtail's PageQuerySet.public() ORs one path condition per restricted page of the whole site. With
hundreds of internal Veranstaltungen (each carries a restriction) the SQL grows with them, and at
about a thousand SQLite refuses it ("Expression tree is too large"); the benchmark at scale 100 found
this. Here a page is excluded when the prefix of its own path at the depth of a restricted page is
in the restricted paths of that depth (a subquery the database evaluates once), which is exactly
"the restricted page or one of its descendants". Neither the SQL nor the work of building it grows
with the number of restrictions; only with the number of depths that have one.
"""

from django.db.models import Q
from django.db.models.functions import Substr

from wagtail.models import Page, PageViewRestriction


def public_pages(queryset):
    """queryset without pages under any view restriction (the same pages as .public())."""
    depths = sorted(PageViewRestriction.objects.values_list("page__depth", flat=True).distinct())
    if not depths:
        return queryset
    prefixes = {f"_pfad_{depth}": Substr("path", 1, depth * Page.steplen) for depth in depths}
    restricted = Q()
    for depth in depths:
        paths = PageViewRestriction.objects.filter(page__depth=depth).values("page__path")
        restricted |= Q(**{f"_pfad_{depth}__in": paths})
    return queryset.alias(**prefixes).exclude(restricted)
