from django.urls import path

from diskussionen import views

app_name = "diskussionen"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("neu/", views.neu, name="neu"),
    path("fragen/", views.fragen, name="fragen"),
    path("einstellungen/", views.einstellungen, name="einstellungen"),
    path("abbestellen/<str:token>/", views.abbestellen, name="abbestellen"),
    path("themenfeld/<slug:slug>/folgen/", views.themenfeld_folgen, name="themenfeld_folgen"),
    path("<int:pk>/", views.diskussion, name="diskussion"),
    path("<int:pk>/antworten/", views.antworten, name="antworten"),
    path("<int:pk>/erledigt/", views.erledigt, name="erledigt"),
    path("<int:pk>/folgen/", views.folgen, name="folgen"),
    path("beitrag/<int:pk>/", views.beitrag, name="beitrag"),
    path("beitrag/<int:pk>/bearbeiten/", views.bearbeiten, name="bearbeiten"),
    path("beitrag/<int:pk>/loeschen/", views.loeschen, name="loeschen"),
    path("beitrag/<int:pk>/melden/", views.melden, name="melden"),
    path("beitrag/<int:pk>/antwort-des-landes/", views.antwort_markieren, name="antwort_markieren"),
    path("anhang/<int:pk>/", views.anhang, name="anhang"),
]
