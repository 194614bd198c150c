"""consent records for the authorization matrix and the accessibility test."""


def build_consent_world(world: dict) -> dict:
    """The person agreed to their carer seeing the plan and to their review statements being
    used; a second representative's consent was given and then withdrawn."""
    from coproduction.accounts.models import Role
    from coproduction.governance.consent.services import (
        consent_record,
        withdraw_consent,
    )
    from coproduction.governance.models import Consent
    from tests.careplans.factories import RepresentativeFactory

    practitioner = world["users"][Role.PRACTITIONER]
    person, representative = world["person"], world["representative"]
    given = consent_record(
        purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, event=Consent.Event.GIVEN, by=practitioner, person=person,
        representative=representative, given_by=Consent.GivenBy.PERSON, notes="Agreed at the first visit.",
    )
    consent_record(
        purpose=Consent.Purpose.REVIEW_STATEMENTS, event=Consent.Event.GIVEN, by=practitioner, person=person,
        given_by=Consent.GivenBy.PERSON,
    )
    former = RepresentativeFactory(person=person, user=None, name="Pat Former", recorded_by=practitioner)
    former_consent = consent_record(
        purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, event=Consent.Event.GIVEN, by=practitioner, person=person,
        representative=former, given_by=Consent.GivenBy.PERSON,
    )
    withdraw_consent(consent=former_consent, by=practitioner, reason="They changed their mind at the review.")
    return {"consent_representative": given}
