"""Questions the Land answered, as a section of the weekly digest (konto/wochenueberblick.py)."""

from django.utils.translation import gettext as _

from diskussionen.models import Diskussion
from konto import wochenueberblick
from konto.roles import is_member
from konto.wochenueberblick import Abschnitt, Eintrag
from netzwerk_site import mail

HOECHSTENS = 10


@wochenueberblick.register(30)
def beantwortete_fragen(user, seit, bis):
    """Fragen an das Land answered in [seit, bis), newest answer first; the forum is for members only."""
    if not is_member(user):
        return None
    fragen = (
        Diskussion.objects.filter(is_frage_an_land=True, beantwortet_am__gte=seit, beantwortet_am__lt=bis)
        .select_related("zugewiesen_an")
        .order_by("-beantwortet_am", "pk")[:HOECHSTENS]
    )
    eintraege = [Eintrag(frage.title, mail.absolute_url(frage.get_absolute_url()), _zeile(frage)) for frage in fragen]
    return Abschnitt(_("Vom Land beantwortete Fragen"), eintraege) if eintraege else None


def _zeile(frage):
    if frage.zugewiesen_an is None:
        return _("Antwort des Landes")
    return _("Antwort von %(stelle)s") % {"stelle": frage.zugewiesen_an}
