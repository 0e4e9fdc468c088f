"""One list pipeline: parse the URL into a selection, load options, filter, count, paginate.

`parse` reads a QueryDict by declared parameters and needs no database: values that cannot be
right (wrong shape, not among fixed choices) are dropped there. Options stored in the database
(Themenfelder, Kommunen) are loaded afterwards by `load`, which drops unknown slugs. Every dropped
value becomes a German notice; nothing here raises on odd input.

Within one facet the chosen options combine with OR, across facets with AND. `count` gives each
facet's counts under every other facet's filter but not its own (disjunctive faceting), and
returns them instead of writing into the selection.

Every URL parameter a view reads is declared: `parse` declares its spec, a view reading one alone calls
`declare`. The page cache stores an answer only if its URL holds declared parameters alone (`recording`),
so made-up query strings cannot fill it.
"""

import contextlib
import contextvars
import dataclasses
from collections.abc import Callable

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.db.models import QuerySet, Value
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

UNKNOWN = gettext_lazy("Der Filterwert „%(value)s“ für %(label)s ist unbekannt und wurde ignoriert.")
MAX_NOTICE_VALUE = 60
PAGE_PARAM = "seite"

_declared = contextvars.ContextVar("auswahl_declared", default=None)


def declare(*names):
    """Note that the answer being made depends on these URL parameters."""
    declared = _declared.get()
    if declared is not None:
        declared.update(names)


@contextlib.contextmanager
def recording():
    """Collects the names declared while the block runs, in the set it yields."""
    declared = set()
    token = _declared.set(declared)
    try:
        yield declared
    finally:
        _declared.reset(token)


@dataclasses.dataclass(frozen=True)
class Param:
    """One URL parameter: its name, whether it repeats, and which values can be right without a database.

    kind "slug" accepts slug-shaped values (checked against the database by `load` if a Facet),
    "choice" only the values of choices ((value, label) pairs), "text" any text with whitespace collapsed.
    """

    name: str
    label: str = ""
    multiple: bool = False
    kind: str = "slug"
    choices: tuple = ()
    max_length: int = 80
    unknown: str = UNKNOWN

    def notice(self, value):
        return self.unknown % {"value": value[:MAX_NOTICE_VALUE], "label": self.label}

    def accepts(self, value):
        if self.kind == "choice":
            return value in dict(self.choices)
        if self.kind == "slug":
            return bool(slug_re.fullmatch(value))
        return True


@dataclasses.dataclass(frozen=True)
class Facet(Param):
    """A Param that filters a list by a vocabulary.

    load() returns the options as (value, label) pairs in display order (static choices need none),
    narrow(queryset, values) filters by the chosen values, count(queryset, values) maps each option
    value to the number of rows in queryset that carry it.
    """

    load: Callable | None = None
    narrow: Callable | None = None
    count: Callable | None = None

    def options(self):
        return list(self.load()) if self.load else list(self.choices)


@dataclasses.dataclass(frozen=True)
class Auswahl:
    """The parsed state of a list's URL: chosen values per parameter, raw page, notices in parameter order."""

    values: tuple = ()  # (name, (value, ...)) per declared parameter, in declaration order
    seite: str = "1"
    notes: tuple = ()  # (parameter position, text)

    def getlist(self, name):
        return dict(self.values).get(name, ())

    def get(self, name, default=""):
        chosen = self.getlist(name)
        return chosen[0] if chosen else default

    @property
    def notices(self):
        return list(dict.fromkeys(text for _, text in sorted(self.notes, key=lambda note: note[0])))

    def has_filters(self, facets):
        return any(self.getlist(facet.name) for facet in facets)

    def querydict(self):
        """The chosen values in declared order, without the page: for {% querystring %} in links keeping the selection."""
        query = QueryDict(mutable=True)
        for name, chosen in self.values:
            if chosen:
                query.setlist(name, list(chosen))
        return query

    def keep(self, param, known):
        """A copy keeping only the values of param that are in known; the others become notices."""
        names = [name for name, _ in self.values]
        chosen = self.getlist(param.name)
        notes = [(names.index(param.name), param.notice(v)) for v in chosen if v not in known]
        kept = tuple(v for v in chosen if v in known)
        values = tuple((name, kept if name == param.name else vs) for name, vs in self.values)
        return dataclasses.replace(self, values=values, notes=self.notes + tuple(notes))


