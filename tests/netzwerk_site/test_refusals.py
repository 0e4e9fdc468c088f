"""Refusal carries its status and message; RefusalMiddleware and 403.html render refusals in the site layout."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views.defaults import permission_denied

import pytest

from netzwerk_site.refusals import Refusal, RefusalMiddleware

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _request():
    request = RequestFactory().get("/irgendwo/")
    request.user = AnonymousUser()
    return request


def test_refusal_page_shows_status_title_and_message_in_the_layout():
    refusal = Refusal("Die Anmeldung ist geschlossen. Wenden Sie sich an den Veranstalter.", status=409)

    response = RefusalMiddleware(lambda request: None).process_exception(_request(), refusal)

    html = response.content.decode()
    assert (response.status_code, response["Cache-Control"]) == (409, "private, no-store")
    assert '<header class="site-header">' in html
    assert '<h1 class="kern-heading-x-large">Nicht möglich</h1>' in html
    assert "Die Anmeldung ist geschlossen. Wenden Sie sich an den Veranstalter." in html


def test_middleware_leaves_other_exceptions_alone():
    result = RefusalMiddleware(lambda request: None).process_exception(_request(), ValueError())

    assert result is None


def test_djangos_permission_denied_renders_in_the_layout_in_german():
    response = permission_denied(_request(), PermissionDenied("internal detail"))

    html = response.content.decode()
    assert response.status_code == 403
    assert '<header class="site-header">' in html
    assert '<h1 class="kern-heading-x-large">Kein Zugriff</h1>' in html
    assert "Sie haben keinen Zugriff auf diese Seite." in html
    assert "internal detail" not in html


def test_a_refusal_answers_only_with_the_agreed_statuses():
    with pytest.raises(ValueError):
        Refusal("Das geht nicht.", status=500)
