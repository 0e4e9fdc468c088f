import factory
import wagtail_factories

from praxisbeispiele.choices import PraxisEbene
from praxisbeispiele.models import PraxisbeispielIndexPage, PraxisbeispielPage


class PraxisbeispielIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PraxisbeispielIndexPage

    title = "Praxisbeispiele"
    slug = "praxisbeispiele"


class PraxisbeispielPageFactory(wagtail_factories.PageFactory):
    """Pass themenfelder, kommunen, zielgruppen, handlungsfelder as lists."""

    class Meta:
        model = PraxisbeispielPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praxisbeispiel {n:04d}")
    slug = factory.Sequence(lambda n: f"praxisbeispiel-{n}")
    summary = factory.Faker("sentence", nb_words=14, locale="de_DE")
    ebene = PraxisEbene.KOMMUNAL

    @factory.post_generation
    def themenfelder(self, create, extracted, **kwargs):
        if extracted:
            self.themenfelder.set(extracted)
            self.save()

    @factory.post_generation
    def kommunen(self, create, extracted, **kwargs):
        if extracted:
            self.kommunen.set(extracted)
            self.save()

    @factory.post_generation
    def zielgruppen(self, create, extracted, **kwargs):
        if extracted:
            self.zielgruppen.set(extracted)
            self.save()

    @factory.post_generation
    def handlungsfelder(self, create, extracted, **kwargs):
        if extracted:
            self.handlungsfelder.set(extracted)
            self.save()
