"""A pasted address, fetched for real from a local HTTP server: the page read and made an
article; every unsafe or broken case refused with its own error type."""
from __future__ import annotations

import ipaddress
import time

import pytest
from news_site import PAGE, news_site

from question_bank.article import article_from_bytes
from question_bank.errors import BadAddress, NotAPage, PrivateAddress, Unreachable
from question_bank.fetch import MAX_REDIRECTS, fetch_page, looks_like_address, public_only

@pytest.fixture(scope="module")
def server():
    with news_site() as base:
        yield base


def loopback_too(address):
    """Tests' servers are on loopback; every other private range stays refused."""
    return address.is_loopback or public_only(address)


def test_a_page_is_fetched_and_read_as_an_article(server):
    article = article_from_bytes(fetch_page(f"{server}/article", allowed=loopback_too))
    assert article.title == "Le port de Brévannes ferme un quai"
    assert "Selon des sources syndicales" in article.text and "Accueil" not in article.text


def test_redirects_are_followed_a_few_times_only(server):
    assert fetch_page(f"{server}/moved", allowed=loopback_too) == PAGE
    assert fetch_page(f"{server}/chain{MAX_REDIRECTS}", allowed=loopback_too) == PAGE
    with pytest.raises(NotAPage, match="redirects more than"):
        fetch_page(f"{server}/chain{MAX_REDIRECTS + 1}", allowed=loopback_too)


def test_a_redirect_to_a_private_address_is_refused_before_connecting(server):
    with pytest.raises(PrivateAddress):
        fetch_page(f"{server}/private", allowed=loopback_too)


def test_the_servers_own_network_is_refused_by_default(server):
    with pytest.raises(PrivateAddress):
        fetch_page(f"{server}/article")
    for address in ("http://10.0.0.8/", "http://192.168.1.1/", "http://[::1]/", "http://169.254.169.254/"):
        with pytest.raises(PrivateAddress):
            fetch_page(address)
    # A name is checked by what it resolves to.
    with pytest.raises(PrivateAddress):
        fetch_page("http://intranet.example/", resolve=lambda host, port: ["10.1.2.3"])


@pytest.mark.parametrize("address", ["ftp://example.org/a.txt", "file:///etc/passwd", "javascript:alert(1)",
                                     "https:///nohost"])
def test_only_http_and_https_addresses_are_read(address):
    with pytest.raises(BadAddress):
        fetch_page(address)


def test_errors_sizes_types_and_slowness_are_refused(server):
    with pytest.raises(NotAPage, match="HTTP 404"):
        fetch_page(f"{server}/missing", allowed=loopback_too)
    with pytest.raises(NotAPage, match="not a web page"):
        fetch_page(f"{server}/image", allowed=loopback_too)
    with pytest.raises(NotAPage, match="larger than"):
        fetch_page(f"{server}/huge", allowed=loopback_too)
    started = time.monotonic()
    with pytest.raises(Unreachable, match="too long"):
        fetch_page(f"{server}/slow", allowed=loopback_too, timeout=0.5)
    assert time.monotonic() - started < 2.5   # the deadline holds, not only each read's timeout


def test_no_network_says_so():
    def no_dns(host, port):
        raise Unreachable("this address could not be found (no network, or no such site)")
    with pytest.raises(Unreachable, match="no network"):
        fetch_page("https://news.example/", resolve=no_dns)


def test_a_paste_is_an_address_only_when_it_is_one_line_without_spaces():
    assert looks_like_address("  https://news.example/article?id=3 \n")
    assert not looks_like_address("https://news.example/ is where I read it")
    assert not looks_like_address("Le titre\nhttps://news.example/")
    assert public_only(ipaddress.ip_address("93.184.216.34")) and not public_only(ipaddress.ip_address("127.0.0.1"))
