"""Expanding abbreviations in page text (WCAG 2.1, 3.1.4), without the core knowing where they are defined.

The app that keeps the abbreviations (the search app's Glossar) registers one function html → html in its
AppConfig.ready(); the template filter `abkuerzungen` applies it. Without a registration text stays as is.
"""

_expand = None


def register(function):
    """Set the function that marks abbreviations in escaped HTML (one per site)."""
    global _expand  # noqa: PLW0603 - one process-wide registration, set once at start-up
    _expand = function
    return function


def expand(html):
    return _expand(html) if _expand else html
