"""Restricted document collections exist whenever they are needed, even in a database emptied by flush."""

from wagtail.models import Collection, CollectionViewRestriction

from konto.roles import Rolle
from konto.sammlungen import restricted_collection


def test_restricted_collection_is_made_below_a_new_root_when_the_root_is_missing(groups):
    Collection.objects.all().delete()

    collection = restricted_collection("Einreichungen", {Rolle.REDAKTION})

    assert collection.get_parent() == Collection.get_first_root_node()
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert list(restriction.groups.values_list("name", flat=True)) == [Rolle.REDAKTION]
