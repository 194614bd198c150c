"""How django-axes counts failed sign-ins: against the account's email, however it was typed."""

from django.http import HttpRequest

from .models import email_key


def axes_username(request: HttpRequest, credentials: dict | None) -> str | None:
    # Axes counts failures per username as given: without this, `hEAD@…` would be a fresh
    # name after `HEAD@…` was paused, and a guesser could go on by changing one letter's case.
    typed = (credentials or {}).get("username")
    if typed is None:
        typed = getattr(request, "data", request.POST).get("username")
    return email_key(typed) if isinstance(typed, str) else None
