"""Request parameters in, template context and JSON out, for the search views."""

from django.utils.translation import gettext_lazy

from netzwerk_site import auswahl as liste
from netzwerk_site.auswahl import Param
from netzwerk_site.models import Kommune, Themenfeld
from search.analysis import clean
from search.choices import DokumentTyp

MAX_QUERY_LENGTH = 5_000
FILTERS = (
    Param("typ", gettext_lazy("Art"), kind="choice", choices=tuple(DokumentTyp.choices)),
    Param("themenfeld", gettext_lazy("Themenfeld")),
    Param("kommune", gettext_lazy("Kommune")),
)
SPEC = (Param("q", kind="text", max_length=MAX_QUERY_LENGTH), *FILTERS)


def parse_int(value, default, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return max(low, min(high, number))


def parse(query_dict):
    """(auswahl, params): the parsed URL and the engine's keyword arguments; malformed values become notices."""
    auswahl = liste.parse(query_dict, SPEC)
    params = {"q": clean(auswahl.get("q")), **{param.name: auswahl.get(param.name) for param in FILTERS}}
    return auswahl, params


class PageWindow:
    """The engine returns one page of hits plus the total; Paginator sees a sequence of the total's length."""

    def __init__(self, ergebnis):
        self.ergebnis = ergebnis

    def __len__(self):
        return self.ergebnis.count

    def __getitem__(self, item):
        return self.ergebnis.treffer


def _labels(facets):
    themenfelder = dict(Themenfeld.objects.filter(slug__in=facets["themenfeld"]).values_list("slug", "title"))
    kommunen = {k.slug: k.display_name for k in Kommune.objects.filter(slug__in=facets["kommune"])}
    return {
        "typ": {value: str(label) for value, label in DokumentTyp.choices},
        "themenfeld": themenfelder,
        "kommune": kommunen,
    }


def page_context(auswahl, result, query_dict):
    ergebnis = result.ergebnis
    # A filter can leave no result while the other values of its facet still count.
    labels = _labels(ergebnis.facets) if any(ergebnis.facets.values()) else {}
    options = {
        param.name: [(value, labels[param.name].get(value, value)) for value in ergebnis.facets.get(param.name, {})]
        for param in FILTERS
    }
    facets = liste.shown(auswahl, FILTERS, options, ergebnis.facets, query_dict)
    themenfeld_titles = labels.get("themenfeld", {})
    treffer = [
        {
            "hit": hit,
            "typ_label": labels["typ"].get(hit.typ, hit.typ),
            "themenfelder": [themenfeld_titles.get(s, s) for s in hit.themenfelder],
        }
        for hit in ergebnis.treffer
    ]
    return {
        "query": result.query,
        "ergebnis": ergebnis,
        "treffer": treffer,
        "facets": [facet for facet in facets if facet.options],
        "vorschlag": result.vorschlag,
        "erweitert": result.erweitert,
        "teilweise": result.teilweise,
        "gefiltert": auswahl.has_filters(FILTERS),
    }


def api_payload(result):
    ergebnis = result.ergebnis
    return {
        "count": ergebnis.count,
        "results": [
            {
                "title": hit.title,
                "url": hit.url,
                "type": hit.typ,
                "snippet": str(hit.snippet),
                "themenfelder": hit.themenfelder,
            }
            for hit in ergebnis.treffer
        ],
        "facets": ergebnis.facets,
        "suggestion": result.vorschlag,
        "notice": str(result.hinweis),
    }
