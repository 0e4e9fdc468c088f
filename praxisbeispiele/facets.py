"""The declared URL parameters of the Praxisbeispiel library, and what its page shows of them.

Every facet costs one query for its options and one for its counts, whatever the data size.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from netzwerk_site import facets
from netzwerk_site.auswahl import Param, count, narrow, paginate, shown
from praxisbeispiele.choices import PraxisEbene, Sortierung

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


def page_context(library, auswahl, options, querydict):
    """One page of the library under auswahl, its facets with counts, and hints for an empty result.

    library is PraxisbeispielPage.objects.library(auswahl): the facets narrow it and count over it.
    """
    seite, page_notices = paginate(narrow(library, auswahl, FACETS).for_cards(), auswahl.seite, PER_PAGE)
    shown_facets = shown(auswahl, FACETS, options, count(library, auswahl, FACETS, options), querydict)
    query = auswahl.get("q")
    return {
        "auswahl": auswahl,
        "notices": [*auswahl.notices, *page_notices],
        "facets": shown_facets,
        "has_filters": auswahl.has_filters(FACETS),
        "seite": seite,
        "anzahl": seite.paginator.count,
        "lockerungen": [] if seite.paginator.count else loosening_hints(library, auswahl, shown_facets),
        "query": query,
        "sortierung": auswahl.get("sortierung"),
        "sortierungen": [c for c in Sortierung.choices if query or c[0] != Sortierung.RELEVANZ],
    }
