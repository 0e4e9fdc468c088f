"""The Kommune choice: checkboxes grouped by Landkreis plus a search box that works without JavaScript."""

from django import forms

import pytest

from netzwerk_site.choices import KommuneArt
from netzwerk_site.fields import KommuneField, KommunenField
from tests.factories.netzwerk_site import KommuneFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


class KommunenForm(forms.Form):
    kommunen = KommunenField(label="Kommunen", required=False)


@pytest.fixture
def kommunen(db):
    kusel = KommuneFactory(name="Kusel", art=KommuneArt.LANDKREIS)
    alzey = KommuneFactory(name="Alzey-Worms", art=KommuneArt.LANDKREIS)
    return {
        "kusel": kusel,
        "alzey": alzey,
        "lauterecken": KommuneFactory(name="Lauterecken-Wolfstein", art=KommuneArt.VERBANDSGEMEINDE, landkreis=kusel),
        "altenglan": KommuneFactory(name="Altenglan", art=KommuneArt.GEMEINDE, landkreis=kusel),
        "trier": KommuneFactory(name="Trier", art=KommuneArt.KREISFREIE_STADT),
        "neustadt_kusel": KommuneFactory(name="Neustadt", art=KommuneArt.GEMEINDE, landkreis=kusel),
        "neustadt_alzey": KommuneFactory(name="Neustadt", art=KommuneArt.GEMEINDE, landkreis=alzey),
    }


def test_ticked_kommunen_are_chosen(kommunen):
    form = KommunenForm({"kommunen": [kommunen["trier"].pk, kommunen["altenglan"].pk]})

    form.is_valid()

    assert form.errors == {}
    assert sorted(form.cleaned_data["kommunen"], key=str) == [kommunen["altenglan"], kommunen["trier"]]


def test_a_typed_name_that_matches_one_kommune_joins_the_selection(kommunen):
    form = KommunenForm({"kommunen": [kommunen["trier"].pk], "kommunen_suche": "stadt trier; altenglan"})

    form.is_valid()

    assert form.errors == {}
    assert sorted(form.cleaned_data["kommunen"], key=str) == [kommunen["altenglan"], kommunen["trier"]]


def test_an_unknown_name_is_an_error_and_stays_in_the_search_box(kommunen):
    form = KommunenForm({"kommunen": [kommunen["trier"].pk], "kommunen_suche": "Musterhausen"})

    form.is_valid()

    assert form.errors == {
        "kommunen": [
            "Eine Kommune „Musterhausen“ kennen wir nicht. Prüfen Sie die Schreibweise oder kreuzen Sie die "
            "Kommune in der Liste an."
        ]
    }
    assert form["kommunen"].value() == [str(kommunen["trier"].pk)]
    assert form["kommunen"].value().suche == "Musterhausen"


def test_an_ambiguous_name_names_the_candidates(kommunen):
    form = KommunenForm({"kommunen_suche": "Neustadt"})

    form.is_valid()

    assert form.errors == {
        "kommunen": [
            "„Neustadt“ passt zu mehreren Kommunen (Neustadt, Neustadt). Kreuzen Sie die gemeinte in der Liste an."
        ]
    }


def test_a_resolved_name_is_ticked_when_another_name_fails(kommunen):
    form = KommunenForm({"kommunen_suche": "Trier; Musterhausen"})

    form.is_valid()

    assert form["kommunen"].value() == [str(kommunen["trier"].pk)]
    assert form["kommunen"].value().suche == "Musterhausen"


def test_gemeinden_are_grouped_under_their_landkreis_and_kreisfreie_staedte_on_their_own(kommunen):
    form = KommunenForm(initial={"kommunen": [kommunen["altenglan"].pk]})
    widget = form.fields["kommunen"].widget

    gruppen = widget.gruppen("kommunen", "id_kommunen", {str(kommunen["altenglan"].pk)})

    assert [(gruppe["titel"], [o["label"] for o in gruppe["optionen"]], gruppe["gewaehlt"]) for gruppe in gruppen] == [
        ("Landkreis Alzey-Worms", ["Landkreis Alzey-Worms", "Neustadt"], 0),
        (
            "Landkreis Kusel",
            ["Landkreis Kusel", "Altenglan", "Verbandsgemeinde Lauterecken-Wolfstein", "Neustadt"],
            1,
        ),
        ("Kreisfreie Städte", ["Stadt Trier"], 0),
    ]


def test_the_landkreis_with_a_chosen_gemeinde_is_open_and_the_error_summary_targets_the_search_box(kommunen):
    form = KommunenForm(initial={"kommunen": [kommunen["altenglan"].pk]})

    html = str(form["kommunen"])

    assert html.count("<details") == 3
    assert html.count(" open>") == 1
    assert 'id="id_kommunen_suche"' in html
    assert form["kommunen"].id_for_label == "id_kommunen_suche"


def test_a_single_kommune_is_chosen_from_a_list_grouped_by_landkreis():
    kusel = KommuneFactory(name="Kusel", slug="landkreis-kusel", art=KommuneArt.LANDKREIS)
    KommuneFactory(name="Lauterecken-Wolfstein", slug="vg-lw", art=KommuneArt.VERBANDSGEMEINDE, landkreis=kusel)
    KommuneFactory(name="Altenglan", slug="vg-altenglan", art=KommuneArt.VERBANDSGEMEINDE, landkreis=kusel)
    trier = KommuneFactory(name="Trier", slug="stadt-trier", art=KommuneArt.KREISFREIE_STADT)

    field = KommuneField(required=False)
    html = field.widget.render("kommune", trier.pk, attrs={"id": "id_kommune"})

    assert [(titel, [name for _, name in optionen]) for titel, optionen in list(field.choices)[1:]] == [
        (
            "Landkreis Kusel",
            ["Landkreis Kusel", "Verbandsgemeinde Altenglan", "Verbandsgemeinde Lauterecken-Wolfstein"],
        ),
        ("Kreisfreie Städte", ["Stadt Trier"]),
    ]
    assert '<optgroup label="Landkreis Kusel">' in html
    assert f'<option value="{trier.pk}" selected>Stadt Trier</option>' in html
    assert field.clean(str(trier.pk)) == trier
