"""Form widgets with the classes of the KERN design system, for components/form_field.html.

KERN styles inputs by class (kern-form-input__input, kern-form-input__select, kern-form-check__checkbox), so
the class goes onto the widget here instead of into every form; Django still adds aria-invalid and
aria-describedby (help text and error ids) as for any bound field.
"""

from django import forms, template
from django.forms.boundfield import BoundWidget

register = template.Library()

EINGABE = "kern-form-input__input"
AUSWAHL = "kern-form-input__select"
CHECKBOX = "kern-form-check__checkbox"
RADIO = "kern-form-check__radio"


def _mit_klasse(widget, klasse, fehler):
    """widget's own class attribute with the KERN class and, on an error, its --error variant added."""
    klassen = [widget.attrs.get("class", ""), klasse, f"{klasse}--error" if fehler else ""]
    return " ".join(k for k in klassen if k)


@register.filter
def kern_art(field):
    """How the field is laid out: "optionen" (radios or checkboxes in a fieldset), "checkbox", "auswahl", "eingabe"."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "optionen"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "auswahl"
    return "eingabe"


@register.filter
def kern_widget(field):
    """Usage: {{ field|kern_widget }}: the field's input, select or checkbox with its KERN class."""
    klasse = {"checkbox": CHECKBOX, "auswahl": AUSWAHL}.get(kern_art(field), EINGABE)
    return field.as_widget(attrs={"class": _mit_klasse(field.field.widget, klasse, field.errors)})


@register.filter
def kern_optionen(field):
    """Usage: {% for option in field|kern_optionen %}{{ option.tag }}: each radio or checkbox of a choice field."""
    widget = field.field.widget
    klasse = RADIO if isinstance(widget, forms.RadioSelect) else CHECKBOX
    attrs = field.build_widget_attrs({"id": widget.attrs.get("id") or field.auto_id})
    attrs["class"] = _mit_klasse(widget, klasse, field.errors)
    return [
        BoundWidget(widget, option, field.form.renderer)
        for option in widget.subwidgets(field.html_name, field.value(), attrs=attrs)
    ]
