"""The portal's identity: its name once in every title, icons, the Open Graph image and the print stylesheet."""

import re
import struct

from django.conf import settings
from django.urls import reverse

import pytest

from netzwerk_site.templatetags.identitaet import seitentitel

pytestmark = pytest.mark.django_db

SITE = "Netzwerk Integration Rheinland-Pfalz"
IMG = settings.BASE_DIR / "netzwerk_site" / "static" / "img"


def _title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def _png_size(path):
    header = path.read_bytes()[:24]
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize(
    ("titel", "expected"),
    [
        ("Umsetzungsstand", f"Umsetzungsstand – {SITE}"),
        (SITE, SITE),
        ("", SITE),
        ("  Zwei\n   Zeilen ", f"Zwei Zeilen – {SITE}"),
    ],
)
def test_page_title_names_the_site_once(titel, expected):
    assert seitentitel(titel) == expected


def test_home_and_a_view_name_the_site_once_in_their_title(client, site_tree):
    home = client.get("/").content.decode()
    umsetzung = client.get(reverse("umsetzung")).content.decode()

    assert (_title(home), _title(umsetzung)) == (SITE, f"Umsetzungsstand – {SITE}")


def test_every_page_links_its_icons_and_an_absolute_open_graph_image(client, site_tree):
    html = client.get(reverse("umsetzung")).content.decode()

    assert '<meta property="og:image" content="http://testserver/static/img/og-bild.png">' in html
    assert '<meta property="og:url" content="http://testserver/umsetzung/">' in html
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html


def test_icons_and_open_graph_image_have_the_sizes_they_are_announced_with():
    sizes = {name: _png_size(IMG / name) for name in ("favicon-32.png", "apple-touch-icon.png", "og-bild.png")}

    assert sizes == {"favicon-32.png": (32, 32), "apple-touch-icon.png": (180, 180), "og-bild.png": (1200, 630)}


def test_signet_and_wordmark_are_drawn_by_the_project_without_scripts_or_foreign_references():
    for name in ("signet.svg", "wortmarke.svg", "favicon.svg"):
        svg = (IMG / name).read_text()

        assert svg.lstrip().startswith("<svg") or svg.lstrip().startswith("<?xml")
        assert "<script" not in svg and 'href="http' not in svg and "<image" not in svg


def test_print_stylesheet_leaves_out_navigation_search_forms_and_footer():
    css = (settings.BASE_DIR / "netzwerk_site" / "static" / "css" / "print.css").read_text()

    hidden = re.search(r"([^{}]*)\{\s*display:\s*none", css).group(1)
    assert all(part in hidden for part in (".site-header", ".site-footer", "form", ".breadcrumbs"))
