from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from netzwerk_site import views
from netzwerk_site.api import api_router

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("konto/", include("konto.urls")),
    path("praxisbeispiele/einreichen/", include("praxisbeispiele.submission_urls")),
    path("aktionen/praxisbeispiele/", include("praxisbeispiele.urls")),
    path("", include("veranstaltungen.urls")),
    path("kalender/", include("veranstaltungen.kalender_urls")),
    path("diskussionen/", include("diskussionen.urls")),
    path("umsetzung/", views.umsetzung, name="umsetzung"),
    path("barriere-melden/", views.barriere_melden, name="barriere_melden"),
    path("barriere-melden/danke/", views.barriere_danke, name="barriere_danke"),
    path("kommunen/", include("praxisbeispiele.kommune_urls")),
    path("", include("search.urls")),
    path("healthz", include("betrieb.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's own pattern serves only paths of slugs; page routes that answer with a file
    # (/praxisbeispiele/export.csv, feed.atom) end in a file name.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.(?:atom|csv|json))$", wagtail_views.serve, name="wagtail_serve_datei"),
    path("", include(wagtail_urls)),
]
