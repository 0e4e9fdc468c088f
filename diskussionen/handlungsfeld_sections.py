"""The Diskussionen on each Handlungsfeld, for members only."""

from django.utils.translation import gettext

from diskussionen.queries import diskussionen_fuer
from konto.roles import is_member
from netzwerk_site import sections
from netzwerk_site.sections import Section

PRO_HANDLUNGSFELD = 3


@sections.register("handlungsfeld")
def diskussionen_zu_handlungsfeldern(request, handlungsfelder):
    """{pk: Section} with the most recently active Diskussionen; one query, nothing for visitors."""
    if not is_member(request.user):
        return {}
    gefunden = {}
    pks = [handlungsfeld.pk for handlungsfeld in handlungsfelder]
    for diskussion in diskussionen_fuer(request.user).filter(handlungsfeld__in=pks):
        gefunden.setdefault(diskussion.handlungsfeld_id, []).append(diskussion)
    return {pk: _section(found) for pk, found in gefunden.items()}


def _section(diskussionen):
    eintraege = [
        {"title": diskussion.title, "url": diskussion.get_absolute_url()}
        for diskussion in diskussionen[:PRO_HANDLUNGSFELD]
    ]
    context = {"titel": gettext("Diskussionen"), "eintraege": eintraege, "anzahl": len(eintraege)}
    return Section("components/handlungsfeld_verweise.html", context, order=30)
