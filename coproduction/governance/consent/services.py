"""Writing the consent register, and making a withdrawal take effect everywhere at once.

`consent_record` only writes the history; the flows that already give or end a consent
(adding a representative, sharing a story, the person's record, the involvement profile)
call it. `give_consent` and `withdraw_consent` also change what the consent controls, in the
same transaction as the register row, so no page can see one without the other."""

from django.core.exceptions import ValidationError
from django.db import transaction

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from ..consents import giving_effects, subject_for, withdrawal_effects
from ..models import Consent
from .wording import wording_for

Purpose = Consent.Purpose
Event = Consent.Event


def subject_key(purpose: str, *, person_id=None, user_id=None, representative_id=None, story_id=None,
                evidence_id=None) -> str:
    """One consent across its history: the same key for its giving and its withdrawing."""
    if purpose == Purpose.EVIDENCE_STORY:
        return f"evidence:{evidence_id}"
    if purpose == Purpose.REPRESENTATIVE_SEES_PLAN:
        return f"representative:{representative_id}"
    if purpose == Purpose.STORY_SHARED:
        return f"story:{story_id}"
    if purpose == Purpose.REVIEW_STATEMENTS:
        return f"review_statements:person:{person_id}"
    return f"involvement_profile:user:{user_id}"


def latest_event(key: str) -> Consent | None:
    return Consent.objects.filter(subject_key=key).order_by("-id").first()


def story_subject(story) -> dict:
    """Whose story it is, as the app that keeps stories tells it."""
    return subject_for(Purpose.STORY_SHARED, story)


STORY_GIVEN_BY = {
    "person": Consent.GivenBy.PERSON,
    "representative": Consent.GivenBy.REPRESENTATIVE,
    "practitioner": Consent.GivenBy.PRACTITIONER,
}


def consent_record(
    *, purpose: str, event: str, by, person=None, user=None, user_id=None, representative=None, story=None,
    evidence=None, given_by: str = "", notes: str = "", version: str | None = None, request=None,
) -> Consent | None:
    """Add one row to the history, unless the consent already stands that way (so a flow that
    calls this after `withdraw_consent` has written the row does not write it twice)."""
    user_id = user.pk if user is not None else user_id
    key = subject_key(
        purpose, person_id=getattr(person, "pk", None), user_id=user_id,
        representative_id=getattr(representative, "pk", None), story_id=getattr(story, "pk", None),
        evidence_id=getattr(evidence, "pk", None),
    )
    latest = latest_event(key)
    if latest is not None and latest.event == event:
        return None
    if event == Event.WITHDRAWN and latest is None and purpose != Purpose.REVIEW_STATEMENTS:
        return None  # nothing was ever recorded as given: nothing to withdraw
    if event == Event.WITHDRAWN and latest is not None:
        # Withdrawn from the words that were agreed to.
        version, wording = latest.wording_version, latest.wording
    else:
        version, wording = wording_for(purpose, version)
    consent = Consent.objects.create(
        purpose=purpose, event=event, subject_key=key, person=person, user_id=user_id,
        representative=representative, story=story, evidence=evidence, given_by=given_by, wording_version=version,
        wording=wording, notes=notes, recorded_by=by,
    )
    audit_record(
        actor=by, action=AuditEvent.Action.CREATE, obj=consent, subject=subject_user(consent), request=request,
        detail=f"consent {event}: {purpose}",
    )
    return consent


def story_consent_given(*, story, by, request=None) -> Consent | None:
    """A team recorded the teller's agreement and shared the story."""
    subject = story_subject(story)
    given_by = STORY_GIVEN_BY.get(story.consent_from, "")
    return consent_record(
        purpose=Purpose.STORY_SHARED, event=Event.GIVEN, by=by, person=subject.get("person"), user_id=subject.get("user_id"),
        representative=subject.get("representative") if given_by == Consent.GivenBy.REPRESENTATIVE else None,
        story=story, given_by=given_by, notes=story.consent_notes, request=request,
    )


def profile_consent(*, user, given: bool, request=None) -> Consent | None:
    """Someone made (or deleted) their own involvement profile: theirs to give and to take back."""
    return consent_record(
        purpose=Purpose.INVOLVEMENT_PROFILE, event=Event.GIVEN if given else Event.WITHDRAWN, by=user, user=user,
        given_by=Consent.GivenBy.ACCOUNT_HOLDER, request=request,
    )


