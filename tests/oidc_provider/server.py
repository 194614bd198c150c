"""A small OpenID Connect provider for the tests and the demo, run in its own process.

It speaks the parts of OpenID Connect Core 1.0, Discovery 1.0, RFC 7636 (PKCE) and
RP-Initiated Logout 1.0 that the service uses, over real HTTP: a discovery document, a JWKS with
its RSA public key, an authorization endpoint with a sign-in form (a username; people are
configured, there are no passwords), a token endpoint that checks the client's secret, the
single-use code, the redirect URI and the PKCE verifier, and returns an RS256-signed ID token
(iss, sub, aud, exp, iat, auth_time, nonce, amr, groups, email, name), a userinfo endpoint and
an end-session endpoint.

Tests change what it does through POST /_control (JSON): the people it knows, the redirect
URIs it accepts, and a fault for the next ID token ("forged": signed with a key it does not
publish; "expired"; "wrong_nonce"; "wrong_audience"; "wrong_issuer").

    python -m tests.oidc_provider.server --port 0 [--people people.json] [--redirect-uri URI]...

prints `READY <issuer>` once it listens.
"""

import argparse
import base64
import hashlib
import html
import json
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "coproduction-test"
CLIENT_SECRET = "test-only-client-secret-0123456789"
FAULTS = {"forged", "expired", "wrong_nonce", "wrong_audience", "wrong_issuer"}


def _b64(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class Provider:
    def __init__(self, *, people: dict, redirect_uris: list[str]):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(8)
        self.people = people  # username -> {sub, email, name, groups, amr, acr}
        self.redirect_uris = set(redirect_uris)
        self.fault: str | None = None
        self.codes: dict[str, dict] = {}
        self.access_tokens: dict[str, dict] = {}
        self.signed_out = 0
        self.fetches = {"discovery": 0, "jwks": 0}
        self.issuer = ""
        self.lock = threading.Lock()

    def jwks(self) -> dict:
        numbers = self.key.public_key().public_numbers()
        return {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid, "n": _b64(numbers.n), "e": _b64(numbers.e)}]}

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/end-session",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "acr", "email", "name", "groups"],
        }

    def id_token(self, *, person: dict, nonce: str, auth_time: int) -> str:
        with self.lock:
            fault, self.fault = self.fault, None
        now = int(time.time())
        claims = {
            "iss": self.issuer if fault != "wrong_issuer" else self.issuer + "/elsewhere",
            "sub": person["sub"],
            "aud": CLIENT_ID if fault != "wrong_audience" else "another-service",
            "iat": now if fault != "expired" else now - 7200,
            "exp": now + 300 if fault != "expired" else now - 3600,
            "auth_time": auth_time,
            "nonce": nonce if fault != "wrong_nonce" else secrets.token_urlsafe(16),
            "amr": person.get("amr", ["pwd"]),
            "email": person.get("email"),
            "name": person.get("name"),
            "groups": person.get("groups", []),
        }
        if person.get("acr"):
            claims["acr"] = person["acr"]
        key = self.forger if fault == "forged" else self.key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})


