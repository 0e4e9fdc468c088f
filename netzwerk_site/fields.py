"""Form fields shared by every app."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def one_line(value):
    """value with every run of whitespace, line breaks included, collapsed to one space and trimmed."""
    return " ".join(str(value).split())


class OneLineField(forms.CharField):
    """Text that must stay on one line, such as a title that goes into e-mail subjects.

    A line break posted by hand (the input itself allows none) would otherwise be stored, shown and put
    into mail headers; here it becomes a space, as does every other run of whitespace.
    """

    def to_python(self, value):
        return one_line(super().to_python(value))


def zu_lang(label):
    """The error for a text over its max_length: names the limit and what to do."""
    return format_lazy(
        _(
            "„{label}“ darf höchstens %(limit_value)d Zeichen lang sein, Ihre Eingabe hat %(show_value)d. "
            "Kürzen Sie den Text bitte."
        ),
        label=label,
    )


def mit_zeichenzaehler(field):
    """The field's limit for the counter in static/js/netzwerk.js instead of the browser's maxlength.

    maxlength cuts pasted text without a word; without it the member sees her whole text, the counter says
    how much room is left (or how much is too much) and the server names the limit if it is still too long.
    """
    field.widget.attrs.pop("maxlength", None)
    field.widget.attrs["data-zeichen-max"] = str(field.max_length)
    return field
