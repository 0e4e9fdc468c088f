"""Whatever a client sends (query strings, form data, headers), no public view answers with a server error.

The URLs are every row and probe of the permission matrix that an anonymous visitor may GET, on factory
content with Praxisbeispiele, Veranstaltungen (one a series), Handlungsfelder and a Glossar entry (the seed
command would add 15 s or more). Answers of 4xx are fine; only >= 500 fails. Some 500s appear on PostgreSQL
only (NUL bytes, lengths of varchar columns), so `make test` running both databases matters here.
Hypothesis keeps no example database, and its caches go to tmp/hypothesis/ (see conftest.py).
"""

import reprlib
import time
import traceback

from django.test import Client

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from netzwerk_site.barrieren import new_token
from tests.conftest import close_response
from tests.sicherheit.conftest import ROLLEN, client_fuer
from tests.sicherheit.test_berechtigungsmatrix import PRAEFIXREGELN, TABELLE

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

OEFFENTLICHE_FAELLE = [
    fall
    for fall in (*TABELLE, *(probe for regel in PRAEFIXREGELN for probe in regel.proben))
    if fall.rollen.anonym == 200
]

# Parameters the views read, so that random values reach the parsers instead of being ignored.
BEKANNTE_PARAMETER = (
    "q", "typ", "themenfeld", "kommune", "zielgruppe", "foerderung", "ebene", "sortierung", "seite", "limit",
    "stand", "ansicht", "monat", "art", "fassung", "next", "zitat", "p", "frage", "handlungsfeld",
    "praxisbeispiel", "veranstaltung", "type", "fields", "offset", "order", "search", "search_operator",
    "child_of", "descendant_of", "site", "html_path", "id", "format",
)  # fmt: skip
BOESE_WERTE = (
    "%ff%fe", "%00", "%", "%%", "%zz", "%C3%28", "%E2%82", "%u0041", "\x00", "\x1b[31m", "\ufeff", "%ED%A0%80",
    "-1", "0", "1e309", "nan", "inf", "99999999999999999999999", "2026-13", "0000-00", "9999-12", "2026-02-31",
    "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", '"', "\\", "NULL", "[]", "{}",
    "a" * 10_000, "ä" * 3_000, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202e", "javascript:alert(1)", "//example.org", "http://example.org",
    # Query syntax of SQLite FTS5, PostgreSQL tsquery and Elasticsearch.
    '"abc', "a*", "*", "NEAR(a b", "title:x", "^a", "a OR", "(", ")", "+", "-a", "a & !b", "a:*", "~1", "/regex/",
)  # fmt: skip

TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
LANG = st.builds(lambda teil, anzahl: teil * anzahl, st.text(min_size=1, max_size=4), st.integers(500, 6_000))
# Known parameters and hostile values are drawn more often than arbitrary text, so that they meet.
WERT = st.one_of(st.sampled_from(BOESE_WERTE), TEXT, st.sampled_from(BOESE_WERTE), LANG)
SCHLUESSEL = st.one_of(st.sampled_from(BEKANNTE_PARAMETER), TEXT, st.sampled_from(BEKANNTE_PARAMETER))


