"""Headless Chromium from Debian's package, driven by Playwright, with axe-core vendored in tests/browser/vendor.

A plugin of the whole suite (tests/conftest.py): tests/browser and tests/journeys share ONE Chromium per
worker. A module that imported the `browser` fixture would start a second Playwright in the same thread,
which Playwright refuses.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(__file__).parent / "browser" / "vendor" / "axe-core-4.14.1" / "axe.min.js"
# Flags as the machine documentation recommends: no background traffic to any other host.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls of
    # the tests themselves are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class RecordingPage:
    """A browser tab that remembers every host it requested."""

    def __init__(self, context):
        self.page = context.new_page()
        self.hosts = set()
        self.page.on("request", lambda request: self.hosts.add(urlsplit(request.url).netloc))

    def axe_violations(self, impacts=("serious", "critical")):
        """Run axe-core on the current document; return serious and critical WCAG 2.1 AA violations."""
        self.page.add_script_tag(path=str(AXE_JS))
        result = self.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
        return [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in impacts
        ]

    def violations_per_page(self, base_url, pages):
        """{name: axe violations} for each of pages ({name: path}), each asserted to answer 200."""
        found = {}
        for name, path in pages.items():
            response = self.page.goto(base_url + path)
            assert response.status == 200, name
            found[name] = self.axe_violations()
        return found


@pytest.fixture
def tab(browser):
    # bypass_csp lets axe-core be injected; the pages themselves keep their strict policy.
    context = browser.new_context(bypass_csp=True, locale="de-DE")
    yield RecordingPage(context)
    context.close()
