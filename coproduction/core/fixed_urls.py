"""Links that take no arguments, worked out once per process.

The layout shows the same dozen links on every signed-in page (the navigation, messages, sign
out, stay signed in, the footer), and reversing a URL name walks the URL patterns each time. A
link without arguments is the same for every request under the same script prefix and URL
configuration, so each is reversed once for that pair. The pair is read once per request (both
live in context-local storage, itself slow to read)."""

from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse

_KEY = "_fixed_urls_key"


@lru_cache(maxsize=512)
def _reversed(url_name: str, script_prefix: str, urlconf: str) -> str:
    return reverse(url_name, urlconf=urlconf)


def fixed_url(url_name: str, request: HttpRequest | None = None) -> str:
    """reverse(url_name) for a URL that takes no arguments, from a per-process memo."""
    key = getattr(request, _KEY, None)
    if key is None:
        key = (get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
        if request is not None:
            setattr(request, _KEY, key)
    return _reversed(url_name, *key)