def _codiert(text):
    """The text as it may appear in a query string: raw UTF-8, percent-encoded, or cut into bytes."""
    return st.sampled_from(
        [
            text.encode("utf-8", "surrogatepass"),
            "".join(f"%{byte:02X}" for byte in text.encode("utf-8", "surrogatepass")).encode("ascii"),
            text.encode("utf-8", "surrogatepass")[: max(1, len(text) // 2)],
        ]
    )


ROH = st.one_of(WERT.flatmap(_codiert), st.binary(max_size=60))
PAAR = st.tuples(SCHLUESSEL.flatmap(_codiert), ROH)
# WSGI hands the query string over as ISO-8859-1 text of the raw bytes (PEP 3333).
QUERY = st.lists(PAAR, max_size=8).map(
    lambda paare: b"&".join(k + b"=" + v for k, v in paare).decode("iso-8859-1")
) | st.binary(max_size=200).map(lambda roh: roh.decode("iso-8859-1"))

# Tried on every URL before the random examples: every parameter at once, and the API's search on its own
# (the Wagtail API answers 400 to parameters it does not know before it searches).
GEZIELTE_QUERYS = (
    "search=%22",
    "search=x&search_operator=weder",
    "search=NEAR(a&order=-title&limit=1e309&offset=-1&fields=*,-title,%00&type=wagtailcore.Page",
    "q=%22abc&typ=%00&themenfeld=%ff%fe&kommune=%C3%28&zielgruppe=%00&foerderung=x&ebene=%00&sortierung=%00"
    "&seite=99999999999999999999&limit=1e309&stand=%00&art=%00&fassung=leicht&zitat=-1&next=//example.org",
    "ansicht=monat&monat=0000-00&themenfeld=%00&art=%00&seite=-1",
    "ansicht=monat&monat=2100-12&seite=0",
    "%ff%fe=%ff%fe&%00=%00&=&&&=&seite&seite&q",
    "q=" + "Sprachf%C3%B6rderung%20" * 400,
)

HEADER_WERT = st.binary(max_size=300).map(lambda roh: roh.replace(b"\r", b"").replace(b"\n", b"").decode("latin-1"))
HEADER = {
    "HTTP_ACCEPT_LANGUAGE": ("de", "en-US,en;q=0.5", "*", "de;q=abc", "zz-ZZ", "de-DE-1996,;q=1", "x" * 500),
    "HTTP_IF_NONE_MATCH": ("*", '"abc"', 'W/"x"', '"', ",,,", "W/", '"' * 100),
    "HTTP_IF_MODIFIED_SINCE": (
        "Sat, 29 Oct 1994 19:43:31 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
        "Mon, 32 Foo 99999 99:99:99 GMT", "0", "-1", "99999999999999999999",
    ),
    "HTTP_IF_MATCH": ("*", '"abc"', "W/"),
    "HTTP_IF_UNMODIFIED_SINCE": ("Sat, 29 Oct 1994 19:43:31 GMT", "gestern"),
    "HTTP_RANGE": ("bytes=0-0", "bytes=-1", "bytes=5-1", "bytes=0-99999999999999999999", "bytes=a-b", "bytes=0-1,2-3"),
    "HTTP_COOKIE": ("sessionid=abc", "sessionid=\x00", "csrftoken=" + "x" * 64, "a=b; ; ;=;", "django_language=xx"),
    "HTTP_USER_AGENT": ("", "Mozilla/5.0", "\x00" * 10, "ä" * 1000),
    "HTTP_ACCEPT": ("*/*", "text/calendar", "application/json;q=x", ";;;"),
    "HTTP_ACCEPT_ENCODING": ("gzip", "br;q=2", "*;q=0"),
    "HTTP_REFERER": ("http://example.org/", "\x00", "//"),
    "HTTP_X_REQUESTED_WITH": ("XMLHttpRequest",),
    "HTTP_X_FORWARDED_FOR": ("1.2.3.4", "::1", "kein-host"),
}  # fmt: skip
HEADERS = st.fixed_dictionaries(
    {}, optional={name: st.one_of(HEADER_WERT, st.sampled_from(werte)) for name, werte in HEADER.items()}
)


def _formular(sekunden_alt):
    return new_token(shown_at=time.time() - sekunden_alt)


# Public forms and their fields; the barrier form sometimes gets a valid token so that it saves and sends mail.
FORMULARE = {
    "/barriere-melden/": st.fixed_dictionaries(
        {},
        optional={
            "seite": WERT,
            "beschreibung": WERT,
            "name": WERT,
            "email": st.one_of(WERT, st.emails()),
            "homepage": st.sampled_from(["", "spam"]),
            "formular": st.one_of(WERT, st.floats(-10, 100_000).map(_formular)),
        },
    ),
    "/konto/anmelden/": st.fixed_dictionaries(
        {}, optional={"username": st.one_of(WERT, st.just("sicherheit-kommune")), "password": WERT, "next": WERT}
    ),
    "/_util/login/": st.fixed_dictionaries({}, optional={"username": WERT, "password": WERT, "next": WERT}),
    "/konto/passwort-vergessen/": st.fixed_dictionaries({}, optional={"email": st.one_of(WERT, st.emails())}),
    "/konto/einladung/{w.einladung_token}/": st.fixed_dictionaries(
        {}, optional={"username": WERT, "password1": WERT, "password2": WERT}
    ),
    "/diskussionen/abbestellen/{w.abbestellen_token}/": st.fixed_dictionaries({}, optional={"x": WERT}),
    "/suche/": st.fixed_dictionaries({}, optional={"q": WERT, "typ": WERT, "themenfeld": WERT, "seite": WERT}),
    "/api/suche/": st.fixed_dictionaries({}, optional={"q": WERT, "typ": WERT, "limit": WERT}),
}
CONTENT_TYPES = (
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=gibt-es-nicht",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=xyz",
    "application/json",
    "text/plain",
    "",
)

# The same examples on every run (the style: no surprises); a failure prints the example that caused it.
EINSTELLUNGEN = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


KURZ = reprlib.Repr()
KURZ.maxstring = KURZ.maxother = 160
KURZ.maxdict = 20


def _kein_serverfehler(response, anfrage):
    if response.streaming:
        close_response(response)
    ausnahme = "".join(traceback.format_exception(*response.exc_info)) if response.exc_info else ""
    assert response.status_code < 500, f"{KURZ.repr(anfrage)}\n{ausnahme}"


@pytest.fixture(autouse=True)
def keine_sperre_nach_fehlversuchen(settings):
    """Check the login form itself, not django-axes' lockout after five failures."""
    settings.AXES_FAILURE_LIMIT = 1_000_000


def _params(faelle):
    return [
        pytest.param(fall, id=fall.url.replace("{w.", "{") + (f"({fall.fall})" if fall.fall else "")) for fall in faelle
    ]


def _mit_gezielten_querys(test):
    for query in GEZIELTE_QUERYS:
        test = example(query=query, rolle="anonym")(test)
    return test


@pytest.mark.parametrize("fall", _params(OEFFENTLICHE_FAELLE))
@given(query=QUERY, rolle=st.sampled_from(ROLLEN))
@_mit_gezielten_querys
@settings(EINSTELLUNGEN, max_examples=10)
def test_any_query_string_is_answered_without_server_error(inhaltsreiche_welt, fall, query, rolle):
    client = client_fuer(rolle, inhaltsreiche_welt, raise_request_exception=False)
    url = fall.url.format(w=inhaltsreiche_welt)

    response = client.get(url, QUERY_STRING=query)

    _kein_serverfehler(response, (rolle, url, query))


@pytest.mark.parametrize("fall", _params(OEFFENTLICHE_FAELLE))
@given(headers=HEADERS)
@settings(EINSTELLUNGEN, max_examples=6)
def test_any_request_headers_are_answered_without_server_error(inhaltsreiche_welt, fall, headers):
    client = Client(raise_request_exception=False)
    url = fall.url.format(w=inhaltsreiche_welt)

    response = client.get(url, **headers)

    _kein_serverfehler(response, (url, headers))


@given(pfad=st.sampled_from(sorted(FORMULARE)), rolle=st.sampled_from(ROLLEN), headers=HEADERS, data=st.data())
@settings(EINSTELLUNGEN, max_examples=150)
def test_any_form_data_is_answered_without_server_error(inhaltsreiche_welt, pfad, rolle, headers, data):
    url = pfad.format(w=inhaltsreiche_welt)
    felder = data.draw(FORMULARE[pfad], label="felder")
    client = client_fuer(rolle, inhaltsreiche_welt, raise_request_exception=False)

    response = client.post(url, felder, **headers)

    _kein_serverfehler(response, (rolle, url, felder, headers))


@given(pfad=st.sampled_from(sorted(FORMULARE)), body=QUERY, content_type=st.sampled_from(CONTENT_TYPES))
@settings(EINSTELLUNGEN, max_examples=100)
def test_any_request_body_is_answered_without_server_error(inhaltsreiche_welt, pfad, body, content_type):
    url = pfad.format(w=inhaltsreiche_welt)
    client = Client(raise_request_exception=False)

    response = client.generic("POST", url, body.encode("iso-8859-1"), content_type=content_type)

    _kein_serverfehler(response, (url, content_type, body))


@pytest.mark.parametrize("pfad", ["/veranstaltungen/", "/veranstaltungen/archiv/"])
def test_nul_byte_in_the_themenfeld_filter_is_ignored_with_a_notice(inhaltsreiche_welt, client, pfad):
    """The NUL byte once reached the database, and PostgreSQL refused it with a DataError (a 500)."""
    response = client.get(pfad, {"themenfeld": ["sicherheit-sprache", "sprache\x00"]})

    assert response.status_code == 200
    assert list(response.context["auswahl"].getlist("themenfeld")) == ["sicherheit-sprache"]
    assert response.context["notices"] == ["Das Themenfeld „sprache\x00“ gibt es nicht; der Filter wurde ignoriert."]


@pytest.mark.parametrize("pfad", ["/konto/anmelden/", "/_util/login/"])
@pytest.mark.parametrize(
    ("felder", "headers"),
    [
        pytest.param({"username": "x" * 300, "password": "falsch"}, {}, id="benutzername-ueber-255-zeichen"),
        pytest.param(
            {"username": "sicherheit-kommune", "password": "falsch"},
            {"HTTP_USER_AGENT": "a\x00b"},
            id="nul-im-user-agent",
        ),
    ],
)
def test_failed_login_with_odd_input_shows_the_form_again(inhaltsreiche_welt, pfad, felder, headers):
    """django-axes records every failed login in varchar(255) columns; PostgreSQL refuses longer text and NUL bytes."""
    response = Client(raise_request_exception=False).post(pfad, felder, **headers)

    _kein_serverfehler(response, (pfad, felder, headers))
    assert response.status_code == 200
