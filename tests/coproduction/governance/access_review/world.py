"""Access review records for the authorization matrix and the accessibility test."""


def build_access_review_world(world: dict) -> dict:
    """An account nobody has used for half a year."""
    from datetime import timedelta

    from django.utils import timezone

    from coproduction.accounts.models import Role
    from tests.coproduction.accounts.factories import UserFactory

    dormant = UserFactory(email="dormant@example.org", roles=[Role.PROVIDER.value],
                          date_joined=timezone.now() - timedelta(days=200))
    return {"inactive_account": dormant}
