"""Checks an editor's input for a Veranstaltung before it can be saved."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from veranstaltungen import recurrence


def validate_veranstaltung(page):
    errors = {}
    if (page.start_time is None) != (page.end_time is None):
        errors["end_time"] = _(
            "Geben Sie beide Uhrzeiten an oder lassen Sie beide leer für eine ganztägige Veranstaltung."
        )
    elif page.start_date and page.end_date and page.end_date < page.start_date:
        errors["end_date"] = _("Das Ende liegt vor dem Beginn. Bitte korrigieren Sie das Datum.")
    elif page.start_time and page.end_date == page.start_date and page.end_time <= page.start_time:
        errors["end_time"] = _("Das Ende liegt vor dem Beginn. Bitte korrigieren Sie die Uhrzeit.")
    if page.wiederholung_bis and not page.wiederholung:
        errors["wiederholung_bis"] = _("Wählen Sie eine Wiederholung oder lassen Sie dieses Feld leer.")
    elif page.wiederholung_bis and page.start_date and page.wiederholung_bis < page.start_date:
        errors["wiederholung_bis"] = _("Die Reihe endet vor ihrem ersten Termin. Bitte korrigieren Sie das Datum.")
    if not page.ort and not page.online_url:
        errors["ort"] = _("Geben Sie einen Ort oder einen Link zur Online-Teilnahme an.")
    if errors:
        raise ValidationError(errors)
    _validate_ausnahmen(page)


def _validate_ausnahmen(page):
    for ausnahme in page.ausnahmen.all():
        if not page.wiederholung:
            raise ValidationError(_("Ausnahmen gibt es nur bei wiederkehrenden Veranstaltungen."))
        if not recurrence.is_occurrence(page, ausnahme.datum):
            raise ValidationError(
                _("Der %(datum)s ist kein Termin dieser Reihe. Wählen Sie ein Datum, an dem die Reihe stattfindet.")
                % {"datum": f"{ausnahme.datum:%d.%m.%Y}"}
            )
