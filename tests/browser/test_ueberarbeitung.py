"""The revision page of a submission in Chromium under the site's CSP: the counter counts, axe finds nothing serious."""

import pytest

from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.submission import ensure_workflow
from tests.chromium import RecordingPage
from tests.factories.einreichungen import einreichung_data, pdf_upload
from tests.praxisbeispiele.test_resubmission import KOMMENTAR, edit_url, themenfeld  # noqa: F401 (fixture)
from tests.praxisbeispiele.test_submission import workflow_action


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_edit_page_in_chromium_counts_characters_and_has_no_serious_wcag_violations(
    client,
    site_tree,
    groups,
    live_server,
    browser,
    member,
    editor,
    themenfeld,  # noqa: F811 (the fixture imported above)
):
    ensure_workflow()
    client.force_login(member)
    client.post("/praxisbeispiele/einreichen/", einreichung_data([themenfeld], anhaenge=[pdf_upload("konzept.pdf")]))
    page = PraxisbeispielPage.objects.get()
    client.force_login(editor)
    workflow_action(client, page, "reject", comment=KOMMENTAR)
    client.force_login(member)
    # Without bypassing the CSP first, so the counter runs as it does for members; axe needs the bypass after.
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(live_server.url + edit_url(page))

    anfang = tab.locator("#id_title_zaehler").text_content()
    tab.fill("#id_title", "Sprachcafé")
    danach = tab.locator("#id_title_zaehler").text_content()
    context.close()
    axe_context = browser.new_context(bypass_csp=True, locale="de-DE", viewport={"width": 390, "height": 844})
    axe_context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    axe_tab = RecordingPage(axe_context)
    axe_tab.page.goto(live_server.url + edit_url(page))
    violations = axe_tab.axe_violations()
    axe_context.close()

    assert (anfang, danach) == ("noch 233 Zeichen", "noch 245 Zeichen")
    assert errors == []
    assert violations == []
