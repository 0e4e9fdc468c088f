"""public_pages() keeps exactly the pages Wagtail's .public() keeps (bench/RESULTS.md runs it with ~600 restrictions)."""

from wagtail.models import Page, PageViewRestriction

import pytest

from netzwerk_site.visibility import public_pages
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_restricted_pages_and_their_descendants_are_left_out_like_wagtails_public(site_tree):
    offen = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele)
    geschuetzt = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele)
    PageViewRestriction.objects.create(page=geschuetzt, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=site_tree.themenfelder, restriction_type=PageViewRestriction.LOGIN)

    ours = set(public_pages(Page.objects.all()).values_list("pk", flat=True))

    assert ours == set(Page.objects.public().values_list("pk", flat=True))
    assert offen.pk in ours
    assert geschuetzt.pk not in ours
    assert site_tree.themenfelder.pk not in ours
