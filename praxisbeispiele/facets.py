"""Filters of the Praxisbeispiel library: parsing the URL, filtering, and counts per option.

Within one facet the chosen options combine with OR, across facets with AND.
Each facet's counts apply every other facet's filter but not its own
(disjunctive faceting), so a count says how many results ticking that option gives.
Every facet costs one query for its options and one for its counts, whatever the data size.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from netzwerk_site.choices import KommuneArt
from netzwerk_site.models import Kommune, Themenfeld, Zielgruppe
from praxisbeispiele.choices import PraxisEbene, Sortierung
from praxisbeispiele.models import Foerderung, PraxisbeispielPage


@dataclass
class Option:
    value: str
    label: str
    selected: bool = False
    count: int = 0


@dataclass
class Facet:
    """One filter dimension: URL parameter, label and how it narrows the queryset."""

    param: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [o for o in self.options if o.selected]

    @property
    def visible_options(self):
        """Options worth offering: those with results, and those already ticked."""
        return [o for o in self.options if o.count or o.selected]


class M2MFacet:
    """A facet over a ParentalManyToManyField of PraxisbeispielPage, keyed by slug."""

    def __init__(self, param, label, field_name, queryset):
        self.param, self.label, self.field_name, self.queryset = param, label, field_name, queryset

    @property
    def through(self):
        return getattr(PraxisbeispielPage, self.field_name).through

    @property
    def target_column(self):
        related = getattr(PraxisbeispielPage, self.field_name).field.related_model
        return f"{related._meta.model_name}_id"

    def load(self):
        """Options in display order as (value, label, pk)."""
        return [(obj.slug, self.label_of(obj), obj.pk) for obj in self.queryset()]

    @staticmethod
    def label_of(obj):
        return str(obj)

    def ids_for(self, options, values):
        return [pk for value, _, pk in options if value in values]

    def narrow(self, queryset, ids):
        pages = self.through.objects.filter(**{f"{self.target_column}__in": ids}).values("praxisbeispielpage_id")
        return queryset.filter(pk__in=pages)

    def count(self, queryset, options):
        rows = (
            self.through.objects.filter(praxisbeispielpage_id__in=queryset.values("pk"))
            .values(self.target_column)
            .annotate(n=Count("praxisbeispielpage_id", distinct=True))
        )
        by_pk = {row[self.target_column]: row["n"] for row in rows}
        return {value: by_pk.get(pk, 0) for value, _, pk in options}


class KommuneFacet(M2MFacet):
    """The 36 Landkreise and kreisfreie Städte; a Landkreis includes its municipalities."""

    def __init__(self):
        super().__init__("kommune", _("Kommune"), "kommunen", None)

    def load(self):
        kommunen = list(Kommune.objects.order_by("name", "art").values("pk", "slug", "name", "art", "landkreis_id"))
        self.members = {}
        for k in kommunen:
            self.members.setdefault(k["landkreis_id"] or k["pk"], set()).add(k["pk"])
        return [
            (k["slug"], _kommune_label(k), k["pk"])
            for k in kommunen
            if k["art"] in (KommuneArt.LANDKREIS, KommuneArt.KREISFREIE_STADT)
        ]

    def ids_for(self, options, values):
        return [member for value, _, pk in options if value in values for member in self.members[pk]]

    def count(self, queryset, options):
        rows = self.through.objects.filter(praxisbeispielpage_id__in=queryset.values("pk")).values_list(
            "kommune_id", "kommune__landkreis_id", "praxisbeispielpage_id"
        )
        counts = Counter({(landkreis_id or kommune_id, page_id) for kommune_id, landkreis_id, page_id in rows})
        per_kommune = Counter(kommune_id for kommune_id, _ in counts)
        return {value: per_kommune.get(pk, 0) for value, _, pk in options}


def _kommune_label(row):
    return Kommune(name=row["name"], art=row["art"]).display_name


class EbeneFacet:
    param, label = "ebene", _("Ebene")

    def load(self):
        return [(value, str(label), value) for value, label in PraxisEbene.choices]

    def ids_for(self, options, values):
        return [value for value, _, _ in options if value in values]

    def narrow(self, queryset, ids):
        return queryset.filter(ebene__in=ids)

    def count(self, queryset, options):
        rows = dict(queryset.order_by().values_list("ebene").annotate(n=Count("pk")))
        return {value: rows.get(value, 0) for value, _, _ in options}


def facet_definitions():
    return [
        M2MFacet("themenfeld", _("Themenfeld"), "themenfelder", lambda: Themenfeld.objects.order_by("order")),
        KommuneFacet(),
        M2MFacet("zielgruppe", _("Zielgruppe"), "zielgruppen", lambda: Zielgruppe.objects.order_by("name")),
        M2MFacet("foerderung", _("Förderung"), "foerderungen", lambda: Foerderung.objects.order_by("pk")),
        EbeneFacet(),
    ]


@dataclass
class Auswahl:
    """The parsed state of the library's URL."""

    query: str = ""
    sort: str = ""
    page: str = "1"
    facets: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    # param -> (definition, options) for every facet, and -> (definition, ids) for the active ones
    sources: dict = field(default_factory=dict)
    narrowers: dict = field(default_factory=dict)

    @property
    def has_filters(self):
        return bool(self.narrowers)

    def querystring(self, **overrides):
        """The current state as URL parameters, for sorting, pagination and export links."""
        params = [(f.param, o.value) for f in self.facets for o in f.selected]
        values = {"q": self.query, "sortierung": self.sort, **overrides}
        params += [(key, value) for key, value in values.items() if value]
        return params


