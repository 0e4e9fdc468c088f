"""Mounted at /aktionen/praxisbeispiele/: POST actions on one Praxisbeispiel, outside the page tree's URL space."""

from django.urls import path

from praxisbeispiele import views

app_name = "praxisbeispiele"

urlpatterns = [
    path("<int:pk>/uebernahme/", views.uebernahme_speichern, name="uebernahme_speichern"),
    path("<int:pk>/kontakt/widerrufen/", views.kontakt_widerrufen, name="kontakt_widerrufen"),
    path("<int:pk>/uebernahme/zurueckziehen/", views.uebernahme_zurueckziehen, name="uebernahme_zurueckziehen"),
]
