from django.urls import path

from praxisbeispiele import submission_views

app_name = "einreichung"

urlpatterns = [
    path("", submission_views.einreichen, name="einreichen"),
    path("<int:pk>/danke/", submission_views.einreichung_danke, name="danke"),
    path("<int:pk>/bearbeiten/", submission_views.einreichung_bearbeiten, name="bearbeiten"),
    path("<int:pk>/ueberarbeitet/", submission_views.einreichung_ueberarbeitet, name="ueberarbeitet"),
]
