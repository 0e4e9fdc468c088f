import pytest

from praxisbeispiele.submission import ensure_workflow


@pytest.fixture
def workflow(site_tree, groups):
    """The workflow "Redaktionelle Prüfung" on the Praxisbeispiel library, as the seed creates it."""
    return ensure_workflow()
