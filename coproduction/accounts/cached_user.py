"""The signed-in account, read from the cache on each request instead of the database.

Every signed-in request needs the account (its roles decide the navigation and every rule), so
a page that reads nothing else would otherwise pay one query for it. The account's columns are
kept in the cache for a minute, without the password hash: the session check uses the hash
of it that Django compares (`get_session_auth_hash`), kept beside the columns.

Losing access takes effect at once everywhere, so whatever changes an account forgets its cached
copy, at the change and again once the transaction commits (a request that read the old row in
between would otherwise put it back): the account services call `user_cache_forget`, and saving
the account by any other way (a password changed or reset through Django's own views, sign-in
writing `last_login`) forgets it too (`forget_on_save` below). Team memberships are not cached
here: they are read from the database when a page needs them.

Another app can have a value of its own, kept in the cache by user id, read in the same round
trip as the account (`read_with_account`): the header's unread count is. The session store
(coproduction/accounts/sessions.py) reads all of these in the same round trip as the session
itself (`account_cache_keys`, `account_pre_read`), so a signed-in page that needs nothing else
makes one round trip to Redis and no query.
"""

from collections.abc import Callable
from contextvars import ContextVar

from django.core.cache import cache
from django.core.signals import request_finished
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.crypto import salted_hmac

from .models import User

# Short, though every change forgets the entry: it bounds how long a copy read from the database
# just before a change was committed, and stored just after it was forgotten, could last.
USER_CACHE_SECONDS = 60
# The password is never cached; the session's hash of it is (field name below).
_FIELDS = [field.attname for field in User._meta.concrete_fields if field.attname != "password"]
_HASH = "session_auth_hash"
# A new SECRET_KEY changes the session hashes, so each key's entries are kept apart.
_SECRET_TAG = salted_hmac("coproduction.accounts.cached_user", "key", algorithm="sha256").hexdigest()[:12]


# Each registered as (key_for(user_id) -> cache key, keep(user, value)); keep is called with the
# value found (None when the key is not in the cache) on the account object of this request.
_read_with_account: list[tuple[Callable[[int], str], Callable[[User, object], None]]] = []


def read_with_account(*, key_for: Callable[[int], str], keep: Callable[[User, object], None]) -> None:
    """Read this cache key (by user id) in the same round trip as the signed-in account."""
    if (key_for, keep) not in _read_with_account:
        _read_with_account.append((key_for, keep))


def user_cache_key(user_id: int) -> str:
    return f"accounts:user:{_SECRET_TAG}:{user_id}"


def account_cache_keys(user_id) -> list[str]:
    """Every cache key read with this account: its own, then each registered app's."""
    return [user_cache_key(user_id), *(key_for(user_id) for key_for, _ in _read_with_account)]


# What the session store read with the session, for the account it names: used once, by the
# same request, and dropped when that account is forgotten or the request ends.
_pre_read: ContextVar[tuple[str, dict] | None] = ContextVar("accounts_pre_read", default=None)


def account_pre_read(*, user_id, found: dict) -> None:
    """Keep what was read for `account_cache_keys(user_id)`, so `user_cached` needs no round trip."""
    _pre_read.set((str(user_id), found))


def account_pre_read_drop(**kwargs) -> None:
    _pre_read.set(None)


def user_cached(*, user_id) -> User | None:
    """The account with this id, from the cache when there; None if there is no such account."""
    key = user_cache_key(user_id)
    others = [(key_for(user_id), keep) for key_for, keep in _read_with_account]
    pre_read = _pre_read.get()
    if pre_read is not None and pre_read[0] == str(user_id):
        _pre_read.set(None)
        found = pre_read[1]
    else:
        found = cache.get_many([key, *(other for other, _ in others)])
    user = _user_from(key, found.get(key), user_id)
    if user is not None:
        for other, keep in others:
            keep(user, found.get(other))
    return user


def _user_from(key: str, entry: dict | None, user_id) -> User | None:
    if entry is None:
        user = User._default_manager.filter(pk=user_id).first()
        if user is None:
            return None
        entry = {name: getattr(user, name) for name in _FIELDS}
        entry[_HASH] = user.get_session_auth_hash()
        cache.set(key, entry, USER_CACHE_SECONDS)
        return user
    user = User.from_db("default", _FIELDS, [entry[name] for name in _FIELDS])
    user._cached_session_auth_hash = entry[_HASH]
    return user


def user_cache_forget(*, user_id: int | None) -> None:
    """Forget the cached account now and again when the transaction commits."""
    if user_id is None:
        return
    key = user_cache_key(user_id)
    _pre_read.set(None)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


request_finished.connect(account_pre_read_drop, dispatch_uid="accounts_pre_read_drop")


@receiver(post_save, sender=User, dispatch_uid="accounts_cached_user_forget_on_save")
@receiver(post_delete, sender=User, dispatch_uid="accounts_cached_user_forget_on_delete")
def forget_on_save(sender, instance: User, **kwargs) -> None:
    # Not business logic: keeps the cached copy true when an account is saved outside the
    # account services (Django's password views, sign-in's last_login).
    user_cache_forget(user_id=instance.pk)
