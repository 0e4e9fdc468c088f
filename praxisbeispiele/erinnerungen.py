"""Ask the submitter of a Praxisbeispiel not reviewed for 12 months "Ist das noch aktuell?" (pruefung.py's rule).

The mail carries a signed one-click link: it works without login, shows a button, and its POST sets
zuletzt_geprueft. A link is good for one due date only: once confirmed, the next due date is a year later.
"""

from datetime import date

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from konto.benachrichtigungen import benachrichtigen
from konto.choices import Benachrichtigungsart
from netzwerk_site import erinnerungen, mail
from praxisbeispiele import pruefung
from praxisbeispiele.models import PraxisbeispielPage

SALT = "praxisbeispiel-pruefung"
# A reminder's link stays valid this long; afterwards the Redaktion's work list still shows the page.
GUELTIG_TAGE = 90
TEMPLATE = "praxisbeispiele/mail/pruefung_faellig"


def faellig_seit(page):
    """The day page became due: 12 months after its last review, else after its first publication."""
    basis = page.zuletzt_geprueft or timezone.localdate(page.first_published_at)
    try:
        return basis.replace(year=basis.year + pruefung.REVIEW_MONTHS // 12)
    except ValueError:  # 29 February: the last day of February a year later
        return date(basis.year + 1, 2, 28)


@erinnerungen.register
def pruefung_erinnern(today=None):
    """Remind the submitter of each live Praxisbeispiel due for review; returns the pages reminded about.

    Pages without an active submitter mail nobody: the Redaktion's work list shows them. Each reminder carries
    schluessel "pruefung:<pk>:<due date>", so running this any number of times reminds once per due date.
    """
    pages = PraxisbeispielPage.objects.live().filter(pruefung.review_due_q(today)).select_related("eingereicht_von")
    erinnert = []
    for page in pages.order_by("pk"):
        if page.eingereicht_von is not None and _erinnern(page, faellig_seit(page)):
            erinnert.append(page)
    return erinnert


def _erinnern(page, faellig):
    bestaetigen = reverse("praxisbeispiele:pruefung_bestaetigen", args=(token(page, faellig),))
    context = {
        "page": page,
        "faellig_seit": faellig,
        "page_url": mail.absolute_url(page.url or "/"),
        "bestaetigen_url": mail.absolute_url(bestaetigen),
        "aendern_url": aendern_url(page),
    }
    return benachrichtigen(
        [page.eingereicht_von],
        Benachrichtigungsart.PRUEFUNG_FAELLIG,
        betreff=mail.render_subject(TEMPLATE, context),
        template=TEMPLATE,
        context=context,
        url=bestaetigen,
        grund=_("Sie erhalten diese Nachricht, weil Sie dieses Praxisbeispiel eingereicht haben."),
        schluessel=f"pruefung:{page.pk}:{faellig.isoformat()}",
    )


def aendern_url(page):
    """Where to propose changes to a published page: a mail to the Redaktion naming the page.

    The revision form (einreichung:bearbeiten) only opens while the Redaktion asks for changes in a workflow,
    so a published page's changes go to the Redaktion, which starts one if needed.
    """
    return f"mailto:{settings.REDAKTION_EMAIL}?subject=" + _("Änderung an „%(title)s“") % {"title": page.title}


def token(page, faellig):
    return signing.dumps({"p": page.pk, "f": faellig.isoformat()}, salt=SALT)


class UngueltigerLink(Exception):
    """The link was tampered with, has expired, or its due date was already confirmed; the message says why."""


def page_for(value):
    """The live page a confirmation link is for; raises UngueltigerLink."""
    try:
        data = signing.loads(value, salt=SALT, max_age=GUELTIG_TAGE * 24 * 60 * 60)
    except signing.SignatureExpired:
        raise UngueltigerLink(
            _("Dieser Link ist abgelaufen. Bitte schreiben Sie der Redaktion, ob das Praxisbeispiel noch aktuell ist.")
        ) from None
    except signing.BadSignature:
        raise UngueltigerLink(
            _(
                "Dieser Link ist ungültig. Bitte öffnen Sie den Link aus der E-Mail vollständig oder schreiben Sie der Redaktion."
            )
        ) from None
    page = PraxisbeispielPage.objects.live().filter(pk=data["p"]).first()
    if page is None:
        raise UngueltigerLink(_("Dieses Praxisbeispiel ist nicht mehr veröffentlicht. Sie müssen nichts weiter tun."))
    if faellig_seit(page).isoformat() != data["f"]:
        raise UngueltigerLink(
            _("Dieses Praxisbeispiel wurde bereits als aktuell bestätigt. Sie müssen nichts weiter tun.")
        )
    return page


def bestaetigen(page, today=None):
    """Record today as the day page was last reviewed: on the page row, without a revision (no content changed)."""
    today = today or timezone.localdate()
    PraxisbeispielPage.objects.filter(pk=page.pk).update(zuletzt_geprueft=today)
    page.zuletzt_geprueft = today
    return page
