"""A small news site on loopback, for the tests that fetch a pasted address for real."""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = ("<!doctype html><html><head><title>Le port de Brévannes ferme un quai</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/eco'>Économie</a></nav><article><h1>Le port de Brévannes ferme un quai</h1>"
        "<p>Le quai nord du port de Brévannes fermera le 1er juin, a annoncé mardi la chambre de commerce, "
        "qui gère le site depuis 1998.</p><p>Selon des sources syndicales, une quarantaine d'emplois "
        "seraient menacés par cette décision, que la direction justifie par la baisse du trafic.</p>"
        "<p>« Nous cherchons des solutions pour chaque salarié », assure la directrice du port, Claire Aubin.</p>"
        "</article><footer>Partager · Abonnez-vous</footer></body></html>").encode("utf-8")


class Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        routes = {
            "/article": lambda: self._send(200, PAGE),
            "/moved": lambda: self._redirect("/article"),
            "/private": lambda: self._redirect("http://169.254.169.254/latest/meta-data/"),
            "/missing": lambda: self._send(404, b"not here"),
            "/empty": lambda: self._send(200, b"<!doctype html><html><head><title>x</title></head><body></body></html>"),
            "/image": lambda: self._send(200, b"\x89PNG....", "image/png"),
            "/huge": lambda: self._send(200, b"<p>" + b"x" * 2_000_000 + b"</p>"),
            "/slow": self._slow,
        }
        if self.path.startswith("/chain"):   # /chainN: N redirections, then the article
            n = int(self.path[6:])
            return self._redirect(f"/chain{n - 1}") if n else self._send(200, PAGE)
        routes.get(self.path, lambda: self._send(404, b""))()

    def _send(self, status, body, kind="text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except ConnectionError:
            pass   # the client stopped reading a page too large for it: what the test wants

    def _redirect(self, where):
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _slow(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(30):
            time.sleep(0.1)
            self.wfile.write(b"<p>slow</p>")
            self.wfile.flush()

    def log_message(self, *args):
        pass


@contextmanager
def news_site():
    """http://127.0.0.1:<port>, serving Pages' routes until the block ends."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        thread.join(timeout=5)
