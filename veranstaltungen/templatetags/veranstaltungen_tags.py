from django import template

from veranstaltungen import anzeige

register = template.Library()


@register.filter
def termin_text(termin):
    return anzeige.termin_text(termin)


@register.filter
def termin_iso(termin):
    return anzeige.iso(termin)
