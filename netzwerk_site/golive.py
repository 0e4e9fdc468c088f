"""What still blocks going live, listed by `manage.py bereit_fuer_betrieb`.

The core checks its own settings and the published pages. What only an app knows (demo accounts in
konto, invented example meetings in veranstaltungen) the app registers as a Wagtail hook in a
module its `wagtail_hooks.py` imports:

    @golive.register(order=20)
    def demo_konten():
        return [f"Das Demo-Konto „{name}“ ist aktiv: …" for name in ...]

Each function returns German lines, one per blocker, that say what to do.
"""

import json
import re

from django.conf import settings

from wagtail import hooks
from wagtail.models import Page

HOOK = "netzwerk_golive_blockers"
PLACEHOLDER = "[Platzhalter"
# RFC 2606 reserves example.org, .com, .net and the top-level domain .example for documentation.
EXAMPLE_ADDRESS = re.compile(r"[^\s\"'<>()]*\b(?:example\.(?:org|com|net)|[\w-]+\.example)(?![\w-])[^\s\"'<>(),]*")
EXAMPLE_SETTINGS = ("DEFAULT_FROM_EMAIL", "REDAKTION_EMAIL")


def register(*, order=0):
    """Decorator: function() returns the lines of what blocks going live; lower order is listed first."""
    return hooks.register(HOOK, order=order)


def blockers():
    """Every blocker line of the core and the apps, in order."""
    return [line for function in hooks.get_hooks(HOOK) for line in function()]


def example_address(text):
    """The first example.org or .example address in text, or None."""
    match = EXAMPLE_ADDRESS.search(text or "")
    return match.group().rstrip(".,;:") if match else None


@register(order=0)
def example_settings():
    lines = []
    for name in EXAMPLE_SETTINGS:
        address = example_address(getattr(settings, name))
        if address:
            lines.append(
                f"Die Einstellung {name} ist die Beispieladresse „{address}“: "
                f"Setzen Sie die Umgebungsvariable {name} auf eine echte Adresse."
            )
    return lines


@register(order=10)
def published_pages():
    """Placeholders and example addresses in what each live page shows (its live revision)."""
    lines = []
    for page in Page.objects.live().select_related("live_revision").order_by("path"):
        if page.live_revision is None:
            continue
        content = json.dumps(page.live_revision.content, ensure_ascii=False)
        where = f"Die Seite „{page.title}“ ({page.get_url() or page.url_path})"
        if PLACEHOLDER in content:
            lines.append(
                f"{where} enthält Platzhalter: Ersetzen Sie im Admin jeden „[Platzhalter: …]“ durch den "
                "richtigen Text und veröffentlichen Sie die Seite."
            )
        address = example_address(content)
        if address:
            lines.append(
                f"{where} nennt die Beispieladresse „{address}“: Tragen Sie im Admin die echte Adresse ein "
                "und veröffentlichen Sie die Seite."
            )
    return lines
