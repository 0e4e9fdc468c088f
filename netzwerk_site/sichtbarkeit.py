"""Pages without a view restriction, in a query whose size does not grow with the number of restrictions.

Wagtail's PageQuerySet.public() ORs one path condition per restricted page of the whole site. With
hundreds of internal Veranstaltungen (each carries a restriction) the SQL grows with them, and at
about a thousand SQLite refuses it ("Expression tree is too large"); the benchmark at scale 100 found
this. Here every restricted path goes into one IN list per tree depth: a page is excluded when the
prefix of its own path at that depth is a restricted path, which is exactly "the restricted page or
one of its descendants".
"""

from collections import defaultdict

from django.db.models import Q
from django.db.models.functions import Substr

from wagtail.models import PageViewRestriction


def oeffentlich(queryset):
    """queryset without pages under any view restriction (the same pages as .public())."""
    by_length = defaultdict(list)
    for path in set(PageViewRestriction.objects.values_list("page__path", flat=True)):
        by_length[len(path)].append(path)
    if not by_length:
        return queryset
    prefixes = {f"_pfad_{length}": Substr("path", 1, length) for length in by_length}
    restricted = Q()
    for length, paths in by_length.items():
        restricted |= Q(**{f"_pfad_{length}__in": sorted(paths)})
    return queryset.alias(**prefixes).exclude(restricted)
