"""Only KERN's vendored files and the portal's own static files style and script the pages; no other host.

A stylesheet, font or script from another host would tell it who reads which page (GDPR) and break the
Content-Security-Policy; the browser side of this is tests/browser/test_fremde_hosts.py.
"""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(settings.BASE_DIR)
KERN = ROOT / "netzwerk_site" / "static" / "vendor" / "kern-ux-native-2.7.2"
PROJECT_APPS = ["netzwerk_site", "konto", "praxisbeispiele", "veranstaltungen", "diskussionen", "search", "betrieb"]

LINK_OR_SCRIPT = re.compile(r"<(?:link|script)\b[^>]*?\b(?:href|src)=\"([^\"]*)\"[^>]*>", re.I)
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]*)\"", re.I)
STATIC_TAG = re.compile(r"^\{% static '([^']+)' %\}$")
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.S)
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]([^'\"]+)['\"]")
OTHER_HOST = re.compile(r"^(?:https?:)?//", re.I)


def _templates():
    return sorted(path for app in PROJECT_APPS for path in (ROOT / app).glob("**/templates/**/*.html"))


def _stylesheets():
    return sorted(path for app in PROJECT_APPS for path in (ROOT / app).glob("static/**/*.css"))


def _is_portal_or_kern(static_path):
    """True for a static file that this project ships: its own (not vendored) or vendored KERN."""
    found = finders.find(static_path)
    if found is None:
        return False
    found = Path(found).resolve()
    own = ROOT in found.parents and ".venv" not in found.parts and "vendor" not in found.parts
    return own or KERN in found.parents


def test_templates_link_stylesheets_only_from_kern_and_the_portal():
    foreign = []

    for template in _templates():
        for href in STYLESHEET.findall(template.read_text(encoding="utf-8")):
            match = STATIC_TAG.match(href)
            if not (match and match.group(1).endswith(".css") and _is_portal_or_kern(match.group(1))):
                foreign.append((template.relative_to(ROOT).as_posix(), href))

    assert foreign == []


def test_templates_link_and_load_scripts_from_no_other_host():
    foreign = []

    for template in _templates():
        for url in LINK_OR_SCRIPT.findall(template.read_text(encoding="utf-8")):
            if OTHER_HOST.match(url):
                foreign.append((template.relative_to(ROOT).as_posix(), url))

    assert foreign == []


def test_stylesheets_import_and_load_nothing_from_another_host():
    foreign = []

    for stylesheet in [*_stylesheets(), *KERN.glob("**/*.css")]:
        text = stylesheet.read_text(encoding="utf-8")
        urls = [url for _quote, url in CSS_URL.findall(text) if not url.startswith("data:")]
        for url in urls + CSS_IMPORT.findall(text):
            if OTHER_HOST.match(url):
                foreign.append((stylesheet.name, url))

    assert foreign == []


def test_kern_font_files_referenced_by_its_font_stylesheet_exist():
    font_css = KERN / "dist" / "fonts" / "fira-sans.css"

    missing = [url for _quote, url in CSS_URL.findall(font_css.read_text()) if not (font_css.parent / url).is_file()]

    assert missing == []


def test_kern_is_vendored_with_its_licence_and_linked_from_base_html():
    base = (ROOT / "netzwerk_site" / "templates" / "base.html").read_text(encoding="utf-8")

    linked = STYLESHEET.findall(base)

    assert (KERN / "LICENSE.md").read_text(encoding="utf-8").startswith("# EUROPÄISCHE UNION PUBLIC LICENCE v. 1.2")
    assert "EUPL-1.2" in (KERN / "VENDOR.md").read_text(encoding="utf-8")
    assert (KERN / "dist" / "kern.min.css").is_file()
    assert linked == [
        "{% static 'vendor/kern-ux-native-2.7.2/dist/fonts/fira-sans.css' %}",
        "{% static 'vendor/kern-ux-native-2.7.2/dist/kern.min.css' %}",
        "{% static 'css/netzwerk.css' %}",
        "{% static 'css/print.css' %}",
    ]