MAX_QUERY_LENGTH = 200


def parse(querydict):
    """Read filters, query, sorting and page from the URL; unknown values become notices."""
    auswahl = Auswahl(query=" ".join(querydict.get("q", "").split())[:MAX_QUERY_LENGTH])
    definitions = facet_definitions()
    for definition in definitions:
        options = definition.load()
        known = {value for value, _, _ in options}
        values = [v for v in querydict.getlist(definition.param) if v]
        for unknown in sorted(set(values) - known):
            auswahl.notices.append(
                _("Der Filterwert „%(value)s“ für %(facet)s ist unbekannt und wurde ignoriert.")
                % {"value": unknown[:60], "facet": definition.label}
            )
        chosen = set(values) & known
        if chosen:
            auswahl.narrowers[definition.param] = (definition, definition.ids_for(options, chosen))
        auswahl.sources[definition.param] = (definition, options)
        auswahl.facets.append(
            Facet(definition.param, definition.label, [Option(v, label, v in chosen) for v, label, _ in options])
        )
    sort = querydict.get("sortierung", "")
    if sort and sort not in Sortierung.values:
        auswahl.notices.append(
            _("Die Sortierung „%(value)s“ gibt es nicht; es gilt die Standardsortierung.") % {"value": sort[:60]}
        )
        sort = ""
    auswahl.sort = sort
    auswahl.page = querydict.get("seite", "1")
    return auswahl


def narrow(queryset, auswahl, skip=None):
    for param, (definition, ids) in auswahl.narrowers.items():
        if param != skip:
            queryset = definition.narrow(queryset, ids)
    return queryset


def count_facets(base, auswahl):
    """Fill every option's count with the results that ticking it would give."""
    for facet in auswahl.facets:
        definition, options = auswahl.sources[facet.param]
        counts = definition.count(narrow(base, auswahl, skip=facet.param), options)
        for option in facet.options:
            option.count = counts[option.value]


def loosening_hints(base, auswahl):
    """For an empty result: how many results each active filter would give if removed."""
    hints = []
    for facet in auswahl.facets:
        if facet.param in auswahl.narrowers:
            count = narrow(base, auswahl, skip=facet.param).count()
            labels = ", ".join(o.label for o in facet.selected)
            hints.append((facet, labels, count))
    return hints
