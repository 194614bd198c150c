"""What a consent means for care plans: a representative sees the plan only while it stands."""

from coproduction.governance.consents import on_withdrawal
from coproduction.governance.models import Consent
from coproduction.people.models import Representative


@on_withdrawal(Consent.Purpose.REPRESENTATIVE_SEES_PLAN)
def representative_loses_access(*, consent, by, request) -> None:
    """Their access to the plan ends; their record is kept, marked withdrawn."""
    from .services import representative_withdraw  # services import governance's consent services

    if consent.representative_id is None:
        return
    representative = Representative.objects.select_related("person__user").get(pk=consent.representative_id)
    representative_withdraw(representative=representative, by=by, request=request)
