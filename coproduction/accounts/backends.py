from django.contrib.auth.backends import ModelBackend

from .cached_user import user_cached


class EmailPasswordBackend(ModelBackend):
    """Checks the email and password, and nothing more: every permission comes from
    the `rules` predicates, so Django's per-user and group permission tables are unused
    (and cost no queries)."""

    def get_user_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set:
        return set()

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return False

    def has_module_perms(self, user_obj, app_label) -> bool:
        return False

    def get_user(self, user_id):
        # Every signed-in request reads the account: from the cache, forgotten on every change.
        user = user_cached(user_id=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
