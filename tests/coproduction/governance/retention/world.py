"""retention records for the authorization matrix and the accessibility test."""


def build_retention_world(world: dict) -> dict:
    """An erasure request refused because the care record is open."""
    from datetime import timedelta

    from django.utils import timezone

    from coproduction.accounts.models import Role
    from coproduction.governance.models import ErasureRequest

    administrator = world["users"][Role.ADMINISTRATOR]
    erasure = ErasureRequest.objects.create(
        person=world["person"], received_on=timezone.localdate() - timedelta(days=3),
        reason="Asked by letter for everything to be erased.", ground=ErasureRequest.Ground.LEGAL_OBLIGATION,
        status=ErasureRequest.Status.REFUSED, recorded_by=administrator, done_by=administrator, done_at=timezone.now(),
    )
    return {"erasure_request": erasure}
