"""Wagtail hooks of the Veranstaltungen; importing the modules registers them."""

from veranstaltungen import golive, personal_data, sections, seeding  # noqa: F401
