from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from konto import views

app_name = "konto"

urlpatterns = [
    path("", views.uebersicht, name="uebersicht"),
    path("anmelden/", views.AnmeldenView.as_view(), name="anmelden"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="abmelden"),
    path("einladung/<str:token>/", views.einladung, name="einladung"),
    path("meine-daten.zip", views.daten_herunterladen, name="daten"),
    path("benachrichtigungen/", views.benachrichtigungen, name="benachrichtigungen"),
    path("benachrichtigungen/gelesen/", views.benachrichtigungen_gelesen, name="benachrichtigungen_gelesen"),
    path("benachrichtigungen/<int:pk>/", views.benachrichtigung_oeffnen, name="benachrichtigung"),
    path(
        "wochenueberblick/abbestellen/<str:token>/",
        views.wochenueberblick_abbestellen,
        name="wochenueberblick_abbestellen",
    ),
    path("loeschen/", views.konto_loeschen, name="loeschen"),
    path("passwort/", views.PasswortAendernView.as_view(), name="passwort_aendern"),
    path(
        "passwort-vergessen/",
        auth_views.PasswordResetView.as_view(
            template_name="konto/passwort_vergessen.html",
            email_template_name="konto/email/passwort_zuruecksetzen.txt",
            subject_template_name="konto/email/passwort_zuruecksetzen_betreff.txt",
            success_url=reverse_lazy("konto:passwort_vergessen_gesendet"),
        ),
        name="passwort_vergessen",
    ),
    path(
        "passwort-vergessen/gesendet/",
        auth_views.PasswordResetDoneView.as_view(template_name="konto/passwort_vergessen_gesendet.html"),
        name="passwort_vergessen_gesendet",
    ),
    path(
        "passwort-neu/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="konto/passwort_neu.html",
            success_url=reverse_lazy("konto:passwort_neu_fertig"),
        ),
        name="passwort_neu",
    ),
    path(
        "passwort-neu/fertig/",
        auth_views.PasswordResetCompleteView.as_view(template_name="konto/passwort_neu_fertig.html"),
        name="passwort_neu_fertig",
    ),
]
