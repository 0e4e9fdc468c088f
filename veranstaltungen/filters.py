"""The declared URL parameters of the Veranstaltungen pages; unknown values become notices."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerk_site import facets
from netzwerk_site.auswahl import Facet, Param
from veranstaltungen.choices import Ansicht, Art


def _narrow_art(queryset, values):
    return queryset.filter(art__in=values)


FACETS = (
    facets.themenfeld(unknown=gettext_lazy("Das Themenfeld „%(value)s“ gibt es nicht; der Filter wurde ignoriert.")),
    Facet(
        "art",
        gettext_lazy("Art der Veranstaltung"),
        multiple=True,
        kind="choice",
        choices=tuple(Art.choices),
        unknown=gettext_lazy("Die Art „%(value)s“ gibt es nicht; der Filter wurde ignoriert."),
        narrow=_narrow_art,
    ),
)
SPEC = (
    *FACETS,
    Param(
        "ansicht",
        kind="choice",
        choices=tuple(Ansicht.choices),
        unknown=gettext_lazy("Die Ansicht „%(value)s“ gibt es nicht; Sie sehen die Liste."),
    ),
    Param("monat", kind="text", max_length=20),
)


def monat(auswahl, today):
    """(first day of the chosen month, notices); the current month where none or a wrong one is given."""
    this_month = today.replace(day=1)
    value = auswahl.get("monat")
    if not value:
        return this_month, []
    try:
        month = datetime.datetime.strptime(value[:7], "%Y-%m").date()
    except ValueError:
        notice = _("Der Monat „%(value)s“ ist ungültig; Sie sehen den aktuellen Monat.") % {"value": value}
        return this_month, [notice]
    if not 2000 <= month.year <= 2100:
        notice = _("Der Monat „%(value)s“ liegt außerhalb des Kalenders; Sie sehen den aktuellen Monat.") % {
            "value": value
        }
        return this_month, [notice]
    return month, []
