from wagtail import hooks

from konto import seeding  # noqa: F401 (registers the demo accounts step)
from konto.viewsets import EinladenViewSet


@hooks.register("register_admin_viewset")
def register_einladen_viewset():
    return EinladenViewSet("konto_einladen")
