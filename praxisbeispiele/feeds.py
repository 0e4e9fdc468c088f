from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_ITEMS = 20


class NeuePraxisbeispieleFeed(Feed):
    """Atom feed of the newest of pages (the published Praxisbeispiele)."""

    feed_type = Atom1Feed
    title = "Neue Praxisbeispiele – Netzwerk Integration Rheinland-Pfalz"
    link = "/praxisbeispiele/"
    subtitle = "Beispiele guter Praxis aus den Kommunen und vom Land."

    def __init__(self, pages):
        self.pages = pages

    def items(self):
        return self.pages.order_by("-first_published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [t.title for t in item.themenfelder.all()]
