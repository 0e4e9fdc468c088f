"""Diskussionen and Beiträge; authors are Kommune members unless given."""

from datetime import timedelta

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from diskussionen.models import Beitrag, Diskussion
from diskussionen.rendering import render_markdown
from konto.roles import Rolle
from tests.factories.konto import UserFactory


class DiskussionFactory(DjangoModelFactory):
    class Meta:
        model = Diskussion

    title = factory.Sequence(lambda n: f"Wie organisieren Sie die Sprachstandsfeststellung? ({n})")
    author = factory.SubFactory(UserFactory, rolle=Rolle.MITGLIED_KOMMUNE)


class BeitragFactory(DjangoModelFactory):
    """Goes through save(), so body_html is rendered and sanitized like a real post."""

    class Meta:
        model = Beitrag

    diskussion = factory.SubFactory(DiskussionFactory)
    author = factory.SelfAttribute("diskussion.author")
    body = factory.Faker("paragraph", locale="de_DE")


def add_beitraege(diskussion, anzahl, author=None, body="Bei uns klappt das mit einem Sprachcafé."):
    """Many Beiträge at once in order, one minute apart (bulk insert; the text is rendered once)."""
    start = timezone.now() - timedelta(minutes=anzahl)
    body_html = render_markdown(body)
    beitraege = Beitrag.objects.bulk_create(
        Beitrag(
            diskussion=diskussion,
            author=author or diskussion.author,
            body=body,
            body_html=body_html,
            created_at=start + timedelta(minutes=index),
        )
        for index in range(anzahl)
    )
    Diskussion.objects.filter(pk=diskussion.pk).update(beitrag_count=anzahl, last_activity_at=timezone.now())
    return beitraege
