"""The Veranstaltungen's part of `bereit_fuer_betrieb`: invented example meetings from `seed_netzwerk --demo`."""

from netzwerk_site import golive
from veranstaltungen.models import VeranstaltungPage
from veranstaltungen.seeding import demo_slugs


@golive.register(order=30)
def beispieltermine():
    """Live example meetings as seeded; once an editor has saved one, it is the Redaktion's own."""
    pages = VeranstaltungPage.objects.live().filter(slug__in=demo_slugs()).order_by("start_date", "pk")
    return [
        f"Die Veranstaltung „{page.title}“ ({page.get_url() or page.url_path}) ist ein erfundener "
        "Beispieltermin: Löschen Sie sie im Admin oder tragen Sie Datum und Ort des echten Treffens ein."
        for page in pages
        if not page.revisions.exclude(user=None).exists()
    ]
