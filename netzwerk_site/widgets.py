"""Form widgets shared by every app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerk_site.choices import KommuneArt


class KommunenEingabe(list):
    """The chosen Kommune ids as posted, plus what the visitor typed into "Kommune suchen"."""

    def __init__(self, ids=(), suche=""):
        super().__init__(ids or ())
        self.suche = suche


class KommunenAuswahl(forms.widgets.ChoiceWidget):
    """Checkboxes grouped by Landkreis, with a search box that works with and without JavaScript.

    Each Landkreis is a <details> with its Gemeinden, open when one of them is chosen; the kreisfreie Städte
    form a group of their own. The search box offers every name in a <datalist>: netzwerk.js filters the
    boxes as the visitor types, and without JavaScript the typed name is posted and resolved by the field.
    """

    allow_multiple_selected = True
    input_type = "checkbox"
    template_name = "components/widgets/kommunen_auswahl.html"
    # components/kommunen_feld.html draws the fieldset; without use_fieldset the error summary links to
    # id_for_label, the search box, instead of the first checkbox, which may sit in a closed Landkreis.
    use_fieldset = False

    def suchname(self, name):
        return f"{name}_suche"

    def value_from_datadict(self, data, files, name):
        return KommunenEingabe(super().value_from_datadict(data, files, name), data.get(self.suchname(name), ""))

    def value_omitted_from_data(self, data, files, name):
        return False

    def id_for_label(self, id_, index=None):
        # The error summary links to the search box: the first thing to use in the group.
        return f"{id_}_suche" if id_ else id_

    def optgroups(self, name, value, attrs=None):
        # The template draws gruppen() instead; building Django's option groups too would query the choices twice.
        return []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        gewaehlt = set(context["widget"]["value"])
        widget_id = context["widget"]["attrs"].get("id", f"id_{name}")
        context["widget"].update(
            suchname=self.suchname(name),
            such_id=f"{widget_id}_suche",
            suche=getattr(value, "suche", ""),
            gruppen=self.gruppen(name, widget_id, gewaehlt),
        )
        return context

    def gruppen(self, name, widget_id, gewaehlt):
        """(title, options, is_open) per Landkreis, then the kreisfreie Städte, then any other Kommune."""
        optionen, kommunen = {}, []
        for index, (value, label) in enumerate(self.choices):
            kommunen.append(value.instance)
            optionen[value.instance.pk] = {
                "value": str(value),
                "label": label,
                "name": value.instance.name,
                "id": f"{widget_id}_{index}",
                "checked": str(value) in gewaehlt,
            }
        gruppen = [
            {"titel": titel, "optionen": [optionen[k.pk] for k in mitglieder]}
            for titel, mitglieder in nach_landkreis(kommunen)
        ]
        for gruppe in gruppen:
            gruppe["gewaehlt"] = sum(option["checked"] for option in gruppe["optionen"])
        return gruppen


def nach_landkreis(kommunen):
    """[(title, Kommunen)]: each Landkreis with its Gemeinden by name, then the kreisfreie Städte, then the rest.

    The Kommunen need their landkreis loaded (select_related) for the titles of Landkreise not among them.
    """
    kreise, staedte, sonstige = {}, [], []
    for kommune in kommunen:
        if kommune.art == KommuneArt.LANDKREIS:
            kreise.setdefault(kommune.pk, {"kreis": None, "gemeinden": [], "titel": str(kommune)})["kreis"] = kommune
        elif kommune.landkreis_id:
            eintrag = kreise.setdefault(kommune.landkreis_id, {"kreis": None, "gemeinden": []})
            eintrag["gemeinden"].append(kommune)
            eintrag.setdefault("titel", str(kommune.landkreis))
        elif kommune.art == KommuneArt.KREISFREIE_STADT:
            staedte.append(kommune)
        else:
            sonstige.append(kommune)
    gruppen = [
        (eintrag["titel"], ([eintrag["kreis"]] if eintrag["kreis"] else []) + sorted(eintrag["gemeinden"], key=_name))
        for eintrag in kreise.values()
    ]
    gruppen.sort(key=lambda gruppe: gruppe[0])
    if staedte:
        gruppen.append((_("Kreisfreie Städte"), staedte))
    if sonstige:
        gruppen.append((_("Weitere Kommunen"), sonstige))
    return gruppen


def _name(kommune):
    return kommune.name
