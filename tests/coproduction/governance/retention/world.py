"""retention records for the authorization matrix and the accessibility test."""


def build_retention_world(world: dict) -> dict:
    """An erasure request refused because the care record is open, and an account nobody has
    used for half a year."""
    from datetime import timedelta

    from django.utils import timezone

    from coproduction.accounts.models import Role
    from coproduction.governance.models import ErasureRequest
    from tests.coproduction.accounts.factories import UserFactory

    administrator = world["users"][Role.ADMINISTRATOR]
    erasure = ErasureRequest.objects.create(
        person=world["person"], received_on=timezone.localdate() - timedelta(days=3),
        reason="Asked by letter for everything to be erased.", ground=ErasureRequest.Ground.LEGAL_OBLIGATION,
        status=ErasureRequest.Status.REFUSED, recorded_by=administrator, done_by=administrator, done_at=timezone.now(),
    )
    dormant = UserFactory(email="dormant@example.org", roles=[Role.PROVIDER.value],
                          date_joined=timezone.now() - timedelta(days=200))
    return {"erasure_request": erasure, "inactive_account": dormant}
