"""Wagtail hooks of the Veranstaltungen; importing the modules registers them."""

from veranstaltungen import personal_data, sections, seeding  # noqa: F401
