"""Issue 8 item 1: the visitor's address through the trusted proxies only, in rate limits and the login lockout."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from labor_portal.core.clientip import client_ip
from labor_portal.core.ratelimit import per_ip_limit

PROXY = "172.18.0.5"


def _request(remote=PROXY, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.fixture
def no_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.TRUSTED_PROXIES = []


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = []


@pytest.fixture
def proxy_networks(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.TRUSTED_PROXIES = ["172.16.0.0/12", "10.0.0.0/8", "fd00::/8"]


def test_item1_a_spoofed_header_is_ignored_without_a_trusted_proxy(no_trusted_proxy):
    assert client_ip(_request(remote="198.51.100.9", forwarded="1.2.3.4")) == "198.51.100.9"


def test_item1_one_trusted_proxy_gives_the_address_it_appended(one_proxy):
    # The visitor wrote "1.2.3.4" themselves; the proxy appended the address it saw.
    assert client_ip(_request(forwarded="1.2.3.4, 203.0.113.7")) == "203.0.113.7"


def test_item1_a_request_that_did_not_pass_all_counted_proxies_is_its_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request(forwarded="203.0.113.7")) == PROXY


def test_item1_the_cidr_walk_stops_at_the_first_untrusted_hop(proxy_networks):
    # visitor's own forgery, the visitor, an inner load balancer, then the proxy as the peer
    request = _request(remote="10.0.0.2", forwarded="6.6.6.6, 203.0.113.7, 172.18.0.9")
    assert client_ip(request) == "203.0.113.7"


def test_item1_a_peer_outside_the_trusted_networks_is_the_visitor(proxy_networks):
    assert client_ip(_request(remote="198.51.100.9", forwarded="203.0.113.7")) == "198.51.100.9"


def test_item1_a_malformed_hop_stops_the_walk_at_the_last_trusted_proxy(proxy_networks):
    assert client_ip(_request(remote="10.0.0.2", forwarded="203.0.113.7, not-an-address")) == "10.0.0.2"


@pytest.mark.parametrize("forwarded", ["", " , ", "unknown", "999.1.1.1"])
def test_item1_a_malformed_counted_entry_falls_back_to_the_peer(one_proxy, forwarded):
    assert client_ip(_request(forwarded=forwarded)) == PROXY


def test_item1_a_missing_peer_address_is_a_fixed_placeholder(no_trusted_proxy):
    assert client_ip(_request(remote="")) == "0.0.0.0"  # noqa: S104


def test_item1_ipv6_visitors_and_proxies(proxy_networks):
    request = _request(remote="fd00::2", forwarded="2001:DB8::0001")
    assert client_ip(request) == "2001:db8::1"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [("203.0.113.7:51234", "203.0.113.7"), ("[2001:db8::1]:443", "2001:db8::1"), ("::ffff:203.0.113.7", "203.0.113.7")],
)
def test_item1_ports_and_ipv4_mapped_forms_name_the_same_visitor(one_proxy, forwarded, expected):
    assert client_ip(_request(forwarded=forwarded)) == expected


def test_item1_an_ipv4_mapped_peer_matches_an_ipv4_trusted_network(proxy_networks):
    assert client_ip(_request(remote="::ffff:10.0.0.2", forwarded="203.0.113.7")) == "203.0.113.7"


def test_item1_citizens_behind_the_proxy_have_a_rate_limit_each(one_proxy):
    cache.clear()

    @per_ip_limit("tests.client_ip", "2/m")
    def view(request):
        return HttpResponse("filed")

    def post(visitor):
        return view(RequestFactory().post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor))

    assert [post("203.0.113.7").status_code for _ in range(3)] == [200, 200, 429]
    # Before, every citizen shared the proxy's counter and this one was refused too.
    assert post("203.0.113.8").status_code == 200


@pytest.mark.parametrize("env", [{"TRUSTED_PROXY_COUNT": "-1"}, {"TRUSTED_PROXIES": "10.0.0.0/8,proxy.local"}])
def test_item1_a_malformed_proxy_setting_stops_the_start(env):
    from tests.core.test_settings import _load_settings

    result = _load_settings(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
