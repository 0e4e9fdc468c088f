"""Sections that feature apps add to places they do not own, registered as Wagtail hooks.

The core knows no feature app: a page that renders `{% sections "seite" page %}` (home, Themenfeld,
Handlungsfeld, Praxisbeispiel, Veranstaltung), the member's overview that renders
`{% sections "konto" mitglied %}` or the public Umsetzung list that renders `{% sections "umsetzung" None %}`
asks every function registered for that place for a section.
A function returns a Section where it has something to show, and None everywhere else:

    @sections.register("seite")
    def neueste_praxisbeispiele(request, page):
        if not isinstance(page, HomePage):
            return None
        return Section("praxisbeispiele/sections/startseite.html", {"neueste_praxisbeispiele": ...}, order=10)
"""

from dataclasses import dataclass, field

from wagtail import hooks

PLACES = ("seite", "konto", "umsetzung")
# Places whose functions take a list of objects and return {obj.pk: Section}, one query for all of them:
# "handlungsfeld" asks for what each Handlungsfeld of a Themenfeld page (or the one Handlungsfeld page) links.
EACH_PLACES = ("handlungsfeld",)


@dataclass(frozen=True)
class Section:
    """A template and its context, shown in another app's place; lower order comes first."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def _hook_name(place):
    if place not in PLACES + EACH_PLACES:
        known = ", ".join(PLACES + EACH_PLACES)
        raise ValueError(f"Unknown place for sections: {place!r}; known: {known}.")
    return f"netzwerk_sections_{place}"


def register(place):
    """Decorator: offer a section for place; the function takes (request, obj) and returns a Section or None."""
    return hooks.register(_hook_name(place))


def collect(place, request, obj):
    """The sections every app offers for obj in place, in order."""
    offered = (function(request, obj) for function in hooks.get_hooks(_hook_name(place)))
    return sorted((section for section in offered if section is not None), key=lambda section: section.order)


def collect_each(place, request, objs):
    """{obj.pk: [Section, …]} for every obj, each function asked once for all of them."""
    collected = {obj.pk: [] for obj in objs}
    for function in hooks.get_hooks(_hook_name(place)):
        for pk, section in function(request, objs).items():
            collected[pk].append(section)
    return {pk: sorted(found, key=lambda section: section.order) for pk, found in collected.items()}
