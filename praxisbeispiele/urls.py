"""Mounted at /aktionen/praxisbeispiele/: actions on one Praxisbeispiel, outside the page tree's URL space."""

from django.urls import path

from praxisbeispiele import pruefung_views, views

app_name = "praxisbeispiele"

urlpatterns = [
    path("<int:pk>/uebernahme/", views.uebernahme_speichern, name="uebernahme_speichern"),
    path("<int:pk>/kontakt/widerrufen/", views.kontakt_widerrufen, name="kontakt_widerrufen"),
    path("<int:pk>/uebernahme/zurueckziehen/", views.uebernahme_zurueckziehen, name="uebernahme_zurueckziehen"),
    path("pruefung/<str:token>/", pruefung_views.pruefung_bestaetigen, name="pruefung_bestaetigen"),
]
