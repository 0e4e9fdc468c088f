"""Mounted at /veranstaltungen/ before Wagtail, which serves the list, archive and event pages."""

from django.urls import path

from veranstaltungen import views

app_name = "veranstaltungen"

urlpatterns = [
    path("kalender.ics", views.kalender, name="kalender"),
    path("themenfeld/<slug:slug>/kalender.ics", views.themenfeld_kalender, name="themenfeld_kalender"),
    path("<slug:slug>/termin.ics", views.termin, name="termin"),
    path("<int:pk>/anmelden/", views.anmelden, name="anmelden"),
    path("<int:pk>/abmelden/", views.abmelden, name="abmelden"),
    path("<int:pk>/teilnehmende/", views.teilnehmende, name="teilnehmende"),
    path("<int:pk>/teilnehmende.csv", views.teilnehmende_csv, name="teilnehmende_csv"),
]
