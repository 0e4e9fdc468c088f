"""The portal's name in <title> and the absolute URLs that Open Graph needs."""

from django import template
from django.conf import settings
from django.templatetags.static import static

register = template.Library()


@register.filter
def seitentitel(titel):
    """The page's title, then the site name once; the site name alone for an empty title or the site's own."""
    titel = " ".join(str(titel).split())
    site_name = settings.WAGTAIL_SITE_NAME
    if not titel or titel == site_name:
        return site_name
    return f"{titel} – {site_name}"


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """Absolute URL of a static file (Open Graph requires one); relative where no request is at hand."""
    url = static(path)
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url
