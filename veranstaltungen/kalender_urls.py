"""Mounted at /kalender/: a member's personal feed and the management of its secret address."""

from django.urls import path

from veranstaltungen import views

app_name = "kalender"

urlpatterns = [
    path("erneuern/", views.kalender_erneuern, name="erneuern"),
    path("widerrufen/", views.kalender_widerrufen, name="widerrufen"),
    path("zugang/", views.kalender_zugang, name="zugang"),
    path("<str:token>.ics", views.persoenlicher_kalender, name="persoenlich"),
]
