"""Mounted at the site root: `path("", include("search.urls"))` before Wagtail's catch-all."""

from django.urls import path

from search import views

urlpatterns = [
    path("suche/", views.suche, name="suche"),
    path("api/suche/", views.api_suche, name="api_suche"),
]
