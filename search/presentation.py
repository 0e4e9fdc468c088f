"""Request parameters in, template context and JSON out, for the search views."""

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from netzwerk_site.models import Kommune, Themenfeld
from search.analysis import clean
from search.choices import DokumentTyp

MAX_QUERY_LENGTH = 5_000
FILTERS = ("typ", "themenfeld", "kommune")


def parse_int(value, default, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return max(low, min(high, number))


def _slug(value):
    value = clean(value or "").strip()[:80]
    return value if value.replace("-", "").isalnum() and value.isascii() else ""


def parse(query_dict):
    """Search parameters from GET; anything malformed becomes empty instead of an error."""
    typ = query_dict.get("typ", "")
    return {
        "q": clean(query_dict.get("q", ""))[:MAX_QUERY_LENGTH],
        "typ": typ if typ in DokumentTyp.values else "",
        "themenfeld": _slug(query_dict.get("themenfeld")),
        "kommune": _slug(query_dict.get("kommune")),
        "seite": parse_int(query_dict.get("seite"), default=1, low=1, high=10_000),
    }


def querystring(params, without=None, **changes):
    values = {**params, **changes}
    return urlencode([(k, v) for k, v in values.items() if k != without and k != "seite" and v])


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


def page_context(params, result):
    ergebnis = result.ergebnis
    labels = _labels(ergebnis.facets) if ergebnis.count else {}
    titles = {"typ": _("Art"), "themenfeld": _("Themenfeld"), "kommune": _("Kommune")}
    facets = []
    for name in FILTERS:
        options = [
            {
                "label": labels[name].get(value, value),
                "count": count,
                "selected": params[name] == value,
                "querystring": querystring(params, **{name: "" if params[name] == value else value}),
            }
            for value, count in ergebnis.facets.get(name, {}).items()
        ]
        if options:
            facets.append({"name": name, "title": titles[name], "options": options})
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
        "params": params,
        "query": result.query,
        "ergebnis": ergebnis,
        "treffer": treffer,
        "facets": facets,
        "vorschlag": result.vorschlag,
        "vorschlag_querystring": querystring(params, q=result.vorschlag) if result.vorschlag else "",
        "erweitert": result.erweitert,
        "teilweise": result.teilweise,
        "gefiltert": any(params[name] for name in FILTERS),
        "ohne_filter_querystring": querystring({"q": params["q"]}),
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
    }
