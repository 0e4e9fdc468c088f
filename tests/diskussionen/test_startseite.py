"""The home page's discussion section: members see threads, visitors learn that discussions are for members and
how to join."""

import pytest

from tests.factories.diskussionen import DiskussionFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_visitor_learns_that_discussions_are_for_members_and_how_to_join(client, site_tree, member):
    DiskussionFactory(author=member, title="Sprachstand nach der Zuweisung")

    html = client.get("/").content.decode()

    assert "Noch keine Diskussionen" not in html
    assert "Sprachstand nach der Zuweisung" not in html
    assert "Sie sind nur für Mitglieder sichtbar." in html
    assert '<a href="/konto/anmelden/?next=/diskussionen/">Als Mitglied anmelden und mitdiskutieren</a>' in html
    assert "Die Redaktion lädt Mitarbeitende der Kommunen, des Landes und der kommunalen Spitzenverbände ein." in html


def test_a_member_sees_the_active_threads(member_client, site_tree, member):
    DiskussionFactory(author=member, title="Sprachstand nach der Zuweisung")

    html = member_client.get("/").content.decode()

    assert "Sprachstand nach der Zuweisung" in html
    assert "Als Mitglied anmelden" not in html


def test_a_member_without_threads_is_invited_to_start_one(member_client, site_tree):
    html = member_client.get("/").content.decode()

    assert 'Noch keine Diskussionen. <a href="/diskussionen/neu/">Beginnen Sie die erste Diskussion.</a>' in html
