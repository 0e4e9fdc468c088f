import pytest

from search.analysis import Analyzer, GlossarEintrag, fold

pytestmark = pytest.mark.unit

GLOSSAR = (
    GlossarEintrag("AfA", "Aufnahmeeinrichtung für Asylbegehrende", ("Erstaufnahmeeinrichtung",)),
    GlossarEintrag("BVJ-S", "Berufsvorbereitungsjahr Sprache"),
    GlossarEintrag("ESF+", "Europäischer Sozialfonds Plus"),
    GlossarEintrag("SGB II", "Zweites Buch Sozialgesetzbuch"),
    GlossarEintrag("FGM/C", "Female Genital Mutilation/Cutting", ("weibliche Genitalbeschneidung",)),
)


def terms(text):
    return [token.term for token in Analyzer(GLOSSAR).tokens(text)]


def test_umlaut_and_ascii_spellings_give_the_same_terms():
    umlaut = terms("Geflüchtete Jugendliche in der Straße")

    ascii_spelling = terms("Gefluechtete Jugendliche in der Strasse")

    assert umlaut == ascii_spelling == ["geflucht", "jugend", "strass"]


def test_inflected_forms_share_a_stem():
    singular = terms("geflüchteter Jugendlicher")

    plural = terms("Geflüchteten Jugendlichen")

    assert singular == plural == ["geflucht", "jugend"]


def test_fold_removes_umlauts_sharp_s_and_accents():
    assert [fold("Ärztin"), fold("Fußgängerzone"), fold("Café")] == ["aerztin", "fussgaengerzone", "cafe"]


def test_glossary_abbreviations_stay_whole_tokens():
    result = terms("Der BVJ-S-Kurs, ESF+ und SGB II-Bezug sowie FGM/C")

    assert result == ["bvjs", "kur", "esfplus", "sgbii", "bezug", "fgmc"]


def test_stopwords_are_dropped():
    assert terms("für die und mit der Sprachmittlung") == ["sprachmittl"]


def test_compound_splits_into_dictionary_words_across_a_fugen_s():
    known = {"sprachmittl", "pool"}

    parts = Analyzer.split_compound("sprachmittlungspool", known)

    assert parts == ["sprachmittlung", "pool"]


def test_compound_without_dictionary_parts_stays_whole():
    assert Analyzer.split_compound("sprachmittlungspool", {"haus"}) == []


def test_index_terms_add_the_stems_of_compound_parts():
    analyzer = Analyzer(GLOSSAR)

    result = analyzer.index_terms("Sprachmittlungspools", {"sprachmittl", "pool"})

    assert result == ["sprachmittlungspool", "sprachmittl", "pool"]


def test_abbreviation_query_expands_to_long_form_and_synonyms():
    analyzer = Analyzer(GLOSSAR)

    groups = analyzer.query_groups("AfA", set())

    assert [g.alternativen for g in groups] == [
        (("afa",), ("aufnahmeeinricht", "asylbegehr"), ("erstaufnahmeeinricht",))
    ]


def test_long_form_in_a_query_finds_the_abbreviation():
    analyzer = Analyzer(GLOSSAR)

    groups = analyzer.query_groups("Aufnahmeeinrichtungen für Asylbegehrende in Trier", set())

    assert [g.alternativen[0] for g in groups] == [("afa",), ("trier",)]


def test_query_terms_contain_only_letters_and_digits():
    analyzer = Analyzer(GLOSSAR)

    groups = analyzer.query_groups('"x* NEAR(a b) AND -y (( \x00 ä', set())

    assert [g.alternativen for g in groups] == [(("near",),), (("and",),), (("a",),)]
