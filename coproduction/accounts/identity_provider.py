"""The council's identity provider (OpenID Connect): its discovery document and signing keys,
fetched when first needed and cached, and the checks every ID token must pass.

Off unless OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. Nothing here writes:
who an ID token's person is in this service is decided in services.staff_sign_on.
"""

import hashlib
import logging
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.utils.crypto import constant_time_compare

logger = logging.getLogger(__name__)

# Asymmetric signatures only: "none" and the HMAC family (signed with the client secret,
# which a leaked secret would let anyone forge) are refused.
ALLOWED_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]
# Clocks differ a little between the provider and the service.
LEEWAY_SECONDS = 60


class ProviderUnavailable(Exception):
    """The identity provider could not be reached or answered something unusable."""


def configured() -> bool:
    return bool(settings.OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID and settings.OIDC_RP_CLIENT_SECRET)


def _cache_key(kind: str, url: str) -> str:
    return f"accounts:oidc:{kind}:{hashlib.sha256(url.encode()).hexdigest()[:32]}"


def _fetch_json(url: str) -> dict:
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as error:
        logger.warning("Identity provider document could not be read: %s", type(error).__name__)
        raise ProviderUnavailable from error


def discovery() -> dict:
    """The issuer's discovery document, cached for OIDC_DISCOVERY_CACHE_SECONDS."""
    issuer = settings.OIDC_ISSUER
    key = _cache_key("discovery", issuer)
    document = cache.get(key)
    if document is None:
        document = _fetch_json(f"{issuer}/.well-known/openid-configuration")
        # The document must be the issuer's own (OpenID Connect Discovery 1.0, section 4.3).
        if document.get("issuer", "").rstrip("/") != issuer or not all(
            document.get(name) for name in ("authorization_endpoint", "token_endpoint", "jwks_uri")
        ):
            logger.warning("Identity provider discovery document does not match the configured issuer")
            raise ProviderUnavailable
        cache.set(key, document, settings.OIDC_DISCOVERY_CACHE_SECONDS)
    return document


def _jwks(*, refresh: bool = False) -> list[dict]:
    url = discovery()["jwks_uri"]
    key = _cache_key("jwks", url)
    keys = None if refresh else cache.get(key)
    if keys is None:
        keys = _fetch_json(url).get("keys", [])
        cache.set(key, keys, settings.OIDC_DISCOVERY_CACHE_SECONDS)
    return keys


def signing_key(*, kid: str | None, alg: str) -> jwt.PyJWK:
    """The provider's public key for this token; the keys are read again once when the token
    names a key not seen yet (the provider has rolled its keys)."""
    for refresh in (False, True):
        for candidate in _jwks(refresh=refresh):
            if kid is not None and candidate.get("kid") != kid:
                continue
            if candidate.get("use", "sig") != "sig" or candidate.get("alg", alg) != alg:
                continue
            try:
                return jwt.PyJWK(candidate, algorithm=alg)
            except jwt.PyJWKError:
                continue
    raise SuspiciousOperation("ID token signed with a key the provider does not publish")


def id_token_claims(token: str, *, nonce: str | None) -> dict:
    """The claims of an ID token that passes every check of OpenID Connect Core 3.1.3.7: signed
    by the provider with one of its published keys, issued by it, for this service, not expired,
    and carrying the nonce this browser's sign-in began with. Anything else is refused."""
    if not token or not nonce:
        raise SuspiciousOperation("No ID token, or no sign-in waiting for one")
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError as error:
        raise SuspiciousOperation("ID token unreadable") from error
    alg = header.get("alg")
    if alg not in ALLOWED_ALGORITHMS:
        raise SuspiciousOperation("ID token signing algorithm refused")
    key = signing_key(kid=header.get("kid"), alg=alg)
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[alg],
            audience=settings.OIDC_RP_CLIENT_ID,
            issuer=settings.OIDC_ISSUER,
            leeway=LEEWAY_SECONDS,
            options={"require": ["iss", "sub", "aud", "exp", "iat", "nonce"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise SuspiciousOperation("ID token expired") from error
    except jwt.InvalidTokenError as error:
        raise SuspiciousOperation(f"ID token refused: {type(error).__name__}") from error
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != settings.OIDC_RP_CLIENT_ID:
        raise SuspiciousOperation("ID token for several audiences without this service as its party")
    if not constant_time_compare(str(claims["nonce"]), nonce):
        raise SuspiciousOperation("ID token nonce does not match this sign-in")
    if not isinstance(claims["sub"], str) or not claims["sub"]:
        raise SuspiciousOperation("ID token without a subject")
    return claims


def asserts_mfa(claims: dict) -> bool:
    """Whether the provider says it did multi-factor authentication for this sign-in."""
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if any(value in settings.OIDC_MFA_AMR_VALUES for value in amr):
        return True
    return bool(settings.OIDC_MFA_ACR_VALUES) and claims.get("acr") in settings.OIDC_MFA_ACR_VALUES


def groups_of(claims: dict) -> list[str]:
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    if isinstance(groups, str):
        groups = [groups]
    return [str(group) for group in groups]


def end_session_url(*, after: str) -> str | None:
    """Where to sign out of the provider too, when it offers that (RP-Initiated Logout 1.0).
    The service names itself by client id rather than sending the ID token back as a hint:
    the token holds the person's name and email, which never go in a URL."""
    if not configured():
        return None
    try:
        endpoint = discovery().get("end_session_endpoint")
    except ProviderUnavailable:
        return None
    if not endpoint:
        return None
    params = {"client_id": settings.OIDC_RP_CLIENT_ID, "post_logout_redirect_uri": after}
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(params)}"
