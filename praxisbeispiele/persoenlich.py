"""The Praxisbeispiel's personal parts (netzwerk_site/persoenlich.py): the viewer's Kommune's adoption form and
the submitter's right to withdraw the contact person."""

from django.template.loader import render_to_string

from netzwerk_site import persoenlich
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme
from praxisbeispiele.permissions import may_record_uebernahme
from praxisbeispiele.uebernahmen import UebernahmeForm

UEBERNAHME = "praxisbeispiele/includes/uebernahme_teil.html"
KONTAKT_WIDERRUFEN = "praxisbeispiele/includes/kontakt_widerrufen.html"


def _pages(stellen):
    return persoenlich.objects(PraxisbeispielPage.objects, stellen, "praxisbeispiel")


@persoenlich.register("uebernahme", template=UEBERNAHME)
def uebernahme(request, stellen):
    """The adoption form of the viewer's Kommune, prefilled with its adoption; nothing for anyone else.

    The form is the same for every member of one Kommune, so it is shared between them until the next change.
    """

    def render(stellen):
        parts = []
        for page in _pages(stellen):
            context = {"page": page}
            if may_record_uebernahme(request.user, page):
                own = Uebernahme.objects.filter(praxisbeispiel=page, kommune_id=request.user.kommune_id).first()
                context.update(uebernahme_form=UebernahmeForm(instance=own), eigene_uebernahme=own)
            parts.append(persoenlich.teil(request, UEBERNAHME, context))
        return parts

    return persoenlich.geteilt(request, f"kommune={request.user.kommune_id}", "uebernahme", stellen, render)


@persoenlich.register("kontakt_widerrufen", template=KONTAKT_WIDERRUFEN)
def kontakt_widerrufen(request, stellen):
    """The button that withdraws the contact person's consent, for Redaktion and the submitter."""
    return [render_to_string(KONTAKT_WIDERRUFEN, {"page": page}, request=request) for page in _pages(stellen)]
