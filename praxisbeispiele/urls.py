from django.urls import path

from praxisbeispiele import views
from praxisbeispiele.feeds import NeuePraxisbeispieleFeed

app_name = "praxisbeispiele"

urlpatterns = [
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("feed.atom", NeuePraxisbeispieleFeed(), name="feed"),
    path("<int:pk>/uebernahme/", views.uebernahme_speichern, name="uebernahme_speichern"),
    path("<int:pk>/kontakt/widerrufen/", views.kontakt_widerrufen, name="kontakt_widerrufen"),
    path("<int:pk>/uebernahme/zurueckziehen/", views.uebernahme_zurueckziehen, name="uebernahme_zurueckziehen"),
]
