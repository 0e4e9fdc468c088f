from django.urls import path

from praxisbeispiele import kommunen

urlpatterns = [
    path("", kommunen.kommune_list, name="kommune_list"),
    path("<slug:slug>/", kommunen.kommune_detail, name="kommune_detail"),
]
