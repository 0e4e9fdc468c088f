from django.urls import path

from betrieb import views

# Included at "healthz" (no trailing slash: load balancers probe the exact path).
urlpatterns = [path("", views.healthz, name="healthz")]
