import io

from django.core.management import call_command
from django.template import Context, Template

import pytest

from search.analysis import GlossarEintrag
from search.models import Begriff
from search.templatetags.glossar import annotate

GLOSSAR = (
    GlossarEintrag("AfA", "Aufnahmeeinrichtung für Asylbegehrende"),
    GlossarEintrag("ESF+", "Europäischer Sozialfonds Plus"),
    GlossarEintrag("SGB II", 'Zweites Buch "Sozialgesetzbuch"'),
)


@pytest.mark.unit
def test_first_use_of_each_abbreviation_gets_an_abbr_element():
    html = "<p>In der AfA und später in der AfA; gefördert aus dem ESF+.</p>"

    result = annotate(html, GLOSSAR)

    assert result == (
        '<p>In der <abbr title="Aufnahmeeinrichtung für Asylbegehrende">AfA</abbr> und später in der AfA; '
        'gefördert aus dem <abbr title="Europäischer Sozialfonds Plus">ESF+</abbr>.</p>'
    )


@pytest.mark.unit
def test_abbreviations_inside_links_and_attributes_stay_untouched():
    html = '<p><a href="/afa/" title="AfA">Die AfA</a> <img alt="SGB II"> nach SGB II</p>'

    result = annotate(html, GLOSSAR)

    assert result == (
        '<p><a href="/afa/" title="AfA">Die AfA</a> <img alt="SGB II"> nach '
        '<abbr title="Zweites Buch &quot;Sozialgesetzbuch&quot;">SGB II</abbr></p>'
    )


@pytest.mark.unit
def test_abbreviation_inside_a_longer_word_is_not_marked():
    assert annotate("<p>Die AfAs und KAfA</p>", GLOSSAR) == "<p>Die AfAs und KAfA</p>"


@pytest.mark.django_db
def test_filter_escapes_plain_text_and_follows_glossary_edits():
    begriff = Begriff.objects.create(abkuerzung="PSZ", langform="Psychosoziales Zentrum")
    template = Template("{% load glossar %}{{ text|glossar_abbr }}")
    first = template.render(Context({"text": "Das PSZ <hilft>."}))

    begriff.langform = "Psychosoziales Zentrum für Geflüchtete"
    begriff.save()
    second = template.render(Context({"text": "Das PSZ hilft."}))

    assert first == 'Das <abbr title="Psychosoziales Zentrum">PSZ</abbr> &lt;hilft&gt;.'
    assert second == 'Das <abbr title="Psychosoziales Zentrum für Geflüchtete">PSZ</abbr> hilft.'


@pytest.mark.integration
@pytest.mark.django_db
def test_seed_loads_the_glossary_once_and_keeps_redaktion_edits():
    call_command("seed_netzwerk", stdout=io.StringIO())
    Begriff.objects.filter(abkuerzung="PSZ").update(langform="Psychosoziales Zentrum (geändert)")

    call_command("seed_netzwerk", stdout=io.StringIO())

    assert Begriff.objects.count() == 22
    assert Begriff.objects.get(abkuerzung="PSZ").langform == "Psychosoziales Zentrum (geändert)"
    assert Begriff.objects.get(abkuerzung="BVJ-S").langform == "Berufsvorbereitungsjahr Sprache"


@pytest.mark.integration
@pytest.mark.django_db
def test_redaktion_may_edit_the_glossary(editor):
    assert [editor.has_perm(f"search.{action}_begriff") for action in ("add", "change", "view", "delete")] == [True] * 4