class Handler(BaseHTTPRequestHandler):
    provider: Provider

    def log_message(self, format, *args):  # quiet: the tests read what matters
        pass

    # -- helpers ------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data: dict, status: int = 200) -> None:
        self._send(status, json.dumps(data).encode(), "application/json")

    def _html(self, title: str, body: str, status: int = 200) -> None:
        page = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
            f"<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>"
        )
        self._send(status, page.encode(), "text/html; charset=utf-8")

    def _redirect(self, location: str) -> None:
        self._send(302, b"", "text/plain", {"Location": location})

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(raw or "{}")
        return {name: values[0] for name, values in parse_qs(raw, keep_blank_values=True).items()}

    def _query(self) -> dict[str, str]:
        return {name: values[0] for name, values in parse_qs(urlsplit(self.path).query, keep_blank_values=True).items()}

    # -- routes -------------------------------------------------------------------------
    def do_GET(self):
        path = urlsplit(self.path).path
        provider = self.provider
        if path == "/.well-known/openid-configuration":
            provider.fetches["discovery"] += 1
            return self._json(provider.discovery())
        if path == "/jwks":
            provider.fetches["jwks"] += 1
            return self._json(provider.jwks())
        if path == "/authorize":
            return self._authorize(self._query())
        if path == "/userinfo":
            return self._userinfo()
        if path == "/end-session":
            return self._end_session(self._query())
        if path == "/_control":
            return self._json({"signed_out": provider.signed_out, "fault": provider.fault, "fetches": provider.fetches})
        return self._json({"error": "not_found"}, 404)

    def do_POST(self):
        path = urlsplit(self.path).path
        if path == "/authorize":
            return self._authorize(self._form(), signing_in=True)
        if path == "/token":
            return self._token(self._form())
        if path == "/_control":
            return self._control(self._form())
        return self._json({"error": "not_found"}, 404)

    def _authorize(self, params: dict, *, signing_in: bool = False) -> None:
        provider = self.provider
        if params.get("client_id") != CLIENT_ID or params.get("redirect_uri") not in provider.redirect_uris:
            # Never redirect to an address the client did not register.
            return self._html("Unknown service", "<p>This service is not registered here.</p>", 400)
        redirect_uri, state = params["redirect_uri"], params.get("state", "")

        def back_with(**values) -> None:
            separator = "&" if "?" in redirect_uri else "?"
            self._redirect(f"{redirect_uri}{separator}{urlencode({**values, 'state': state})}")

        if params.get("response_type") != "code" or "openid" not in params.get("scope", "").split():
            return back_with(error="unsupported_response_type")
        if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
            return back_with(error="invalid_request", error_description="PKCE (S256) is required")
        person = provider.people.get(params.get("username", "")) if signing_in else None
        if person is None:
            hidden = "".join(
                f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">'
                for name, value in params.items()
                if name != "username"
            )
            error = '<p id="error">Unknown username</p>' if signing_in else ""
            known = ", ".join(sorted(provider.people)) or "nobody yet"
            form = (
                f'{error}<p>People this provider knows: {html.escape(known)}</p><form method="post" action="/authorize">{hidden}'
                '<label for="username">Username</label> <input id="username" name="username" autocomplete="username">'
                ' <button type="submit">Sign in to the council</button></form>'
            )
            return self._html("Council identity provider", form, 200 if not signing_in else 400)
        code = secrets.token_urlsafe(32)
        with provider.lock:
            provider.codes[code] = {
                "person": person,
                "redirect_uri": redirect_uri,
                "nonce": params.get("nonce", ""),
                "challenge": params["code_challenge"],
                "auth_time": int(time.time()),
                "expires": time.time() + 60,
            }
        return back_with(code=code)

    def _client_authenticated(self, form: dict) -> bool:
        header = self.headers.get("Authorization", "")
        if header.startswith("Basic "):
            client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        return client_id == CLIENT_ID and secrets.compare_digest(secret, CLIENT_SECRET)

    def _token(self, form: dict) -> None:
        provider = self.provider
        if not self._client_authenticated(form):
            return self._json({"error": "invalid_client"}, 401)
        if form.get("grant_type") != "authorization_code":
            return self._json({"error": "unsupported_grant_type"}, 400)
        with provider.lock:
            grant = provider.codes.pop(form.get("code", ""), None)  # single use
        if grant is None or grant["expires"] < time.time() or grant["redirect_uri"] != form.get("redirect_uri"):
            return self._json({"error": "invalid_grant"}, 400)
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if not verifier or not secrets.compare_digest(challenge, grant["challenge"]):
            return self._json({"error": "invalid_grant", "error_description": "PKCE verification failed"}, 400)
        access_token = secrets.token_urlsafe(32)
        with provider.lock:
            provider.access_tokens[access_token] = grant["person"]
        id_token = provider.id_token(person=grant["person"], nonce=grant["nonce"], auth_time=grant["auth_time"])
        return self._json({"access_token": access_token, "token_type": "Bearer", "expires_in": 300, "id_token": id_token})

    def _userinfo(self) -> None:
        header = self.headers.get("Authorization", "")
        person = self.provider.access_tokens.get(header[7:]) if header.startswith("Bearer ") else None
        if person is None:
            return self._json({"error": "invalid_token"}, 401)
        return self._json({key: person.get(key) for key in ("sub", "email", "name", "groups")})

    def _end_session(self, params: dict) -> None:
        provider = self.provider
        with provider.lock:
            provider.signed_out += 1
        after = params.get("post_logout_redirect_uri")
        link = ""
        if after and params.get("client_id") == CLIENT_ID:
            link = f'<p><a href="{html.escape(after)}">Back to the service</a></p>'
        return self._html("You have signed out of the council", link)

    def _control(self, data: dict) -> None:
        provider = self.provider
        with provider.lock:
            if "people" in data:
                provider.people = data["people"]
            for uri in data.get("redirect_uris", []):
                provider.redirect_uris.add(uri)
            if "fault" in data:
                if data["fault"] is not None and data["fault"] not in FAULTS:
                    return self._json({"error": "unknown fault"}, 400)
                provider.fault = data["fault"]
        return self._json({"ok": True})


def serve(*, host: str, port: int, people: dict, redirect_uris: list[str]) -> ThreadingHTTPServer:
    provider = Provider(people=people, redirect_uris=redirect_uris)
    handler = type("BoundHandler", (Handler,), {"provider": provider})
    httpd = ThreadingHTTPServer((host, port), handler)
    provider.issuer = f"http://{host}:{httpd.server_address[1]}"
    return httpd


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--people", help="a JSON file: username -> {sub, email, name, groups, amr, acr}")
    parser.add_argument("--redirect-uri", action="append", default=[])
    args = parser.parse_args(argv)
    people = {}
    if args.people:
        with open(args.people, encoding="utf-8") as file:
            people = json.load(file)
    httpd = serve(host=args.host, port=args.port, people=people, redirect_uris=args.redirect_uri)
    print(f"READY {httpd.RequestHandlerClass.provider.issuer}", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
