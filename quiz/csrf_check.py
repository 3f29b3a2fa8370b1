"""Flask-WTF's CSRF protection, with the signature of a token checked once per process.

Every autosave carries the token its page was loaded with, and Flask-WTF checks it from
scratch each time: base64, an HMAC, JSON, and the request's form parsed first to look for
it there (py-spy and cProfile at 1,000 students: a fifth of an autosave's CPU). This keeps
the same checks, in the same order, with two changes that decide nothing differently:

- a token string whose signature was verified with this secret key is remembered with what
  it carries. It stays valid as long as the secret key (the configuration sets no time limit,
  WTF_CSRF_TIME_LIMIT = None; with a limit, every token is checked from scratch). What it
  carries is still compared with the session's own value on every request, so a remembered
  token from another session is refused as before;
- the form is only looked at when the request is a form (a JSON body has none).
"""
from __future__ import annotations

import hmac
import logging
from collections import OrderedDict
from threading import Lock

from flask import current_app, g, request, session
from flask_wtf.csrf import CSRFProtect, same_origin
from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer

logger = logging.getLogger("flask_wtf.csrf")

FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
KEPT_TOKENS = 4096


class TokenRefused(Exception):
    """Why a request's CSRF token is refused, in Flask-WTF's own words (logged, as it does)."""


class KeptSignatureCSRF(CSRFProtect):
    def __init__(self, app=None):
        self._verified: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._verified_lock = Lock()
        super().__init__(app)

    def checked_count(self) -> int:
        """How many token strings this process keeps as verified."""
        with self._verified_lock:
            return len(self._verified)

    def forget_checked(self) -> None:
        with self._verified_lock:
            self._verified.clear()

    def _get_csrf_token(self):
        if request.mimetype in FORM_TYPES:
            return super()._get_csrf_token()
        for header_name in current_app.config["WTF_CSRF_HEADERS"]:
            token = request.headers.get(header_name)
            if token:
                return token
        return None

    def protect(self, apply_exemptions=False):
        """CSRFProtect.protect, with validate_csrf replaced by _check."""
        if apply_exemptions and (not request.endpoint or self._is_exempt()):
            return
        config = current_app.config
        if request.method not in config["WTF_CSRF_METHODS"]:
            return
        try:
            self._check(self._get_csrf_token(), config)
        except TokenRefused as refused:
            logger.info(refused.args[0])
            self._error_response(refused.args[0])
        if request.is_secure and config["WTF_CSRF_SSL_STRICT"]:
            if not request.referrer:
                self._error_response("The referrer header is missing.")
            if not same_origin(request.referrer, f"https://{request.host}/"):
                self._error_response("The referrer does not match the host.")
        g.csrf_valid = True

    def _check(self, data, config) -> None:
        """flask_wtf.csrf.validate_csrf's checks, in its order and with its messages."""
        secret_key = config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
        if not secret_key:
            raise RuntimeError("A secret key is required to use CSRF.")
        field_name = config["WTF_CSRF_FIELD_NAME"]
        if not data:
            raise TokenRefused("The CSRF token is missing.")
        if field_name not in session:
            raise TokenRefused("The CSRF session token is missing.")
        carried = self._signed_value(data, secret_key, config["WTF_CSRF_TIME_LIMIT"])
        if not hmac.compare_digest(session[field_name], carried):
            raise TokenRefused("The CSRF tokens do not match.")

    def _signed_value(self, data: str, secret_key: str, time_limit) -> str:
        key = (secret_key, data)
        if time_limit is None:
            with self._verified_lock:
                if key in self._verified:
                    self._verified.move_to_end(key)
                    return self._verified[key]
        try:
            value = URLSafeTimedSerializer(secret_key, salt="wtf-csrf-token").loads(data, max_age=time_limit)
        except BadData as bad:   # SignatureExpired is a BadData: Flask-WTF says which
            raise TokenRefused("The CSRF token has expired." if isinstance(bad, SignatureExpired)
                               else "The CSRF token is invalid.") from bad
        if time_limit is None:
            with self._verified_lock:
                self._verified[key] = value
                while len(self._verified) > KEPT_TOKENS:
                    self._verified.popitem(last=False)
        return value
