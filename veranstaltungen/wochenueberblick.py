"""The next Veranstaltungen the member may see, as a section of the weekly digest (konto/wochenueberblick.py)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from konto import wochenueberblick
from konto.wochenueberblick import Abschnitt, Eintrag
from netzwerk_site import mail
from veranstaltungen.display import termin_text
from veranstaltungen.queries import naechste_veranstaltungen

ANZAHL = 3


@wochenueberblick.register(20)
def naechste_treffen(user, seit, bis):
    """The next ANZAHL Veranstaltungen from the day the digest is sent; a reminder, not news (neu=False)."""
    eintraege = [
        Eintrag(eintrag.page.title, mail.absolute_url(eintrag.page.url), termin_text(eintrag.termin))
        for eintrag in naechste_veranstaltungen(user, limit=ANZAHL, day=timezone.localdate(bis))
    ]
    return Abschnitt(_("Die nächsten Veranstaltungen"), eintraege, neu=False) if eintraege else None
