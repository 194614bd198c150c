"""The register starts with the consents recorded before it existed: representatives added
on the consent basis, stories already shared, each person's answer about review statements
and the involvement profiles people made. The words shown then are not known, and it says so."""

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from coproduction.governance.consent.backfill import UNKNOWN_VERSION, backfill
from coproduction.governance.consent.services import withdraw_consent
from coproduction.governance.models import Consent
from tests.careplans.factories import PersonFactory, RepresentativeFactory
from tests.checklist.factories import SharedStoryFactory, submitted_checklist


def test_backfill_records_earlier_consents_once_and_they_can_be_withdrawn(client_as, team, practitioner, team_manager, person):
    al = PersonFactory(user=person, team=team)
    opted_out = PersonFactory(team=team, review_statements_opt_out=True)
    agreed = RepresentativeFactory(person=al, name="Maureen", recorded_by=practitioner, basis_notes="Agreed in September")
    ended = RepresentativeFactory(person=al, name="Pat", recorded_by=practitioner, withdrawn_on=timezone.now(), withdrawn_by=practitioner)
    RepresentativeFactory(person=al, name="Jean", basis="best_interests", recorded_by=practitioner)
    checklist = submitted_checklist(person=al, team=team, practitioner=practitioner, comment="At my kitchen table")
    shared = SharedStoryFactory(rating=checklist.ratings.first(), team=team, chosen_by=team_manager, consent_from="person",
                                consent_notes="By phone", consent_recorded_by=team_manager, shared_at=timezone.now())
    Consent.objects.all().delete()  # as before the register existed

    made = backfill(apps)
    assert backfill(apps) == 0  # safe to run again
    rows = {(row.subject_key, row.event): row for row in Consent.objects.all()}
    assert made == len(rows) == 6
    assert {row.wording_version for row in rows.values()} == {UNKNOWN_VERSION}
    rep = rows[(f"representative:{agreed.pk}", "given")]
    assert rep.person == al and rep.recorded_by == practitioner and rep.notes == "Agreed in September"
    assert (f"representative:{ended.pk}", "withdrawn") in rows
    story = rows[(f"story:{shared.pk}", "given")]
    assert story.person == al and story.recorded_by == team_manager and story.given_by == "person"
    assert rows[(f"review_statements:person:{al.pk}", "given")].recorded_by is None
    assert (f"review_statements:person:{opted_out.pk}", "withdrawn") in rows
    assert not any("Jean" in key for key, _ in rows)

    page = client_as(practitioner).get(reverse("governance:consent_register", kwargs={"person_id": al.pk}))
    assert UNKNOWN_VERSION in page.content.decode() and "Not known" in page.content.decode()
    withdraw_consent(consent=rep, by=practitioner, reason="Told me at the review")
    agreed.refresh_from_db()
    assert agreed.withdrawn_on is not None
    assert Consent.objects.filter(subject_key=f"representative:{agreed.pk}", event="withdrawn").get().wording_version == UNKNOWN_VERSION
