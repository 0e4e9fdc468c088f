"""Reminders of Fragen an das Land with a due date (faellig_am), sent by `manage.py erinnerungen_senden`.

Three working days (Monday to Friday; public holidays count as working days, as in antwortzeiten.py) before the
due date, and once it has passed, the members of the assigned Land Organisation and the Redaktion are told. The
function registers itself with the periodic command when diskussionen/apps.py imports this module. The
schluessel of each reminder makes a second run, or a run on the next day, send nothing again; a run missed on
the day itself still sends the reminder on the next run while it applies.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils.formats import date_format
from django.utils.translation import gettext

from diskussionen.choices import Stand
from diskussionen.models import Diskussion
from konto.benachrichtigungen import benachrichtigen
from konto.choices import Benachrichtigungsart
from konto.roles import redaktion_users
from netzwerk_site import erinnerungen

VORLAUF_ARBEITSTAGE = 3
SAMSTAG = 5


def arbeitstage_vor(tag, anzahl):
    """The date anzahl working days (Monday to Friday) before tag."""
    while anzahl:
        tag -= timedelta(days=1)
        if tag.weekday() < SAMSTAG:
            anzahl -= 1
    return tag


@erinnerungen.register
def frage_erinnern(today):
    """Send the due reminders of open, assigned Fragen an das Land; returns how many members were notified."""
    fragen = Diskussion.objects.filter(
        is_frage_an_land=True,
        stand=Stand.OFFEN,
        beantwortet_am__isnull=True,
        zugewiesen_an__isnull=False,
        faellig_am__isnull=False,
    ).select_related("zugewiesen_an")
    redaktion = list(redaktion_users())
    gesendet = 0
    for frage in fragen:
        if frage.faellig_am < today:
            gesendet += _erinnern(frage, redaktion, "ueberfaellig", Benachrichtigungsart.FRAGE_UEBERFAELLIG)
        elif arbeitstage_vor(frage.faellig_am, VORLAUF_ARBEITSTAGE) <= today:
            gesendet += _erinnern(frage, redaktion, "vorher", Benachrichtigungsart.FRAGE_ERINNERUNG)
    return gesendet


def _erinnern(frage, redaktion, anlass, art):
    faellig = date_format(frage.faellig_am, "DATE_FORMAT")
    stelle = frage.zugewiesen_an
    if anlass == "vorher":
        betreff = gettext("Erinnerung: Frage an das Land fällig am %(datum)s") % {"datum": faellig}
        text = gettext(
            "Die Frage „%(titel)s“ an %(stelle)s soll bis zum %(datum)s beantwortet sein. "
            "Bitte antworten Sie im Portal oder stimmen Sie eine neue Frist mit der Redaktion ab."
        )
    else:
        betreff = gettext("Überfällig: Frage an das Land seit dem %(datum)s fällig") % {"datum": faellig}
        text = gettext(
            "Die Frage „%(titel)s“ an %(stelle)s sollte bis zum %(datum)s beantwortet sein und ist noch offen. "
            "Bitte antworten Sie im Portal oder stimmen Sie eine neue Frist mit der Redaktion ab."
        )
    text = text % {"titel": frage.title, "stelle": stelle, "datum": faellig}
    schluessel = f"frage:{frage.pk}:{anlass}"
    mitglieder = list(get_user_model().objects.filter(organisation=stelle, is_active=True).order_by("pk"))
    gesendet = 0
    for empfaenger, grund in (
        (mitglieder, gettext("Die Frage ist Ihrer Stelle %(stelle)s zugewiesen.") % {"stelle": stelle}),
        (redaktion, gettext("Sie gehören zur Redaktion, die die Fristen der Fragen an das Land im Blick hält.")),
    ):
        gesendet += len(
            benachrichtigen(
                empfaenger,
                art,
                betreff=betreff,
                template="konto/mail/benachrichtigung",
                context={},
                url=frage.get_absolute_url(),
                grund=grund,
                schluessel=schluessel,
                text=text,
            )
        )
    return gesendet
