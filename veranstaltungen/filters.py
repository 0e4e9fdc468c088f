"""Reads the filters of the Veranstaltungen pages from the URL; unknown values become notices."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.validators import slug_re
from django.utils.translation import gettext as _

from netzwerk_site.models import Themenfeld
from veranstaltungen.choices import Ansicht, Art


@dataclass
class Auswahl:
    themenfelder: list = field(default_factory=list)
    arten: list = field(default_factory=list)
    ansicht: str = Ansicht.LISTE
    monat: datetime.date | None = None
    seite: str = "1"
    notices: list = field(default_factory=list)

    @property
    def has_filters(self):
        return bool(self.themenfelder or self.arten)

    def querystring(self, **overrides):
        """URL parameters of the filters (without page), overrides replacing single keys."""
        params = [("themenfeld", t.slug) for t in self.themenfelder] + [("art", a) for a in self.arten]
        if self.ansicht == Ansicht.MONAT:
            params.append(("ansicht", Ansicht.MONAT))
            if self.monat:
                params.append(("monat", f"{self.monat:%Y-%m}"))
        params = [(k, v) for k, v in params if k not in overrides] + [(k, v) for k, v in overrides.items() if v]
        return urlencode(params)


def parse(params, today):
    """An Auswahl from a QueryDict; never raises on odd input."""
    auswahl = Auswahl(seite=params.get("seite", "1")[:20] or "1")
    slugs = [s[:80] for s in params.getlist("themenfeld") if s]
    # Only well-formed slugs reach the database: PostgreSQL refuses text with NUL bytes (a 500, not a notice).
    known = {t.slug: t for t in Themenfeld.objects.filter(slug__in=[s for s in slugs if slug_re.match(s)])}
    for slug in dict.fromkeys(slugs):
        if slug in known:
            auswahl.themenfelder.append(known[slug])
        else:
            auswahl.notices.append(
                _("Das Themenfeld „%(value)s“ gibt es nicht; der Filter wurde ignoriert.") % {"value": slug}
            )
    for value in dict.fromkeys(v[:40] for v in params.getlist("art") if v):
        if value in Art.values:
            auswahl.arten.append(value)
        else:
            auswahl.notices.append(
                _("Die Art „%(value)s“ gibt es nicht; der Filter wurde ignoriert.") % {"value": value}
            )
    ansicht = params.get("ansicht", Ansicht.LISTE)
    if ansicht not in Ansicht.values:
        auswahl.notices.append(
            _("Die Ansicht „%(value)s“ gibt es nicht; Sie sehen die Liste.") % {"value": ansicht[:20]}
        )
        ansicht = Ansicht.LISTE
    auswahl.ansicht = ansicht
    if ansicht == Ansicht.MONAT:
        auswahl.monat = _parse_month(params.get("monat", ""), today, auswahl.notices)
    return auswahl


def _parse_month(value, today, notices):
    this_month = today.replace(day=1)
    if not value:
        return this_month
    try:
        month = datetime.datetime.strptime(value[:7], "%Y-%m").date()
    except ValueError:
        notices.append(_("Der Monat „%(value)s“ ist ungültig; Sie sehen den aktuellen Monat.") % {"value": value[:20]})
        return this_month
    if not 2000 <= month.year <= 2100:
        notices.append(
            _("Der Monat „%(value)s“ liegt außerhalb des Kalenders; Sie sehen den aktuellen Monat.")
            % {"value": value[:20]}
        )
        return this_month
    return month
