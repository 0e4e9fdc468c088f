from django.contrib.auth.models import Group

import factory
from factory.django import DjangoModelFactory

from konto.models import User


class UserFactory(DjangoModelFactory):
    """Pass rolle="Redaktion" (or another group name) to put the user in that group."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"mitglied{n}")
    email = factory.Sequence(lambda n: f"mitglied{n}@example.org")
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    password = factory.django.Password("Geheim-Passwort-123")

    @factory.post_generation
    def rolle(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))
