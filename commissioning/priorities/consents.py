"""What a consent means for programme evidence: a member's own story is kept only while they agree."""

from coproduction.governance.consents import on_withdrawal
from coproduction.governance.models import Consent


@on_withdrawal(Consent.Purpose.EVIDENCE_STORY)
def evidence_story_withdrawn(*, consent, by, request) -> None:
    from .models import Evidence
    from .services import evidence_withdraw  # services record consents through governance

    if consent.evidence_id is None:
        return
    evidence_withdraw(evidence=Evidence.objects.select_for_update().get(pk=consent.evidence_id), by=by, request=request)
