from functools import cache

from diskussionen.choices import Stand
from diskussionen.models import Diskussion
from konto.roles import is_land_member


def offene_fragen_zahl(user):
    """How many open questions to the Land are assigned to the Land member's Organisation; 0 for everyone else."""
    if not is_land_member(user) or not user.organisation_id:
        return 0
    return Diskussion.objects.filter(
        is_frage_an_land=True, stand=Stand.OFFEN, zugewiesen_an_id=user.organisation_id
    ).count()


def fragen(request):
    """The header's count of open questions for the Land member's Stelle (diskussionen/includes/kopf_fragen.html).

    offene_fragen_an_ihre_stelle is a callable the template calls on first use: a page that does not show the
    link costs no query, a Land member's page one COUNT, anyone else's none. It is not cached across requests, so
    an assignment or an answer shows on the next page without any invalidation.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_land_member": False, "offene_fragen_an_ihre_stelle": 0}
    return {
        "is_land_member": is_land_member(user),
        "offene_fragen_an_ihre_stelle": cache(lambda: offene_fragen_zahl(user)),
    }
