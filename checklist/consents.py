"""What a consent means for the checklist: a story is shared across the council only while its
teller's consent stands."""

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.governance.consents import on_giving, on_withdrawal, subject_of
from coproduction.governance.models import Consent

from .models import Perspective, SharedStory


@subject_of(Consent.Purpose.STORY_SHARED)
def story_teller(story) -> dict:
    """Whose story it is: the person whose checklist it came from, or the practitioner reflecting."""
    checklist = story.rating.checklist
    if checklist.perspective == Perspective.PERSON and checklist.person_id:
        return {"person": checklist.person, "representative": checklist.representative}
    return {"user_id": checklist.practitioner_id or checklist.entered_by_id}


@on_giving(Consent.Purpose.STORY_SHARED)
def story_becomes_shared(*, story, given_by, notes, by, request) -> None:
    from coproduction.governance.consent.services import STORY_GIVEN_BY

    from .services import story_share  # services record consents through governance

    if story.shared_at is None:
        consent_from = {value: key for key, value in STORY_GIVEN_BY.items()}.get(given_by, "person")
        story_share(story=story, consent_from=consent_from, consent_notes=notes, by=by, request=request)


@on_withdrawal(Consent.Purpose.STORY_SHARED)
def story_stops_being_shared(*, consent, by, request) -> None:
    """It stays in the team's own list of comments."""
    if consent.story_id is None:
        return
    story = SharedStory.objects.select_for_update().get(pk=consent.story_id)
    story.shared_at, story.consent_from, story.consent_notes, story.consent_recorded_by = None, "", "", None
    story.save(update_fields=["shared_at", "consent_from", "consent_notes", "consent_recorded_by"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=story, request=request, detail="story no longer shared: consent withdrawn")
