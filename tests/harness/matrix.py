"""The authorization matrix: every named URL x every role (and anonymous) -> outcome.

The table itself is tests/authorization_matrix.py. test_every_url_has_a_row fails when a
named URL is missing from it, so a new page cannot ship without deciding who may see it.
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

from coproduction.accounts.models import Role

ANONYMOUS = "anonymous"
ALL_ROLES = [*Role]
EVERYONE = [ANONYMOUS, *Role]


class Expect(enum.Enum):
    OK = "200"
    DENIED = "403 or 404"
    LOGIN = "redirect to sign in"
    REDIRECT = "redirect elsewhere"
    METHOD_NOT_ALLOWED = "405"
    PROBE = "200 or 503, never a redirect"  # health checks: answer depends on the servers


@dataclass(frozen=True)
class Row:
    url_name: str
    expect: dict  # role (or ANONYMOUS) -> Expect; every role must be named
    # Builds the URL's kwargs from the world (users by role, shared records).
    kwargs: Callable[[dict], dict] = field(default=lambda world: {})
    id: str = ""

    def __post_init__(self):
        missing = set(EVERYONE) - set(self.expect)
        if missing:
            raise ValueError(f"Row {self.url_name} has no expectation for {sorted(map(str, missing))}")

    @property
    def test_id(self) -> str:
        return self.id or self.url_name


def only(*roles, others=Expect.DENIED, anonymous=Expect.LOGIN) -> dict:
    """OK for these roles, `others` for every other role, `anonymous` when signed out."""
    expect = {role: (Expect.OK if role in roles else others) for role in Role}
    expect[ANONYMOUS] = anonymous
    return expect


def signed_in(outcome=Expect.OK, anonymous=Expect.LOGIN) -> dict:
    return {**{role: outcome for role in Role}, ANONYMOUS: anonymous}


def public(outcome=Expect.OK, signed_in_outcome=None) -> dict:
    return {**{role: signed_in_outcome or outcome for role in Role}, ANONYMOUS: outcome}


def named_urls() -> set[str]:
    """Every named URL in the project, as 'namespace:name'."""
    found: set[str] = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if pattern.namespace and namespace:
                    inner = f"{namespace}:{pattern.namespace}"
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, "")
    return found


def check(response, expected: Expect, login_url: str) -> bool:
    status = response.status_code
    location = response.headers.get("Location", "")
    if expected is Expect.OK:
        return status == 200
    if expected is Expect.DENIED:
        return status in (403, 404)
    if expected is Expect.LOGIN:
        return status == 302 and location.split("?")[0] == login_url
    if expected is Expect.REDIRECT:
        return status == 302 and location.split("?")[0] != login_url
    if expected is Expect.METHOD_NOT_ALLOWED:
        return status == 405
    if expected is Expect.PROBE:
        return status in (200, 503)
    raise AssertionError(expected)
