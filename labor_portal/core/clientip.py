"""The visitor's address, taken through the proxies we trust and no further.

Behind the README's HTTPS proxy every request arrives from the proxy's address; the visitor's address is in
`X-Forwarded-For`, which anybody can also send themselves. So the header is read only through proxies the
operator declared: `TRUSTED_PROXIES` (a CIDR list: walk the chain from the right while the hop is trusted) or
`TRUSTED_PROXY_COUNT` (that many proxies append to the header: the client is the n-th entry from the right).
With neither set (the default) the header is ignored and `REMOTE_ADDR` is the visitor.
"""

import ipaddress

from django.conf import settings


def _address(raw: str) -> str | None:
    try:
        return str(ipaddress.ip_address(raw.strip()))
    except ValueError:
        return None


def _trusted_networks():
    return [ipaddress.ip_network(cidr, strict=False) for cidr in getattr(settings, "TRUSTED_PROXIES", [])]


def client_ip(request) -> str:
    """The address rate limits, the login lockout and the read log key on."""
    remote = _address(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104 - not a bind address
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    networks = _trusted_networks()
    if networks:
        chain = [*forwarded, remote]
        while len(chain) > 1 and (hop := _address(chain[-1])) and any(
            ipaddress.ip_address(hop) in net for net in networks
        ):
            chain.pop()
        return _address(chain[-1]) or remote
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count and len(forwarded) >= count:
        return _address(forwarded[-count]) or remote
    return remote


def client_ip_for_ratelimit(group, request) -> str:
    """django-ratelimit's `key` callable."""
    return client_ip(request)


def client_ip_for_axes(request, credentials=None) -> str:
    """django-axes' AXES_CLIENT_IP_CALLABLE."""
    return client_ip(request)
