"""konto's handlers for the core's events (netzwerk_site.ereignisse): barrier reports reach the Redaktion."""

from django.urls import reverse
from django.utils.translation import gettext as _

from konto.benachrichtigungen import benachrichtigen
from konto.choices import Benachrichtigungsart
from konto.roles import redaktion_users
from netzwerk_site import ereignisse, mail

GRUND = _("Sie erhalten diese Nachricht, weil Sie zur Redaktion gehören, die Barrieremeldungen beantwortet.")


def barriere_gemeldet(meldung, frist):
    """Tell the Redaktion of a new barrier report and its answer deadline; returns the members notified."""
    return _barriere(meldung, frist, Benachrichtigungsart.BARRIERE_GEMELDET, "barriere_gemeldet", None)


def barriere_erinnerung(meldung, frist, schluessel):
    """Remind the Redaktion that the answer deadline of an open barrier report is near."""
    return _barriere(meldung, frist, Benachrichtigungsart.BARRIERE_ERINNERUNG, "barriere_erinnerung", schluessel)


def _barriere(meldung, frist, art, name, schluessel):
    template = f"konto/mail/{name}"
    url = reverse("wagtailsnippets_netzwerk_site_barrieremeldung:edit", args=(meldung.pk,))
    context = {"meldung": meldung, "frist": frist, "bearbeiten_url": mail.absolute_url(url)}
    return benachrichtigen(
        redaktion_users(),
        art,
        betreff=mail.render_subject(template, context),
        template=template,
        context=context,
        url=url,
        grund=GRUND,
        schluessel=schluessel,
    )


def connect():
    ereignisse.register("barriere_gemeldet", barriere_gemeldet)
    ereignisse.register("barriere_erinnerung", barriere_erinnerung)