def evidence_story_consent(*, evidence, given: bool, by, request=None) -> Consent | None:
    """A member's own story kept as programme evidence (a story told by someone without an
    account keeps its consent on the evidence itself: there is no one here to list it for)."""
    if evidence.teller_id is None:
        return None
    return consent_record(
        purpose=Purpose.EVIDENCE_STORY, event=Event.GIVEN if given else Event.WITHDRAWN, by=by, user_id=evidence.teller_id,
        evidence=evidence, given_by=Consent.GivenBy.ACCOUNT_HOLDER, notes=evidence.consent_how if given else "",
        request=request,
    )


def subject_user(consent: Consent):
    if consent.user_id:
        return consent.user
    return consent.person.user if consent.person_id else None


def is_standing(consent: Consent) -> bool:
    latest = latest_event(consent.subject_key)
    return latest is not None and latest.event == Event.GIVEN


@transaction.atomic
def give_consent(
    *, purpose: str, by, person=None, user=None, representative=None, story=None, given_by: str = "",
    notes: str = "", request=None,
) -> Consent | None:
    """Record a consent with the current wording and let it take effect."""
    if purpose == Purpose.REPRESENTATIVE_SEES_PLAN:
        if representative is None or representative.withdrawn_on is not None:
            raise ValidationError("Their access has ended: add them again to record a new consent")
        person = representative.person
    elif purpose == Purpose.STORY_SHARED:
        subject = story_subject(story)
        person, user = subject.get("person"), None
        consent = consent_record(
            purpose=purpose, event=Event.GIVEN, by=by, person=person, user_id=subject.get("user_id"),
            representative=subject.get("representative") if given_by == Consent.GivenBy.REPRESENTATIVE else None,
            story=story, given_by=given_by, notes=notes, request=request,
        )
        for effect in giving_effects(purpose):
            effect(story=story, given_by=given_by, notes=notes, by=by, request=request)
        return consent
    elif purpose == Purpose.REVIEW_STATEMENTS:
        from coproduction.people.models import Person

        Person.objects.filter(pk=person.pk).update(review_statements_opt_out=False)
        person.review_statements_opt_out = False
    return consent_record(
        purpose=purpose, event=Event.GIVEN, by=by, person=person, user=user, representative=representative,
        story=story, given_by=given_by, notes=notes, request=request,
    )


@transaction.atomic
def withdraw_consent(*, consent: Consent, by, reason: str = "", request=None) -> Consent:
    """Withdraw a standing consent. Everything it allowed stops in this transaction:

    - a representative's access to the plan ends (their record is kept, marked withdrawn);
    - a shared story stops being shared (it stays in the team's own list of comments);
    - the person's review statements are left out of every later Working Together for Change
      exercise. Statements already copied into an exercise stay: they were copied without names
      and nothing links them back to the person, so they cannot be found to take out;
    - the involvement profile is deleted, and the equality answers taken off every record of
      what the person took part in (they still count as having come, not as who they are)."""
    # Lock the history of this consent so two withdrawals cannot both write.
    list(Consent.objects.select_for_update().filter(subject_key=consent.subject_key).values_list("pk", flat=True))
    latest = latest_event(consent.subject_key)
    if latest is None or latest.event != Event.GIVEN:
        raise ValidationError("This consent has already been withdrawn")
    withdrawn = Consent.objects.create(
        purpose=latest.purpose, event=Event.WITHDRAWN, subject_key=latest.subject_key, person_id=latest.person_id,
        user_id=latest.user_id, representative_id=latest.representative_id, story_id=latest.story_id,
        evidence_id=latest.evidence_id, given_by="", wording_version=latest.wording_version, wording=latest.wording, notes=reason.strip(), recorded_by=by,
    )
    audit_record(
        actor=by, action=AuditEvent.Action.CREATE, obj=withdrawn, subject=subject_user(latest), request=request,
        detail=f"consent withdrawn: {latest.purpose}",
    )
    _take_effect(withdrawn, by=by, request=request)
    return withdrawn


def _take_effect(consent: Consent, *, by, request) -> None:
    if consent.purpose == Purpose.REVIEW_STATEMENTS and consent.person_id:
        from coproduction.people.models import Person

        Person.objects.filter(pk=consent.person_id).update(review_statements_opt_out=True)
        audit_record(
            actor=by, action=AuditEvent.Action.CHANGE, obj=consent.person, subject=consent.person.user, request=request,
            detail="review statements left out of Working Together for Change",
        )
    # Everything else a consent controls belongs to an app, which registered what withdrawing it stops.
    for effect in withdrawal_effects(consent.purpose):
        effect(consent=consent, by=by, request=request)
