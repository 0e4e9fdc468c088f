"""Main navigation and footer links from the page tree, so that a renamed page keeps its links.

One query per request: the live children of the site root, kept on the request for every tag below.
"""

from django import template

from wagtail.models import Page, Site

register = template.Library()


def _root_children(request):
    """Live children of the current site's root page, in tree order, cached on the request."""
    if not hasattr(request, "_netzwerk_seiten"):
        site = Site.find_for_request(request)
        pages = Page.objects.live().child_of(site.root_page).order_by("path") if site else Page.objects.none()
        request._netzwerk_seiten = list(pages)
    return request._netzwerk_seiten


def im_bereich(request, url):
    """True when the request lies in the section at url (WCAG 2.4.8: the current location is shown)."""
    return bool(url) and url != "/" and request.path.startswith(url)


@register.simple_tag(takes_context=True)
def hauptnavigation(context):
    """Menu pages below the site root (show_in_menus) as title, url and whether they are the current section."""
    request = context["request"]
    entries = []
    for page in _root_children(request):
        if page.show_in_menus:
            url = page.get_url(request)
            entries.append({"title": page.title, "url": url, "aktuell": im_bereich(request, url)})
    return entries


@register.simple_tag(takes_context=True)
def seitenurl(context, slug):
    """URL of the child of the site root with this slug; like slugurl without a query per link."""
    request = context["request"]
    page = next((p for p in _root_children(request) if p.slug == slug), None)
    return page.get_url(request) if page else ""


@register.filter
def aktueller_bereich(request, url):
    """For links to views outside the page tree: {% if request|aktueller_bereich:url %}."""
    return im_bereich(request, url)
