"""Form fields shared by every app."""

from django import forms


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
