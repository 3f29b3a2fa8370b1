"""A pasted address → the page's bytes, fetched safely for a server that teachers share.

Only http and https; the host's addresses are checked before every connection (redirects
included, at most MAX_REDIRECTS), and the connection goes to the address that was checked (no
second DNS lookup a hostile name could answer differently); loopback, private, link-local and
reserved networks are refused unless the caller allows them (tests serve pages on loopback).
Every read has a timeout and the whole fetch a deadline; the page is read up to MAX_BYTES.
The page's text is then extracted by trafilatura (article.article_from_bytes), as for a saved
page.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from typing import Callable
from urllib.parse import urljoin, urlsplit

from .article import MAX_BYTES
from .errors import BadAddress, NotAPage, PrivateAddress, Unreachable

MAX_REDIRECTS = 3
TIMEOUT_SECONDS = 10.0
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "mlquiz/1 (a teacher's media-literacy quiz; fetches one article on request)"
Resolver = Callable[[str, int], list[str]]


def looks_like_address(text: str) -> bool:
    """A paste that is only an address ("https://…", one line, no spaces)."""
    stripped = text.strip()
    return stripped.lower().startswith(("http://", "https://")) and not any(ch.isspace() for ch in stripped)


def public_only(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global and not address.is_multicast


def fetch_page(url: str, *, allowed: Callable = public_only, timeout: float = TIMEOUT_SECONDS,
               max_bytes: int = MAX_BYTES, resolve: Resolver | None = None, clock=time.monotonic) -> bytes:
    """The page's bytes (raises a FetchError subtype)."""
    deadline = clock() + timeout
    resolve = resolve or _resolve
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BadAddress("only http:// and https:// addresses of a web page can be read")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        ip = _checked_address(parts.hostname, port, allowed, resolve)
        status, location, body = _get(parts, ip, port, deadline, max_bytes, clock)
        if status in (301, 302, 303, 307, 308):
            if not location:
                raise NotAPage("the site answered with a redirection to nowhere")
            url = urljoin(url, location)
            continue
        if status != 200:
            raise NotAPage(f"the site answered with an error (HTTP {status})")
        return body
    raise NotAPage(f"the address redirects more than {MAX_REDIRECTS} times")


def _resolve(host: str, port: int) -> list[str]:
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})
    except (socket.gaierror, UnicodeError) as error:
        raise Unreachable("this address could not be found (no network, or no such site)") from error


def _checked_address(host: str, port: int, allowed: Callable, resolve: Resolver) -> str:
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        addresses = [ipaddress.ip_address(a.split("%")[0]) for a in resolve(host, port)]
    if not addresses:
        raise Unreachable("this address could not be found (no network, or no such site)")
    if not all(allowed(a) for a in addresses):
        raise PrivateAddress("this address leads to a private network, which the server does not read")
    return str(addresses[0])


def _get(parts, ip: str, port: int, deadline: float, max_bytes: int, clock) -> tuple[int, str, bytes]:
    remaining = deadline - clock()
    if remaining <= 0:
        raise Unreachable("the site took too long to answer")
    if parts.scheme == "https":
        connection = _PinnedHTTPS(parts.hostname, port, ip, remaining, ssl.create_default_context())
    else:
        connection = _PinnedHTTP(parts.hostname, port, ip, remaining)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.8",
                                                 "Accept-Encoding": "identity"})
        response = connection.getresponse()
        if response.status != 200:   # a redirection (its Location) or an error: the caller decides
            return response.status, response.getheader("Location") or "", b""
        kind = (response.getheader("Content-Type") or "text/html").split(";")[0].strip().lower()
        if kind not in PAGE_TYPES:
            raise NotAPage(f"this address is not a web page ({kind})")
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise NotAPage(f"the page is larger than {max_bytes // 1_000_000} MB")
        body = bytearray()
        while len(body) <= max_bytes:
            if clock() > deadline:
                raise Unreachable("the site took too long to answer")
            chunk = response.read1(64 * 1024)   # what has arrived: a trickle cannot outlast the deadline
            if not chunk:
                break
            body += chunk
        if len(body) > max_bytes:
            raise NotAPage(f"the page is larger than {max_bytes // 1_000_000} MB")
        return 200, "", bytes(body)
    except (TimeoutError, socket.timeout) as error:
        raise Unreachable("the site took too long to answer") from error
    except (OSError, http.client.HTTPException) as error:
        raise Unreachable("the site could not be reached (no network, or the site is down)") from error
    finally:
        connection.close()


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the address that was checked, whatever the name resolves to now."""

    def __init__(self, host: str, port: int, ip: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self):
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, ip: str, timeout: float, context: ssl.SSLContext):
        super().__init__(host, port, timeout=timeout, context=context)
        self._ip = ip

    def connect(self):
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
