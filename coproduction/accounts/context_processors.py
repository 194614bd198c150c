from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse

from .middleware import session_seconds_left
from .navigation import NAV_ITEMS


@lru_cache(maxsize=256)
def _nav_url(url_name: str, script_prefix: str, urlconf) -> str:
    # The links never change while the process runs (they take no arguments), so each is
    # reversed once per prefix instead of on every signed-in page.
    return reverse(url_name, urlconf=urlconf)


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = request.resolver_match
    here = {match.namespace, f"{match.namespace}:{match.url_name}"} if match else set()
    prefix, urlconf = get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
    items = [
        {"label": item.label, "url": _nav_url(item.url_name, prefix, urlconf), "current": not here.isdisjoint(item.sections)}
        for item in NAV_ITEMS
        if item.permission is None or user.has_perm(item.permission)
    ]
    return {
        "nav_items": items,
        "session_seconds_left": session_seconds_left(request),
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
