"""Registration for Veranstaltungen: seats, deadline, waiting list, and the organisers' list.

Every change runs in one transaction that first locks the Veranstaltung row (SELECT ... FOR
UPDATE), so two members asking for the last seat at the same moment are served one after the
other and only one gets it. SQLite has no row locks but serialises writing transactions.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from konto.benachrichtigungen import benachrichtigen
from konto.choices import Benachrichtigungsart
from konto.roles import is_member
from netzwerk_site import csvexport, mail
from netzwerk_site.refusals import Refusal
from veranstaltungen import display, ical, recurrence
from veranstaltungen.choices import AnmeldungStatus, Status
from veranstaltungen.models import Anmeldung, VeranstaltungPage


class AnmeldungAbgelehnt(Refusal):
    """Registration is not possible in the event's current state; the message tells the member why and what to do."""

    status = 409


@dataclass
class Anmeldestand:
    plaetze: int | None
    bestaetigt: int
    warteliste: int

    @property
    def frei(self):
        return None if self.plaetze is None else max(self.plaetze - self.bestaetigt, 0)


def anmeldestand(page):
    counts = dict(
        Anmeldung.objects.filter(veranstaltung=page).values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return Anmeldestand(
        page.plaetze, counts.get(AnmeldungStatus.BESTAETIGT, 0), counts.get(AnmeldungStatus.WARTELISTE, 0)
    )


def eigene_anmeldung(page, user):
    if not user.is_authenticated:
        return None
    return Anmeldung.objects.filter(veranstaltung=page, user=user).first()


def lock_query(page_pk):
    return VeranstaltungPage.objects.select_for_update().only("pk", "plaetze", "warteliste").filter(pk=page_pk)


def locked(page_pk):
    """The Veranstaltung row, locked until the end of the surrounding transaction."""
    return lock_query(page_pk).get()


def check_open(page, user, now):
    if not is_member(user):
        raise AnmeldungAbgelehnt(
            _("Nur Mitglieder des Netzwerks können sich anmelden. Bitte melden Sie sich an."), status=403
        )
    if not page.live or not page.anmeldung_aktiv:
        raise AnmeldungAbgelehnt(_("Für diese Veranstaltung ist keine Anmeldung über das Portal möglich."))
    if page.is_cancelled:
        raise AnmeldungAbgelehnt(_("Diese Veranstaltung ist abgesagt; eine Anmeldung ist nicht mehr möglich."))
    if page.anmeldeschluss and now > page.anmeldeschluss:
        raise AnmeldungAbgelehnt(
            _("Der Anmeldeschluss war am %(datum)s. Bitte wenden Sie sich an den Veranstalter.")
            % {"datum": formats.date_format(timezone.localtime(page.anmeldeschluss), "DATETIME_FORMAT")}
        )


def anmelden(page, user, now=None):
    """Register user: a seat if one is free, else the waiting list; raises AnmeldungAbgelehnt."""
    check_open(page, user, now or timezone.now())
    try:
        with transaction.atomic():
            row = locked(page.pk)
            if Anmeldung.objects.filter(veranstaltung_id=row.pk, user=user).exists():
                raise AnmeldungAbgelehnt(_("Sie sind für diese Veranstaltung bereits angemeldet."))
            status = _status_for_new(row)
            return Anmeldung.objects.create(veranstaltung_id=row.pk, user=user, status=status)
    except IntegrityError:
        # The unique constraint is the last line against a double click in two tabs.
        raise AnmeldungAbgelehnt(_("Sie sind für diese Veranstaltung bereits angemeldet.")) from None


def _status_for_new(row):
    if row.plaetze is None:
        return AnmeldungStatus.BESTAETIGT
    taken = Anmeldung.objects.filter(veranstaltung_id=row.pk, status=AnmeldungStatus.BESTAETIGT).count()
    if taken < row.plaetze:
        return AnmeldungStatus.BESTAETIGT
    if row.warteliste:
        return AnmeldungStatus.WARTELISTE
    raise AnmeldungAbgelehnt(_("Alle Plätze sind vergeben und es gibt keine Warteliste."))


def abmelden(page, user):
    """Cancel user's registration; returns the Anmeldung that moved up from the waiting list, if any."""
    with transaction.atomic():
        row = locked(page.pk)
        anmeldung = Anmeldung.objects.filter(veranstaltung_id=row.pk, user=user).first()
        if anmeldung is None:
            raise AnmeldungAbgelehnt(_("Sie waren für diese Veranstaltung nicht angemeldet."))
        freed = anmeldung.status == AnmeldungStatus.BESTAETIGT
        anmeldung.delete()
        return _move_up(row) if freed else None


def _move_up(row):
    taken = Anmeldung.objects.filter(veranstaltung_id=row.pk, status=AnmeldungStatus.BESTAETIGT).count()
    if row.plaetze is not None and taken >= row.plaetze:
        return None
    first = (
        Anmeldung.objects.filter(veranstaltung_id=row.pk, status=AnmeldungStatus.WARTELISTE)
        .order_by("created_at", "pk")
        .first()
    )
    if first is not None:
        first.status = AnmeldungStatus.BESTAETIGT
        first.save(update_fields=["status"])
    return first


def teilnehmende(page):
    return (
        Anmeldung.objects.filter(veranstaltung=page)
        .select_related("user__kommune", "user__organisation")
        .order_by("status", "created_at", "pk")
    )


CSV_HEADER = ["Status", "Vorname", "Nachname", "E-Mail", "Kommune oder Organisation", "Angemeldet am"]


def write_csv(page, stream):
    """The list for organisers, written by netzwerk_site.csvexport (Excel-ready, formulas neutralised)."""
    rows = (
        [
            anmeldung.get_status_display(),
            anmeldung.user.first_name,
            anmeldung.user.last_name,
            anmeldung.user.email,
            str(anmeldung.user.zugehoerigkeit or ""),
            timezone.localtime(anmeldung.created_at).strftime("%d.%m.%Y %H:%M"),
        ]
        for anmeldung in teilnehmende(page)
    )
    csvexport.write(stream, CSV_HEADER, rows)


# Why each registration mail reaches the member (the footer of konto.benachrichtigen says where to change that).
GRUENDE = {
    "anmeldung": gettext_lazy("Sie erhalten diese Nachricht, weil Sie sich für diese Veranstaltung angemeldet haben."),
    "warteliste": gettext_lazy(
        "Sie erhalten diese Nachricht, weil Sie sich auf die Warteliste dieser Veranstaltung gesetzt haben."
    ),
    "nachgerueckt": gettext_lazy(
        "Sie erhalten diese Nachricht, weil Sie auf der Warteliste dieser Veranstaltung standen."
    ),
}


def bestaetige(anmeldung):
    """Tell the member her registration: a seat with the event as .ics, or her place on the waiting list."""
    template = "anmeldung" if anmeldung.status == AnmeldungStatus.BESTAETIGT else "warteliste"
    return _send(template, anmeldung, Benachrichtigungsart.ANMELDUNG)


def benachrichtige_nachgerueckt(anmeldung):
    """Tell the member who moved up from the waiting list; the mail goes after the commit, so only for a real seat."""
    return _send("nachgerueckt", anmeldung, Benachrichtigungsart.WARTELISTE_NACHGERUECKT)


def _send(name, anmeldung, art):
    """A portal row and (unless she opted out) a mail through konto.benachrichtigen; a seat brings the .ics."""
    page = anmeldung.veranstaltung
    template = f"veranstaltungen/mail/{name}"
    url = mail.absolute_url(page.url)
    context = {
        "page": page,
        "termin": _termin_text(page),
        # Cancelling is a form on the event page; the link leads to it.
        "abmelde_url": f"{url}#anmeldung",
    }
    attachments = []
    if anmeldung.status == AnmeldungStatus.BESTAETIGT:
        ics = ical.einzeltermin(page, url, anmeldung_status=AnmeldungStatus.BESTAETIGT)
        attachments.append((f"{page.slug}.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH"))
    return benachrichtigen(
        [anmeldung.user],
        art,
        betreff=mail.render_subject(template, context),
        template=template,
        context=context,
        url=page.url or "/",
        grund=GRUENDE[name],
        attachments=attachments,
    )


def benachrichtige_geaendert(page):
    """Tell every member registered for page (seat or waiting list) that it was moved or cancelled."""
    abgesagt = page.status == Status.ABGESAGT
    template = "veranstaltungen/mail/geaendert"
    context = {"page": page, "termin": _termin_text(page), "abgesagt": abgesagt}
    angemeldete = [
        anmeldung.user
        for anmeldung in Anmeldung.objects.filter(veranstaltung=page)
        .select_related("user")
        .order_by("created_at", "pk")
    ]
    return benachrichtigen(
        angemeldete,
        Benachrichtigungsart.VERANSTALTUNG_GEAENDERT,
        betreff=mail.render_subject(template, context),
        template=template,
        context=context,
        url=page.url or "/",
        grund=_("Sie erhalten diese Nachricht, weil Sie für diese Veranstaltung angemeldet sind."),
    )


def _termin_text(page):
    """The next date of the event or series, in the words of the event page."""
    termine = recurrence.termine(page, von=timezone.localdate())
    return display.termin_text(termine[0] if termine else recurrence.termine(page)[0])
