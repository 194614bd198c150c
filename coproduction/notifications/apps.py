from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "coproduction.notifications"
    label = "notifications"
    verbose_name = "Messages and reminders"

    def ready(self) -> None:
        from coproduction.accounts.cached_user import read_with_account

        from .selectors import unread_cache_key, unread_count_keep

        # The header's unread count comes in the same round trip to Redis as the account.
        read_with_account(key_for=unread_cache_key, keep=unread_count_keep)
