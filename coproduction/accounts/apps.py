from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "coproduction.accounts"
    label = "accounts"
    verbose_name = "Accounts, organisations and teams"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (audits sign-in and sign-out)