def parse(querydict, spec):
    """An Auswahl from a QueryDict for the parameters in spec; needs no database and never raises."""
    declare(PAGE_PARAM, *(param.name for param in spec))
    values, notes = [], []
    for position, param in enumerate(spec):
        raw = querydict.getlist(param.name) if param.multiple else querydict.getlist(param.name)[:1]
        chosen = []
        for value in raw:
            if param.kind == "text":
                value = " ".join(value.split())[: param.max_length]
            if not value or value in chosen:
                continue
            if len(value) <= param.max_length and param.accepts(value):
                chosen.append(value)
            else:
                notes.append((position, param.notice(value)))
        values.append((param.name, tuple(chosen)))
    seite = querydict.get(PAGE_PARAM, "1")[:20] or "1"
    return Auswahl(values=tuple(values), seite=seite, notes=tuple(notes))


def load(auswahl, facets):
    """(auswahl without unknown values, {param: [(value, label), ...]}): one query per stored vocabulary."""
    options = {}
    for facet in facets:
        options[facet.name] = facet.options()
        auswahl = auswahl.keep(facet, {value for value, _ in options[facet.name]})
    return auswahl, options


def narrow(queryset, auswahl, facets, skip=None):
    """queryset under every chosen facet value, except the facet named skip."""
    for facet in facets:
        chosen = auswahl.getlist(facet.name)
        if chosen and facet.name != skip:
            queryset = facet.narrow(queryset, chosen)
    return queryset


def count(base, auswahl, facets, options):
    """{param: {value: count}}: how many results ticking each option would give.

    A facet's count gives a mapping, or a queryset of rows with key and n: those of every facet are
    asked for in one UNION ALL query, one branch per facet, so the number of queries stays the same
    whatever the selection and the size of the list.
    """
    per_facet, branches = {}, []
    for position, facet in enumerate(facets):
        counted = facet.count(narrow(base, auswahl, facets, skip=facet.name), options[facet.name])
        if isinstance(counted, QuerySet):
            per_facet[facet.name] = {}
            branches.append(counted.annotate(facet=Value(position)).values_list("facet", "key", "n"))
        else:
            per_facet[facet.name] = counted
    if branches:
        for position, key, n in branches[0].union(*branches[1:], all=True):
            per_facet[facets[position].name][key] = n
    return {
        facet.name: {value: per_facet[facet.name].get(value, 0) for value, _ in options[facet.name]} for facet in facets
    }


@dataclasses.dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool
    count: int | None
    query: object  # the QueryDict for {% querystring %} that switches this option on or off


@dataclasses.dataclass(frozen=True)
class Shown:
    """A facet as a template shows it."""

    param: str
    label: str
    options: tuple

    @property
    def selected(self):
        return [o for o in self.options if o.selected]

    @property
    def visible_options(self):
        """Options worth offering: those with results, and those already ticked."""
        return [o for o in self.options if o.count or o.selected]


def shown(auswahl, facets, options, counts, querydict):
    """Each facet with its options, whether chosen, their counts and their links."""
    return [
        Shown(
            facet.name,
            facet.label,
            tuple(
                Option(
                    value,
                    label,
                    value in auswahl.getlist(facet.name),
                    counts.get(facet.name, {}).get(value),
                    toggle(querydict, facet, value),
                )
                for value, label in options[facet.name]
            ),
        )
        for facet in facets
    ]


def toggle(querydict, param, value):
    """querydict with value of param switched on or off and no page, for {% querystring %} in facet links.

    A single-valued param switched on replaces its former value.
    """
    params = querydict.copy()
    chosen = params.getlist(param.name)
    if value in chosen:
        params.setlist(param.name, [v for v in chosen if v != value])
    else:
        params.setlist(param.name, [*chosen, value] if param.multiple else [value])
    params.pop("seite", None)
    return params


LAST = "last"


def paginate(items, seite, per_page, anzahl=None):
    """(page, notices): page number seite of items (or LAST), or the nearest valid page with a notice saying which.

    anzahl: how many items there are, when the caller knows it already (kept with netzwerk_site.inhaltsstand).
    """
    paginator = Paginator(items, per_page)
    if anzahl is not None:
        paginator.count = anzahl  # Paginator.count is a cached_property: set, it is not asked again
    if seite == LAST:
        return paginator.page(paginator.num_pages), []
    try:
        number = int(seite)
    except (TypeError, ValueError):
        notice = _("Die Seitenzahl „%(value)s“ ist ungültig; Sie sehen Seite 1.") % {"value": str(seite)[:20]}
        return paginator.page(1), [notice]
    if number < 1:
        return paginator.page(1), [_("Seiten beginnen bei 1; Sie sehen Seite 1.")]
    if number > paginator.num_pages:
        notice = ngettext(
            "Es gibt nur %(count)s Seite; Sie sehen sie.",
            "Es gibt nur %(count)s Seiten; Sie sehen die letzte.",
            paginator.num_pages,
        ) % {"count": paginator.num_pages}
        return paginator.page(paginator.num_pages), [notice]
    return paginator.page(number), []
