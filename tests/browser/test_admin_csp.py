"""The Wagtail admin runs under its policy without a violation and asks no other host; public pages stay strict."""

from django.test import Client

import pytest

from konto.roles import Rolle
from konto.setup import ensure_groups
from praxisbeispiele.models import PraxisbeispielPage
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIOLATION_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def directives(header):
    """The policy as {directive: [sources]}; django-csp writes the directives in no fixed order."""
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def editor_tab(browser, seeded, live_server):
    ensure_groups()
    editor = UserFactory(rolle=Rolle.REDAKTION)
    client = Client()
    client.force_login(editor)
    # Unlike the `tab` fixture, this context enforces the page's CSP.
    context = browser.new_context(locale="de-DE")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    context.add_init_script(VIOLATION_LISTENER)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, console, requests
    context.close()


def test_admin_runs_under_its_policy_without_violations_and_public_pages_stay_strict(editor_tab, live_server):
    # One test on purpose: loading the seed for a live server is the expensive part.
    page, console, requests = editor_tab
    beispiel = PraxisbeispielPage.objects.live().first()
    paths = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{beispiel.get_parent().pk}/",
        f"/admin/pages/{beispiel.pk}/edit/",
        "/admin/snippets/",
        "/admin/documents/",
        "/admin/images/",
    ]
    violations = {}
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        policy = directives(response.headers["content-security-policy"])
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"], path
        assert policy["connect-src"] == ["'self'"], path
        page.wait_for_load_state("networkidle")
        violations[path] = page.evaluate("window.__csp")
        if path.endswith("/edit/"):
            # Wagtail's JavaScript builds the rich-text editor; without it the editor would not appear.
            page.locator(".Draftail-Editor").first.wait_for(state="visible", timeout=15000)

    public = page.goto(live_server.url + "/praxisbeispiele/")

    assert violations == dict.fromkeys(paths, [])
    assert not [text for text in console if "Content Security Policy" in text]
    assert {url.split("/")[2] for url in requests} == {live_server.url.removeprefix("http://")}
    assert directives(public.headers["content-security-policy"])["script-src"] == ["'self'"]
    assert "unsafe-inline" not in public.headers["content-security-policy"]
