"""The visitor's address, taken through the proxies we trust and no further.

Behind the README's HTTPS proxy every request arrives from the proxy's address; the visitor's address is in
`X-Forwarded-For`, which anybody can also send themselves. So the header is read only through proxies the
operator declared: `TRUSTED_PROXIES` (a CIDR list: walk the chain from the right while the hop is trusted) or
`TRUSTED_PROXY_COUNT` (that many proxies append to the header: the client is the n-th entry from the right).
With neither set (the default) the header is ignored and `REMOTE_ADDR` is the visitor.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNKNOWN = "0.0.0.0"  # noqa: S104 - an address to count against, not one to bind


def _address(raw: str) -> str | None:
    """The canonical form of one hop, or None when it is not an address.

    Some proxies write a port (`203.0.113.7:51234`, `[2001:db8::1]:443`), and a dual-stack socket reports IPv4
    peers as `::ffff:10.0.0.2`; both are reduced to the bare address so that they match the CIDR list and
    count as the same visitor as the plain form.
    """
    value = raw.strip()
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


@lru_cache(maxsize=8)
def _networks(cidrs: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def _is_trusted(hop: str, networks) -> bool:
    address = _address(hop)
    return address is not None and any(ipaddress.ip_address(address) in net for net in networks)


def _through_trusted_networks(forwarded: list[str], remote: str, networks) -> str:
    """Walk from the right past every trusted proxy; the first hop that is not one is the visitor.

    A hop that is not an address stops the walk: what lies left of it cannot be believed, so the last
    trusted proxy's address is used rather than anything the visitor wrote.
    """
    chain = [*forwarded, remote]
    while len(chain) > 1 and _is_trusted(chain[-1], networks):
        last_trusted = chain.pop()
        if _address(chain[-1]) is None:
            return _address(last_trusted)
    return _address(chain[-1]) or remote


def client_ip(request) -> str:
    """The address rate limits, the login lockout and the read log key on."""
    remote = _address(request.META.get("REMOTE_ADDR", "")) or UNKNOWN
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if networks:
        return _through_trusted_networks(forwarded, remote, networks)
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0 and len(forwarded) >= count:
        return _address(forwarded[-count]) or remote
    return remote


def client_ip_for_axes(request, credentials=None) -> str:
    """django-axes' AXES_CLIENT_IP_CALLABLE."""
    return client_ip(request)
