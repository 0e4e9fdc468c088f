"""The Glossar as the search and the <abbr> filter use it: read once, cached until a Begriff changes."""

from functools import lru_cache

from django.core.cache import cache

from search.analysis import Analyzer, GlossarEintrag

CACHE_KEY = "suche:glossar"
CACHE_SECONDS = 60 * 60


def eintraege():
    """All Begriffe as GlossarEintrag tuples, from the cache when possible."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        from search.models import Begriff

        cached = tuple(
            GlossarEintrag(b.abkuerzung, b.langform, tuple(b.synonym_list)) for b in Begriff.objects.order_by("pk")
        )
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def invalidate(**kwargs):
    """Signal receiver for Begriff saves and deletes."""
    cache.delete(CACHE_KEY)


def analyzer():
    return _analyzer_for(eintraege())


@lru_cache(maxsize=8)
def _analyzer_for(entries):
    return Analyzer(entries)
