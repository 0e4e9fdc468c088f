"""The declared URL parameters of the Praxisbeispiel library, and what its page shows of them.

Every stored vocabulary costs one query for its options, and the counts of all facets one query together
(netzwerk_site.auswahl.count), whatever the data size and the selection.
"""

import functools

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from netzwerk_site import facets, inhaltsstand
from netzwerk_site.auswahl import Param, count, narrow, paginate, shown
from praxisbeispiele.choices import PraxisEbene, Sortierung
from search import bibliothek

PER_PAGE = 12
MAX_QUERY_LENGTH = 200


def foerderung_options():
    # By name: praxisbeispiele.models imports this module for the library page and its exports.
    foerderungen = apps.get_model("praxisbeispiele", "Foerderung").objects.order_by("pk")
    return [(foerderung.slug, str(foerderung)) for foerderung in foerderungen]


FACETS = (
    facets.themenfeld(),
    facets.kommune(),
    facets.zielgruppe(),
    facets.facet("foerderung", _("Förderung"), facets.by_slug("foerderungen"), multiple=True, load=foerderung_options),
    facets.facet(
        "ebene",
        _("Ebene"),
        facets.by_value("ebene"),
        multiple=True,
        kind="choice",
        choices=tuple(PraxisEbene.choices),
    ),
)
FACET_NAMEN = frozenset(facet.name for facet in FACETS)
SPEC = (
    *FACETS,
    Param("q", kind="text", max_length=MAX_QUERY_LENGTH),
    Param(
        "sortierung",
        kind="choice",
        choices=tuple(Sortierung.choices),
        unknown=_("Die Sortierung „%(value)s“ gibt es nicht; es gilt die Standardsortierung."),
    ),
)


def loosening_hints(library, auswahl, shown_facets):
    """For an empty result: (facet, its chosen labels, how many results there would be without it)."""
    return [
        (
            facet,
            ", ".join(str(option.label) for option in facet.selected),
            narrow(library, auswahl, FACETS, skip=facet.param).count(),
        )
        for facet in shown_facets
        if facet.selected
    ]


def freitext(auswahl, user):
    """What the portal search finds for auswahl's free text (search.bibliothek), or None without one."""
    query = auswahl.get("q")
    return bibliothek.praxisbeispiele(query, user) if query else None


def sortierungen(query):
    """The order choices as the form offers them: the default first, with an empty value.

    The default is Relevanz while a term is set and Neueste zuerst otherwise. Its empty value keeps a
    term typed after browsing by relevance, unless the reader explicitly chose another order.
    """
    standard = Sortierung.RELEVANZ if query else Sortierung.NEUESTE
    andere = [(value, label) for value, label in Sortierung.choices if value not in (standard, Sortierung.RELEVANZ)]
    return [("", standard.label), *andere]


def page_context(library, auswahl, options, querydict, freitext=None, request=None):
    """One page of the library under auswahl, its facets with counts, and hints for an empty result.

    library is PraxisbeispielPage.objects.library(auswahl, freitext): the facets narrow it and count over it.
    Without a free text the counts are the same for everyone until the content changes, and kept until then
    (netzwerk_site.inhaltsstand); with one they follow the viewer's search and are counted each time.
    """
    gewaehlt = narrow(library, auswahl, FACETS)
    zaehlen = functools.partial(count, library, auswahl, FACETS, options)
    if freitext is None:
        auswahl_der_facetten = tuple((name, values) for name, values in auswahl.values if name in FACET_NAMEN)
        anzahl, counts = inhaltsstand.gemerkt(
            request, "bibliothek-facetten", auswahl_der_facetten, lambda: (gewaehlt.count(), zaehlen())
        )
    else:
        anzahl, counts = None, zaehlen()
    seite, page_notices = paginate(gewaehlt.for_cards(), auswahl.seite, PER_PAGE, anzahl=anzahl)
    if freitext is None and inhaltsstand.aktiv(request):
        # Which examples the page shows is kept too: sorting 10,000 of them by date is what grows; cards load by key.
        pks = inhaltsstand.gemerkt(
            request,
            "bibliothek-seite",
            (auswahl.values, seite.number),
            lambda: list(seite.object_list.values_list("pk", flat=True)),
        )
        cards = {card.pk: card for card in gewaehlt.for_cards().filter(pk__in=pks)}
        seite.object_list = [cards[pk] for pk in pks if pk in cards]
    shown_facets = shown(auswahl, FACETS, options, counts, querydict)
    query = auswahl.get("q")
    hinweis = [freitext.hinweis] if freitext and freitext.hinweis else []
    return {
        "auswahl": auswahl,
        "notices": [*auswahl.notices, *page_notices, *hinweis],
        "facets": shown_facets,
        "has_filters": auswahl.has_filters(FACETS),
        "seite": seite,
        "anzahl": seite.paginator.count,
        "lockerungen": [] if seite.paginator.count else loosening_hints(library, auswahl, shown_facets),
        "query": query,
        "freitext": freitext,
        "sortierung": auswahl.get("sortierung"),
        "sortierungen": sortierungen(query),
    }
