from wagtail import hooks

from konto import golive, seeding  # noqa: F401 (register the demo accounts step and the go-live checks)
from konto.viewsets import EinladenViewSet


@hooks.register("register_admin_viewset")
def register_einladen_viewset():
    return EinladenViewSet("konto_einladen")
