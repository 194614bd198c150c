from django.conf import settings
from django.http import HttpRequest

from coproduction.core.fixed_urls import fixed_url

from .middleware import session_seconds_left
from .navigation import NAV_ITEMS


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = request.resolver_match
    here = {match.namespace, f"{match.namespace}:{match.url_name}"} if match else set()
    items = [
        {"label": item.label, "url": fixed_url(item.url_name, request), "current": not here.isdisjoint(item.sections)}
        for item in NAV_ITEMS
        if item.permission is None or user.has_perm(item.permission)
    ]
    return {
        "nav_items": items,
        "session_seconds_left": session_seconds_left(request),
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
