"""Mounted at the site root before Wagtail, which serves the list, archive and event pages below
/veranstaltungen/. POST actions on one Veranstaltung live below the neutral prefix /aktionen/, outside
the page tree's URL space."""

from django.urls import include, path

from veranstaltungen import views

app_name = "veranstaltungen"

seiten = [
    path("kalender.ics", views.kalender, name="kalender"),
    path("themenfeld/<slug:slug>/kalender.ics", views.themenfeld_kalender, name="themenfeld_kalender"),
    path("<slug:slug>/termin.ics", views.termin, name="termin"),
    path("<int:pk>/teilnehmende/", views.teilnehmende, name="teilnehmende"),
    path("<int:pk>/teilnehmende.csv", views.teilnehmende_csv, name="teilnehmende_csv"),
]

aktionen = [
    path("<int:pk>/anmelden/", views.anmelden, name="anmelden"),
    path("<int:pk>/abmelden/", views.abmelden, name="abmelden"),
]

urlpatterns = [
    path("veranstaltungen/", include(seiten)),
    path("aktionen/veranstaltungen/", include(aktionen)),
]
