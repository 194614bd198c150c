from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "coproduction.accounts"
    label = "accounts"
    verbose_name = "Accounts, organisations and teams"

    def ready(self) -> None:
        from . import cached_user, signals  # noqa: F401  (forgets changed accounts; audits sign-in and sign-out)
