"""List querysets of Praxisbeispiele with the related data their templates show.

praxisbeispiele.models builds its manager from PraxisbeispielQuerySet, so this module reaches the
models through self.model and its relations, never by importing them.
"""

from collections import Counter

from django.db.models import Case, Prefetch, Value, When

from wagtail.models import PageQuerySet

from netzwerk_site import inhaltsstand
from netzwerk_site.models import Kommune, Themenfeld, Zielgruppe
from netzwerk_site.visibility import public_pages
from praxisbeispiele.choices import Sortierung

SIMILAR_COUNT = 4


class PraxisbeispielQuerySet(PageQuerySet):
    def published(self):
        """Live Praxisbeispiele without a view restriction."""
        return public_pages(self.live())

    def for_cards(self):
        """With the Themenfelder and Kommunen a card shows."""
        return self.prefetch_related(
            Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order")),
            Prefetch("kommunen", queryset=Kommune.objects.order_by("name")),
        )

    def for_export(self):
        """With every relation the CSV and JSON exports write."""
        return self.select_related("traeger").prefetch_related(
            Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order")),
            Prefetch("kommunen", queryset=Kommune.objects.order_by("name")),
            Prefetch("zielgruppen", queryset=Zielgruppe.objects.order_by("name")),
            "foerderungen",
        )

    def matching(self, ids):
        """Those whose id is in ids, ranked in the order of ids as `relevanz` (best first)."""
        rank = Case(*[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)], default=Value(len(ids)))
        return self.filter(pk__in=ids).alias(relevanz=rank)

    def ordered(self, sortierung, ranked):
        """In the chosen order; by relevance by default where the free text ranked them (matching)."""
        sortierung = sortierung or (Sortierung.RELEVANZ if ranked else Sortierung.NEUESTE)
        if sortierung == Sortierung.RELEVANZ and ranked:
            return self.order_by("relevanz", "title")
        if sortierung == Sortierung.TITEL:
            return self.order_by("title", "pk")
        if sortierung == Sortierung.UEBERNAHMEN:
            return self.order_by("-uebernahmen_anzahl", "-pk")
        return self.order_by("-first_published_at", "-pk")

    def library(self, auswahl, freitext=None):
        """The published library, narrowed to what the free text found (search.bibliothek), in auswahl's order.

        The facets narrow it and count over it (netzwerk_site.auswahl), so the
        search runs once.
        """
        library = self.published()
        if freitext is not None:
            library = library.matching(freitext.ids)
        return library.ordered(auswahl.get("sortierung"), ranked=freitext is not None)

    def similar_to(self, page, request=None):
        """Published examples sharing most Themenfelder, Zielgruppen and Kommunen with page, never page itself.

        Which ones is counted over every assignment of those vocabularies (7,000 rows at benchmark scale 100)
        and kept until the content changes (netzwerk_site.inhaltsstand); the cards then load by key.
        """
        if not inhaltsstand.aktiv(request):
            return self._aehnliche(page)
        pks = inhaltsstand.gemerkt(
            request, "aehnliche-praxisbeispiele", page.pk, lambda: [card.pk for card in self._aehnliche(page)]
        )
        cards = {p.pk: p for p in self.published().for_cards().filter(pk__in=pks)}
        return [cards[pk] for pk in pks if pk in cards]

    def _aehnliche(self, page):
        shared = Counter()
        for field_name in ("themenfelder", "zielgruppen", "kommunen"):
            relation = getattr(self.model, field_name)
            source = f"{relation.field.m2m_field_name()}_id"
            target = f"{relation.field.m2m_reverse_field_name()}_id"
            own = relation.through.objects.filter(**{source: page.pk}).values(target)
            rows = relation.through.objects.filter(**{f"{target}__in": own}).exclude(**{source: page.pk})
            shared.update(rows.values_list(source, flat=True))
        # Unpublished candidates drop out below, so look at a few more than are shown.
        top = [pk for pk, _ in shared.most_common(SIMILAR_COUNT * 5)]
        if not top:
            return []
        candidates = {p.pk: p for p in self.published().for_cards().filter(pk__in=top)}
        ranked = sorted(candidates, key=lambda pk: (-shared[pk], candidates[pk].title))
        return [candidates[pk] for pk in ranked[:SIMILAR_COUNT]]
