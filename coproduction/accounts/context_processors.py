from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

from coproduction.core.fixed_urls import fixed_url

from .middleware import session_seconds_left
from .navigation import NAV_ITEMS, NavItem


@lru_cache(maxsize=256)
def _items_for_roles(roles: tuple[str, ...]) -> tuple[NavItem, ...]:
    # Each item's permission depends on the account's roles alone (navigation.py), so which
    # items show is worked out once per set of roles, not with ten rule checks on every page.
    from .models import User

    user = User(roles=list(roles), is_active=True)
    return tuple(item for item in NAV_ITEMS if item.permission is None or user.has_perm(item.permission))


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = request.resolver_match
    here = {match.namespace, f"{match.namespace}:{match.url_name}"} if match else set()
    items = [
        {"label": item.label, "url": fixed_url(item.url_name, request), "current": not here.isdisjoint(item.sections)}
        for item in _items_for_roles(tuple(sorted(user.roles)))
    ]
    return {
        "nav_items": items,
        "session_seconds_left": session_seconds_left(request),
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
