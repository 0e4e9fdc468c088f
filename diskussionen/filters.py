"""The declared URL parameters of the Diskussionen list."""

from django.utils.translation import gettext_lazy as _

from diskussionen.choices import Stand
from netzwerk_site import facets
from netzwerk_site.auswahl import Facet

UNBEKANNT = _("Der gewählte Filter ist unbekannt. Es werden alle Diskussionen gezeigt.")


def _narrow_stand(queryset, values):
    return queryset.filter(stand__in=values)


FACETS = (
    facets.themenfeld("themenfeld", multiple=False, unknown=UNBEKANNT),
    Facet("stand", _("Stand"), kind="choice", choices=tuple(Stand.choices), unknown=UNBEKANNT, narrow=_narrow_stand),
)
