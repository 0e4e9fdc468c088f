"""axe-core on the submission form in its error state, where most can go wrong for screen readers."""

from urllib.parse import urlsplit

from django.conf import settings

import pytest

from konto.roles import Rolle
from praxisbeispiele.submission import ensure_workflow
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory, ZielgruppeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submission_form_with_errors_has_no_serious_wcag_violations(client, site_tree, groups, live_server, tab):
    ensure_workflow()
    ThemenfeldFactory(title="Sprache und Bildung")
    ZielgruppeFactory(name="Geflüchtete Frauen")
    kommune = KommuneFactory(name="Musterkreis")
    client.force_login(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=kommune))
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    tab.page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie, "url": live_server.url}]
    )
    tab.page.goto(live_server.url + "/praxisbeispiele/einreichen/")
    tab.page.fill("#id_title", "Sprachcafé Musterstadt")
    tab.page.fill("#id_website", "kein link")

    tab.page.get_by_role("button", name="Praxisbeispiel einreichen").click()
    tab.page.wait_for_selector("#fehler")

    assert tab.page.input_value("#id_title") == "Sprachcafé Musterstadt"
    assert tab.page.locator("h1").all_inner_texts() == ["Praxisbeispiel einreichen"]
    assert tab.axe_violations() == []
    assert tab.hosts == {urlsplit(live_server.url).netloc}
