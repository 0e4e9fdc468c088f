"""What the Praxisbeispiele add to the member's overview: what her Kommune has taken up ("Übernommen in").

Kept apart from sections.py, which serves the public pages; registered in apps.py.
"""

from konto.roles import is_member
from konto.uebersicht import ausschnitt
from netzwerk_site import sections
from netzwerk_site.sections import Section
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme


def uebernahmen_der_kommune(kommune_id):
    """Her Kommune's adoptions of published Praxisbeispiele, most recently changed first."""
    return (
        Uebernahme.objects.filter(
            kommune_id=kommune_id, praxisbeispiel__in=PraxisbeispielPage.objects.published().values("pk")
        )
        .select_related("praxisbeispiel")
        .order_by("-updated_at", "-pk")
    )


@sections.register("konto")
def uebernahmen_section(request, user):
    """Only for members who speak for a Kommune; Land members record no adoptions."""
    if not is_member(user) or not user.kommune_id:
        return None
    uebernahmen = ausschnitt(request, "uebernahmen", uebernahmen_der_kommune(user.kommune_id))
    return Section("praxisbeispiele/sections/konto_uebernahmen.html", {"uebernahmen": uebernahmen}, order=25)
