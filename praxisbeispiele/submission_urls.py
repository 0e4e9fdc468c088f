from django.urls import path

from praxisbeispiele import submission_views

app_name = "einreichung"

urlpatterns = [
    path("", submission_views.einreichen, name="einreichen"),
    path("<int:pk>/danke/", submission_views.einreichung_danke, name="danke"),
]
