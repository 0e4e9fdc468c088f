"""Request IDs for log lines: the id of the request being served, added to every record."""

import logging
from contextvars import ContextVar

_request_id = ContextVar("betrieb_request_id", default=None)


def bind_request_id(request_id):
    """Set the id for the current request; returns the token for reset_request_id()."""
    return _request_id.set(request_id)


def reset_request_id(token):
    _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Give every record a request_id attribute (None outside requests), so formatters can rely on it."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True
