"""Sessions in Redis, read with the signed-in account in one round trip.

Django's cache sessions take one round trip to read the session, and the account (with the
header's unread count, coproduction/accounts/cached_user.py) another, since which account to read
is only known once the session is. Here a signed-in session's key ends with the account's id
(`<32 random characters>-<id>`), so the session, the account and what is read with it come in a
single MGET. The random part is the secret, as before; the id only says which account entries to
fetch beside the session, and they are used only when the session itself names that account, so
a key with a changed id just finds no session.

A session gets such a key when someone signs in (the account's id is stored in it, and the key
is changed there and then, as Django changes it at sign-in anyway), so the key noted at sign-in
is the one that lives on. A session from before this store, without an id in its key, is read
in two round trips as before.
"""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cache as cache_sessions
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.utils.crypto import get_random_string

from .cached_user import account_cache_keys, account_pre_read

_RANDOM_LENGTH = 32


def _account_id_in(session_key: str | None) -> str | None:
    if not session_key or len(session_key) <= _RANDOM_LENGTH + 1 or session_key[_RANDOM_LENGTH] != "-":
        return None
    account_id = session_key[_RANDOM_LENGTH + 1 :]
    return account_id if account_id.isdigit() else None


class SessionStore(cache_sessions.SessionStore):
    def _get_new_session_key(self) -> str:
        account_id = (getattr(self, "_session_cache", None) or {}).get(SESSION_KEY)
        suffix = f"-{account_id}" if account_id and str(account_id).isdigit() else ""
        while True:
            session_key = get_random_string(_RANDOM_LENGTH, VALID_KEY_CHARS) + suffix
            if not self.exists(session_key):
                return session_key

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        # Signing in names the account: a new key that carries its id, before anything notes it.
        if key == SESSION_KEY and self.session_key is not None and _account_id_in(self.session_key) != str(value):
            self.cycle_key()

    def load(self) -> dict:
        account_id = _account_id_in(self._session_key)
        if account_id is None or settings.SESSION_CACHE_ALIAS != "default":
            return super().load()
        session_cache_key = self.cache_key
        try:
            found = self._cache.get_many([session_cache_key, *account_cache_keys(account_id)])
        except Exception:  # as Django's own store: an unreadable session is a new one
            found = {}
        session_data = found.pop(session_cache_key, None)
        if session_data is None:
            self._session_key = None
            return {}
        if str(session_data.get(SESSION_KEY)) == account_id:
            account_pre_read(user_id=account_id, found=found)
        return session_data
