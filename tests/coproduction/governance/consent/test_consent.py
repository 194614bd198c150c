"""The consent register: every consent given or withdrawn, with the words shown; withdrawing
one stops, in the same moment, everything it allowed (tested for each use)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from coproduction.people.models import Representative
from careplans.services import person_update
from checklist.models import SharedStory
from commissioning.coassessment.models import WtfcExercise
from commissioning.involvement.models import InvolvementProfile, Participation
from coproduction.audit.models import AuditEvent
from coproduction.governance.consent.services import give_consent, withdraw_consent
from coproduction.governance.consent.wording import CURRENT, WORDING
from coproduction.governance.models import Consent
from tests.careplans.factories import (
    CarePlanFactory,
    PersonFactory,
    RepresentativeFactory,
)
from tests.checklist.factories import SharedStoryFactory, submitted_checklist
from tests.commissioning.coassessment.conftest import programme  # noqa: F401  (a fixture)
from tests.commissioning.coassessment.factories import reviewed_person
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries

PERIOD = {"reviews_from_0": "1", "reviews_from_1": "1", "reviews_from_2": "2026", "reviews_to_0": "31", "reviews_to_1": "12", "reviews_to_2": "2026"}


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").find("main").get_text(" ", strip=True)


def withdraw_url(consent) -> str:
    return reverse("governance:consent_withdraw", kwargs={"consent_id": consent.pk})


@pytest.fixture
def al(person, team, practitioner):
    subject = PersonFactory(user=person, team=team, practitioner=practitioner, full_name="Alan Marsh", preferred_name="Al")
    CarePlanFactory(person=subject, version=1, status="agreed", created_by=practitioner)
    return subject


# ---- Representatives ----------------------------------------------------------------------


def test_adding_a_representative_with_consent_records_it_and_withdrawing_ends_their_access(client_as, practitioner, person, carer, al):
    client_as(practitioner).post(
        reverse("careplans:representative_add", kwargs={"person_id": al.pk}),
        {"name": "Maureen Marsh", "relationship": "carer", "basis": "consent", "basis_notes": "Agreed on 2 September",
         "account_email": carer.email},
    )
    given = Consent.objects.get(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN)
    assert given.event == "given" and given.wording_version == CURRENT["representative_plan"]
    assert given.wording == WORDING["representative_plan"]["rep-1"] and given.recorded_by == practitioner
    plan_url = reverse("careplans:plan_detail", kwargs={"person_id": al.pk})
    maureen = client_as(carer)
    assert maureen.get(plan_url).status_code == 200
    # Al withdraws it himself, from his own consents page, without having to say why.
    al_client = client_as(person)
    page = al_client.get(reverse("governance:my_consents"))
    assert "Maureen Marsh" in text(page) and "rep-1" in text(page)
    response = al_client.post(withdraw_url(given), {"reason": ""})
    assert response.status_code == 302 and response.url == reverse("governance:my_consents")
    # The very next request Maureen makes is refused.
    assert maureen.get(plan_url).status_code == 404
    representative = Representative.objects.get(name="Maureen Marsh")
    assert representative.withdrawn_on is not None and representative.withdrawn_by == person
    assert list(Consent.objects.order_by("pk").values_list("event", flat=True)) == ["given", "withdrawn"]
    assert AuditEvent.objects.filter(action="create", subject=person, detail="consent withdrawn: representative_plan").exists()


def test_stopping_a_representative_from_the_record_writes_the_withdrawal_once(client_as, practitioner, al):
    representative = RepresentativeFactory(person=al, recorded_by=practitioner)
    give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=practitioner, representative=representative, given_by="person")
    client_as(practitioner).post(reverse("careplans:representative_withdraw", kwargs={"person_id": al.pk, "representative_id": representative.pk}))
    assert list(Consent.objects.order_by("pk").values_list("event", flat=True)) == ["given", "withdrawn"]


def test_a_representative_on_best_interests_is_not_a_consent(client_as, practitioner, al):
    client_as(practitioner).post(
        reverse("careplans:representative_add", kwargs={"person_id": al.pk}),
        {"name": "Jean Clarke", "relationship": "family", "basis": "legal_authority"},
    )
    assert Representative.objects.filter(name="Jean Clarke").exists()
    assert not Consent.objects.exists()


# ---- Stories ------------------------------------------------------------------------------


@pytest.fixture
def story(al, team, team_manager, practitioner):
    checklist = submitted_checklist(person=al, team=team, practitioner=practitioner, comment="We wrote it at my kitchen table.")
    return SharedStoryFactory(rating=checklist.ratings.order_by("pk").first(), team=team, chosen_by=team_manager)


def test_a_shared_story_disappears_from_every_page_once_consent_is_withdrawn(client_as, team_manager, practitioner, person, story):
    manager = client_as(team_manager)
    manager.post(reverse("checklist:story_share", kwargs={"story_id": story.pk}),
                 {"consent_from": "person", "consent_notes": "Agreed at their review, by phone", "confirm": "on"})
    given = Consent.objects.get(purpose=Consent.Purpose.STORY_SHARED)
    assert given.person.user == person and given.given_by == "person" and given.wording_version == "story-1"
    shared = reverse("checklist:shared_stories")
    by_statement = f"{shared}?statement={story.statement_id}"
    team_page = reverse("checklist:team_stories", kwargs={"team_id": story.team_id, "statement_id": story.statement_id})
    for url in (shared, by_statement):
        assert "kitchen table" in text(manager.get(url))
    assert "Shared across the council" in text(manager.get(team_page))
    # Al sees the consent in his own list and withdraws it.
    response = client_as(person).post(withdraw_url(given), {"reason": "I would rather keep it private now"})
    assert response.status_code == 302
    for url in (shared, by_statement):
        assert "kitchen table" not in text(manager.get(url))
        assert "kitchen table" not in text(client_as(practitioner).get(url))
    assert "Not shared outside the team" in text(manager.get(team_page))
    story.refresh_from_db()
    assert story.shared_at is None and story.consent_from == "" and story.consent_recorded_by is None
    withdrawn = Consent.objects.get(event="withdrawn")
    assert withdrawn.notes == "I would rather keep it private now" and withdrawn.wording_version == "story-1"


def test_a_practitioners_own_story_is_theirs_to_withdraw(client_as, team, team_manager, practitioner):
    reflection = submitted_checklist(perspective="practitioner", team=team, practitioner=practitioner, comment="My own reflection.")
    story = SharedStoryFactory(rating=reflection.ratings.first(), team=team, chosen_by=team_manager)
    give_consent(purpose=Consent.Purpose.STORY_SHARED, by=team_manager, story=story, given_by="practitioner", notes="Asked in supervision")
    consent = Consent.objects.get()
    assert consent.user == practitioner and consent.person is None
    story.refresh_from_db()
    assert story.shared_at is not None and story.consent_from == "practitioner"
    page = text(client_as(practitioner).get(reverse("governance:my_consents")))
    assert "A story shared beyond the team" in page
    client_as(practitioner).post(withdraw_url(consent), {"reason": ""})
    assert not SharedStory.objects.filter(shared_at__isnull=False).exists()


# ---- Review statements for Working Together for Change ------------------------------------


def test_the_next_exercise_leaves_out_the_statements_of_someone_who_withdrew(client_as, practitioner, commissioner, team, programme):  # noqa: F811
    people = [reviewed_person(team=team, statements=[("not_working", f"Statement from person {n}")]) for n in range(5)]
    withdrawing = reviewed_person(team=team, statements=[("not_working", "Please leave my words out")])
    consent = give_consent(purpose=Consent.Purpose.REVIEW_STATEMENTS, by=practitioner, person=withdrawing, given_by="person")
    assert consent.wording_version == "wtfc-1"
    register = reverse("governance:consent_register", kwargs={"person_id": withdrawing.pk})
    assert "Working Together for Change" in text(client_as(practitioner).get(register))
    client_as(practitioner).post(withdraw_url(consent), {"reason": "Said at her review she does not want it used"})
    withdrawing.refresh_from_db()
    assert withdrawing.review_statements_opt_out is True
    response = client_as(commissioner).post(
        reverse("coassessment:wtfc_add", kwargs={"programme_id": programme.pk}),
        {"title": "Reviews from 2026", "teams": [team.pk], **PERIOD},
    )
    assert response.status_code == 302
    exercise = WtfcExercise.objects.get()
    texts = set(exercise.statements.values_list("text", flat=True))
    assert "Please leave my words out" not in texts
    assert texts == {f"Statement from person {n}" for n in range(5)} and exercise.people_count == len(people)


def test_saying_no_on_the_persons_record_is_recorded_as_a_withdrawal_and_yes_as_consent(practitioner, al):
    person_update(person=al, data={"review_statements_opt_out": True}, by=practitioner)
    person_update(person=al, data={"review_statements_opt_out": True}, by=practitioner)  # unchanged: nothing new
    person_update(person=al, data={"review_statements_opt_out": False}, by=practitioner)
    assert list(Consent.objects.order_by("pk").values_list("event", "purpose")) == [
        ("withdrawn", "review_statements"), ("given", "review_statements"),
    ]


# ---- Involvement profile ------------------------------------------------------------------


def test_withdrawing_the_involvement_profile_deletes_it_and_clears_equality_answers(client_as, person, team, practitioner):
    client = client_as(person)
    client.post(reverse("involvement:profile_edit"), {"contact_method": "phone", "preferred_format": "standard"})
    profile = InvolvementProfile.objects.get(user=person)
    profile.ethnicity, profile.age_band = "white_british", "65_74"
    profile.save()
    from tests.commissioning.factories import ActivityFactory

    activity = ActivityFactory()
    Participation.objects.create(activity=activity, programme=activity.programme, user=person, mode="meeting",
                                 took_part_on=activity.happened_on or "2026-06-01", ethnicity="white_british", age_band="65_74")
    consent = Consent.objects.get(purpose=Consent.Purpose.INVOLVEMENT_PROFILE)
    assert consent.user == person and consent.wording_version == "profile-1"
    # Not shown to staff in the person's register: the profile is the account holder's alone.
    al = PersonFactory(user=person, team=team)
    assert "involvement profile" not in text(client_as(practitioner).get(reverse("governance:consent_register", kwargs={"person_id": al.pk}))).lower()
    assert client_as(practitioner).get(withdraw_url(consent)).status_code == 404
    client.post(withdraw_url(consent), {"reason": ""})
    assert not InvolvementProfile.objects.filter(user=person).exists()
    snapshot = Participation.objects.get(user=person)
    assert snapshot.ethnicity == "" and snapshot.age_band == ""
    assert "You have not filled in your profile yet" in text(client.get(reverse("involvement:profile")))


def test_deleting_the_profile_directly_also_records_the_withdrawal(client_as, person):
    client = client_as(person)
    client.post(reverse("involvement:profile_edit"), {"contact_method": "phone", "preferred_format": "standard"})
    client.post(reverse("involvement:profile_delete"))
    assert list(Consent.objects.order_by("pk").values_list("event", flat=True)) == ["given", "withdrawn"]


# ---- The register pages -------------------------------------------------------------------


def test_the_register_lists_given_and_withdrawn_with_wording_versions(client_as, practitioner, al):
    kept = RepresentativeFactory(person=al, name="Maureen Marsh", recorded_by=practitioner)
    ended = RepresentativeFactory(person=al, name="Pat Marsh", recorded_by=practitioner)
    give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=practitioner, representative=kept, given_by="person")
    pat = give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=practitioner, representative=ended, given_by="person")
    withdraw_consent(consent=pat, by=practitioner, reason="Told me on the phone")
    response = client_as(practitioner).get(reverse("governance:consent_register", kwargs={"person_id": al.pk}))
    page = BeautifulSoup(response.content, "html.parser")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in page.select("tbody tr")]
    assert len(rows) == 3
    assert "Withdrawn" in rows[0][2] and "Pat Marsh" in rows[0][1] and "Told me on the phone" in rows[0][1]
    assert all("Version: rep-1" in row[3] for row in rows)
    # Only the standing consent can be withdrawn; the one Pat had says it no longer stands.
    links = page.select(f'a[href^="{reverse("governance:consent_withdraw", kwargs={"consent_id": 0})[:-11]}"]')
    assert len(links) == 1 and "Withdraw" in links[0].get_text()
    assert "No longer stands" in rows[2][5] or "No longer stands" in rows[1][5]
    assert AuditEvent.objects.filter(actor=practitioner, action="view", detail="consent register").exists()


def test_a_representative_sees_the_consent_about_them_and_can_step_back(client_as, carer, al, practitioner):
    representative = RepresentativeFactory(person=al, user=carer, recorded_by=practitioner)
    consent = give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=practitioner, representative=representative, given_by="person")
    give_consent(purpose=Consent.Purpose.REVIEW_STATEMENTS, by=practitioner, person=al, given_by="person")
    page = text(client_as(carer).get(reverse("governance:my_consents")))
    assert "A representative may see their plan" in page and "About Al" in page
    assert "Working Together for Change" not in page  # Al's other consents are his own
    client_as(carer).post(withdraw_url(consent), {"reason": ""})
    assert client_as(carer).get(reverse("careplans:plan_detail", kwargs={"person_id": al.pk})).status_code == 404


def test_a_representative_never_sees_why_the_person_withdrew(client_as, carer, person, al, practitioner):
    representative = RepresentativeFactory(person=al, user=carer, recorded_by=practitioner)
    consent = give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=practitioner, representative=representative, given_by="person")
    client_as(person).post(withdraw_url(consent), {"reason": "I am frightened of them"})
    assert "frightened" in text(client_as(person).get(reverse("governance:my_consents")))
    page = text(client_as(carer).get(reverse("governance:my_consents")))
    assert "Withdrawn" in page and "frightened" not in page


def test_nobody_else_can_see_or_withdraw_a_consent(client_as, users, al, practitioner, other_team):
    from coproduction.accounts.models import Role
    from tests.coproduction.accounts.factories import UserFactory

    consent = give_consent(purpose=Consent.Purpose.REVIEW_STATEMENTS, by=practitioner, person=al, given_by="person")
    other_practitioner = UserFactory(roles=["practitioner"], teams=[other_team])
    for user in (users[Role.COMMISSIONER], users[Role.CARER], users[Role.PROVIDER], users[Role.ADMINISTRATOR], other_practitioner):
        client = client_as(user)
        assert client.get(withdraw_url(consent)).status_code == 404
        assert client.post(withdraw_url(consent), {"reason": "Trying"}).status_code == 404
    assert client_as(other_practitioner).get(reverse("governance:consent_register", kwargs={"person_id": al.pk})).status_code == 404
    assert client_as(users[Role.PERSON]).get(reverse("governance:consent_register", kwargs={"person_id": al.pk})).status_code == 403
    assert Consent.objects.count() == 1
    al.refresh_from_db()
    assert al.review_statements_opt_out is False


def test_staff_must_record_how_they_were_told_and_nothing_is_withdrawn_until_they_do(client_as, practitioner, al):
    consent = give_consent(purpose=Consent.Purpose.REVIEW_STATEMENTS, by=practitioner, person=al, given_by="person")
    client = client_as(practitioner)

    def state():
        al.refresh_from_db()
        return Consent.objects.count(), al.review_statements_opt_out

    assert_bad_input(client, withdraw_url(consent), {"reason": "   "},
                     errors=["Enter how they told you they are withdrawing their consent"], unchanged=state)
    assert_bad_input(client, withdraw_url(consent), {"reason": "x" * 2001},
                     errors=["The reason must be 2,000 characters or fewer"], kept=["reason"], unchanged=state)


def test_withdrawing_twice_is_harmless(client_as, practitioner, person, al):
    consent = give_consent(purpose=Consent.Purpose.REVIEW_STATEMENTS, by=practitioner, person=al, given_by="person")
    client = client_as(person)
    client.post(withdraw_url(consent), {"reason": ""})
    response = client.post(withdraw_url(consent), {"reason": ""}, follow=True)
    assert response.status_code == 200 and "already been withdrawn" in text(response)
    assert Consent.objects.filter(event="withdrawn").count() == 1
    with pytest.raises(Exception, match="already been withdrawn"):
        withdraw_consent(consent=consent, by=practitioner)
    assert client.get(withdraw_url(Consent.objects.get(event="withdrawn"))).status_code == 302


def test_the_register_pages_have_a_fixed_number_of_queries(client_as, practitioner, person, al):
    staff, own = client_as(practitioner), client_as(person)
    register = reverse("governance:consent_register", kwargs={"person_id": al.pk})

    def grow():
        for n in range(10):
            representative = RepresentativeFactory(person=al, user=None, name=f"Friend {n}", recorded_by=practitioner)
            consent = give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=practitioner, representative=representative, given_by="person")
            if n % 2:
                withdraw_consent(consent=consent, by=practitioner, reason="Changed their mind")

    grow()
    # Signing in (two-factor device, teams, people represented), the person, the count and
    # the page of consents, the audit row (the header's unread count comes from the cache).
    assert_fixed_queries(lambda: staff.get(register), budget=7, grow=grow)
    assert_fixed_queries(lambda: own.get(reverse("governance:my_consents")), budget=3, grow=grow)
