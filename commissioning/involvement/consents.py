"""What a consent means for involvement: the profile exists only while its owner agrees."""

from coproduction.governance.consents import on_withdrawal
from coproduction.governance.models import Consent


@on_withdrawal(Consent.Purpose.INVOLVEMENT_PROFILE)
def involvement_profile_deleted(*, consent, by, request) -> None:
    """The profile goes, and the equality answers with it from every record of what they took part in."""
    from .services import profile_delete  # services record consents through governance

    if consent.user_id is None:
        return
    profile_delete(user=consent.user, request=request)
