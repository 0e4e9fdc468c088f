"""Form fields shared by every app."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.choices import BaseChoiceIterator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from netzwerk_site.models import Kommune
from netzwerk_site.widgets import KommunenAuswahl, KommunenEingabe, nach_landkreis


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


def kommunen_nach_name(kommunen, suche):
    """{typed name: [matching Kommunen]} for each name in suche (separated by ";"), matched without case.

    A name matches a Kommune's name or the name shown in the list ("Landkreis Kusel", "Stadt Trier").
    """
    namen = [name.strip() for name in suche.split(";") if name.strip()]
    return {
        name: [k for k in kommunen if name.casefold() in (k.name.casefold(), k.display_name.casefold())]
        for name in namen
    }


class KommunenField(forms.ModelMultipleChoiceField):
    """Kommunen chosen in a KommunenAuswahl: ticked boxes plus names typed into its search box.

    A typed name that matches exactly one Kommune joins the selection; any other name is an error at the
    field, and the search box keeps what was typed.
    """

    widget = KommunenAuswahl

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Kommune.objects.select_related("landkreis"))
        super().__init__(**kwargs)

    def aufloesen(self, value):
        """(ids with the resolved names added, names that matched none or several, their errors)."""
        ids = [str(pk) for pk in value or []]
        offen, fehler = [], []
        suche = getattr(value, "suche", "")
        for name, treffer in kommunen_nach_name(list(self.queryset), suche).items():
            if len(treffer) == 1:
                if str(treffer[0].pk) not in ids:
                    ids.append(str(treffer[0].pk))
                continue
            offen.append(name)
            if treffer:
                namen = ", ".join(str(kommune) for kommune in treffer)
                fehler.append(
                    _("„%(name)s“ passt zu mehreren Kommunen (%(namen)s). Kreuzen Sie die gemeinte in der Liste an.")
                    % {"name": name, "namen": namen}
                )
            else:
                fehler.append(
                    _(
                        "Eine Kommune „%(name)s“ kennen wir nicht. Prüfen Sie die Schreibweise oder kreuzen Sie die Kommune in der Liste an."
                    )
                    % {"name": name}
                )
        return ids, offen, fehler

    def bound_data(self, data, initial):
        ids, offen, _fehler = self.aufloesen(data)
        return KommunenEingabe(ids, "; ".join(offen))

    def prepare_value(self, value):
        prepared = super().prepare_value(value)
        return KommunenEingabe(prepared, value.suche) if isinstance(value, KommunenEingabe) else prepared

    def clean(self, value):
        ids, _offen, fehler = self.aufloesen(value)
        if fehler:
            raise ValidationError(fehler)
        return super().clean(ids)


class KommuneField(forms.ModelChoiceField):
    """One Kommune from a list grouped by Landkreis (<optgroup>), with the Gemeinden under their Landkreis.

    A plain <select>: the keyboard jumps to a name as one types it, without JavaScript.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Kommune.objects.select_related("landkreis"))
        super().__init__(**kwargs)

    def _get_choices(self):
        return GruppierteKommunen(self)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


class GruppierteKommunen(BaseChoiceIterator):
    """The choices of a KommuneField, read from its queryset when the list is drawn (not at import)."""

    def __init__(self, field):
        self.field = field

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for titel, kommunen in nach_landkreis(list(self.field.queryset)):
            yield (titel, [(kommune.pk, str(kommune)) for kommune in kommunen])
