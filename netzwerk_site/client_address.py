"""The client's address: REMOTE_ADDR, or what the configured trusted proxies say it was.

Each proxy appends the address it received the request from to X-Forwarded-For, so only the entries
added by proxies listed in TRUSTED_PROXIES can be believed: walking the header from the right, the
first address that is not a trusted proxy is the client. Anything left of it may be forged. Without
trusted proxies (the default) the header is ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


def client_address(request):
    """The address the request came from as a string, or None when REMOTE_ADDR is not an address."""
    hop = _address(request.META.get("REMOTE_ADDR", ""))
    if hop is None:
        return None
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for entry in reversed(forwarded):
        if not _trusted(hop):
            break
        previous = _address(entry)
        if previous is None:
            break
        hop = previous
    return str(hop)


def _trusted(address):
    return any(address in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


@lru_cache(maxsize=8)
def _networks(entries):
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None
