"""Main navigation and footer links from the page tree, so that a renamed page keeps its links.

At most one query per request: the live children of the site root, kept until the content changes.
"""

from django import template

from wagtail.models import Page, Site

from netzwerk_site import inhaltsstand

register = template.Library()


def _root_children(request):
    """Live children of the current site's root page, in tree order, as (slug, title, show_in_menus, url).

    Kept on the request for every tag below, and for every request until the content changes
    (netzwerk_site.inhaltsstand): on SQLite the query scans the whole page tree (3 ms at 12,000 pages).
    """
    if not hasattr(request, "_netzwerk_seiten"):
        request._netzwerk_seiten = inhaltsstand.gemerkt(
            request, "hauptnavigation", request.get_host(), lambda: _lesen(request)
        )
    return request._netzwerk_seiten


def _lesen(request):
    site = Site.find_for_request(request)
    pages = Page.objects.live().child_of(site.root_page).order_by("path") if site else Page.objects.none()
    return [(page.slug, page.title, page.show_in_menus, page.get_url(request)) for page in pages]


def im_bereich(request, url):
    """True when the request lies in the section at url (WCAG 2.4.8: the current location is shown)."""
    return bool(url) and url != "/" and request.path.startswith(url)


@register.simple_tag(takes_context=True)
def hauptnavigation(context):
    """Menu pages below the site root (show_in_menus) as title, url and whether they are the current section."""
    request = context["request"]
    entries = []
    for _slug, title, show_in_menus, url in _root_children(request):
        if show_in_menus:
            entries.append({"title": title, "url": url, "aktuell": im_bereich(request, url)})
    return entries


@register.simple_tag(takes_context=True)
def seitenurl(context, slug):
    """URL of the child of the site root with this slug; like slugurl without a query per link."""
    request = context["request"]
    return next((url for page_slug, _title, _menu, url in _root_children(request) if page_slug == slug), "")


@register.filter
def aktueller_bereich(request, url):
    """For links to views outside the page tree: {% if request|aktueller_bereich:url %}."""
    return im_bereich(request, url)
