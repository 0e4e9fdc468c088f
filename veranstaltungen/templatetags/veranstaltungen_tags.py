from django import template

from veranstaltungen import display

register = template.Library()


@register.filter
def termin_text(termin):
    return display.termin_text(termin)


@register.filter
def termin_iso(termin):
    return display.iso(termin)
