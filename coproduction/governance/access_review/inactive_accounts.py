"""Accounts nobody has used for INACTIVE_ACCOUNT_DAYS, and disabling one.

Disabling ends every session at once, two ways: the sessions this account signed in with are
deleted from the session store (their keys are noted at sign-in, below), and the sign-in
backend refuses an inactive account on its next request anyway, whatever session it holds."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.dispatch import receiver
from django.utils import timezone

from coproduction.accounts.cached_user import user_cache_forget
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost


def _sessions_key(user_id: int) -> str:
    return f"governance:sessions:{user_id}"


@receiver(user_logged_in, dispatch_uid="governance_note_session_key")
def _note_session_key(sender, request, user, **kwargs) -> None:
    """Keep the keys of this account's sessions (no more than live for a session's lifetime)."""
    session = getattr(request, "session", None) if request is not None else None
    if session is None:
        return
    if session.session_key is None:
        session.save()
    keys = [key for key in cache.get(_sessions_key(user.pk), []) if key != session.session_key][-49:]
    cache.set(_sessions_key(user.pk), [*keys, session.session_key], timeout=settings.SESSION_COOKIE_AGE)


def end_all_sessions(*, user) -> int:
    """Delete every session this account signed in with. Returns how many were still live."""
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for key in cache.get(_sessions_key(user.pk), []):
        session = store(session_key=key)
        if session.exists(key):
            session.delete(key)
            ended += 1
    cache.delete(_sessions_key(user.pk))
    return ended


def inactive_accounts(*, now=None) -> QuerySet:
    """Active accounts with no sign-in for the period; never signed in counts from joining."""
    from coproduction.accounts.models import User

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.INACTIVE_ACCOUNT_DAYS)
    return (
        User.objects.filter(is_active=True)
        .annotate(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=cutoff)
        .order_by("last_seen", "pk")
    )


@transaction.atomic
def account_disable_inactive(*, user, by, request=None) -> int:
    """Switch the account off and end its sessions; returns how many sessions were ended."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    user_cache_forget(user_id=user.pk)
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=user, subject=user, request=request,
                 detail="account disabled: inactive")
    access_lost(user_id=user.pk)
    return end_all_sessions(user=user)
