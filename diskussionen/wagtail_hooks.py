"""Admin menu "Diskussionen" for the Redaktion: reports, moderation of threads, assignments, and the log."""

from wagtail import hooks

from diskussionen import (
    personal_data,  # noqa: F401 (registers its hooks)
    sections,  # noqa: F401 (registers its hooks)
)
from diskussionen.viewsets import DiskussionenViewSetGroup


@hooks.register("register_admin_viewset")
def register_diskussionen_viewsets():
    return DiskussionenViewSetGroup()
