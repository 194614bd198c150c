"""Recruiting social care staff with local people: the panel agrees the values and questions
(recorded as a decision), candidates are known by reference to everyone but the HR officer,
each member scores alone with reasons and sees others' scores only after sending their own,
the chair moderates keeping the originals, and the recommendation and the appointing manager's
decision go into the decisions log; lay members see the outcome, and are paid via the ledger."""

import datetime
from decimal import Decimal

from commissioning.involvement.models import Claim, Participation
from commissioning.involvement.spectrum import records_for_steps
from commissioning.models import Decision
from commissioning.recruitment.models import (
    Candidate,
    CandidateConflict,
    CandidateScore,
    InterviewQuestion,
    ModeratedScore,
    Outcome,
    PostValue,
    ValueComment,
)
from commissioning.recruitment.retention import delete_recruitment_candidates, due_recruitment_candidates
from coproduction.accounts.models import Role
from coproduction.notifications.models import Message
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.commissioning.recruitment.pages import NAMES, scores_post, url


def test_a_panel_goes_from_values_to_the_appointing_managers_decision(client_as, campaign, panel, users):
    chair, person, hr, manager = (client_as(users[r]) for r in (Role.TEAM_MANAGER, Role.PERSON, Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE))
    person.post(url("value_add", campaign), {"title": "Listens", "meaning": "Hears what matters and acts on it."})
    value = PostValue.objects.get(campaign=campaign)
    person.post(url("question_add", campaign), {"value": value.pk, "text": "Tell us about a time you changed a plan."})
    person.post(url("value_discuss", campaign, value_id=value.pk), {"text": "Could we say it more plainly?"})
    question = InterviewQuestion.objects.get(campaign=campaign)
    assert ValueComment.objects.filter(value=value, author=users[Role.PERSON]).exists()

    chair.post(url("agree", campaign), {"values": [value.pk], "questions": [question.pk]})
    campaign.refresh_from_db()
    assert campaign.values_decision.title == "Values and interview questions for Social worker"
    assert "Tell us about a time you changed a plan." in campaign.values_decision.decision
    assert "including 2 people who use services or carers" in campaign.values_decision.decided_by

    hr.post(url("candidate_add", campaign), {"name": NAMES[0]})
    candidate = Candidate.objects.get(campaign=campaign)
    assert candidate.reference == "C1"

    # Declaring comes before scoring; then the member scores alone.
    refused = person.post(url("score", campaign, candidate_id=candidate.pk), scores_post([value]))
    assert "Say whether you know any of the candidates before scoring" in refused.content.decode()
    person.post(url("conflicts", campaign), {"details": ""})
    before = person.get(url("candidate_scores", campaign, candidate_id=candidate.pk)).content.decode()
    assert "once you have sent your own" in before
    person.post(url("score", campaign, candidate_id=candidate.pk), scores_post([value], 2, "Good listener."))
    chair.post(url("conflicts", campaign), {"details": ""})
    chair.post(url("score", campaign, candidate_id=candidate.pk), scores_post([value], 4, "Excellent example."))
    after = person.get(url("candidate_scores", campaign, candidate_id=candidate.pk)).content.decode()
    assert "Good listener." in after and "Excellent example." in after

    chair.post(url("candidate_scores", campaign, candidate_id=candidate.pk), scores_post([value], 3, "We agreed between the two."))
    assert ModeratedScore.objects.get(candidate=candidate).score == 3
    assert sorted(CandidateScore.objects.filter(candidate=candidate).values_list("score", flat=True)) == [2, 4]  # originals kept

    chair.post(url("recommend", campaign), {"candidate": candidate.pk, "text": "Highest agreed score."})
    manager.post(url("appointment", campaign), {"appointment": "appointed", "reason": "References were good."})
    outcome = Outcome.objects.get(campaign=campaign)
    assert outcome.appointment == Outcome.Appointment.APPOINTED
    assert Decision.objects.filter(programme=campaign.programme, title="Appointment to Social worker").exists()
    page = person.get(url("campaign_detail", campaign)).content.decode()
    assert "Candidate C1" in page and "Appointed the recommended candidate" in page and "References were good." in page
    assert Message.objects.filter(recipient=users[Role.PERSON], subject__startswith="The outcome of your interview panel").exists()


def test_a_member_who_knows_a_candidate_does_not_score_them(client_as, campaign, panel, agreed, users):
    first = agreed["candidates"][0]
    client = client_as(users[Role.PERSON])
    client.post(url("conflicts", campaign), {"known": [first.pk], "details": "My neighbour"})
    assert CandidateConflict.objects.filter(member=panel[Role.PERSON], candidate=first).exists()
    response = client.post(url("score", campaign, candidate_id=first.pk), scores_post(agreed["values"]))
    assert "You know this candidate, so you do not score them" in response.content.decode()
    assert not CandidateScore.objects.exists()


def test_only_the_hr_officer_adds_candidates_and_only_scorers_score(client_as, campaign, panel, agreed, users):
    assert client_as(users[Role.PERSON]).post(url("candidate_add", campaign), {"name": "X"}).status_code == 403
    first = agreed["candidates"][0]
    assert client_as(users[Role.ADMINISTRATOR]).get(url("score", campaign, candidate_id=first.pk)).status_code == 403


def test_briefing_packs_go_in_each_members_format_with_plain_english(client_as, campaign, panel, users):
    InvolvementProfileFactory(user=users[Role.PERSON], preferred_format="easy_read")
    client_as(users[Role.TEAM_MANAGER]).post(url("briefing_send", campaign))
    panel[Role.PERSON].refresh_from_db()
    assert panel[Role.PERSON].briefing_format == "easy_read"
    page = client_as(users[Role.PERSON]).get(url("briefing", campaign)).content.decode()
    assert "You help choose who gets the job." in page and "Words we use" in page
    assert Message.objects.filter(recipient=users[Role.PERSON], subject__startswith="Your briefing pack is ready").exists()


def test_members_time_is_counted_in_who_took_part_and_paid_through_the_ledger(client_as, campaign, panel, users):
    assert Participation.objects.filter(activity=campaign.activity, user=users[Role.PERSON]).exists()
    client_as(users[Role.TEAM_MANAGER]).post(url("recognition", campaign), {
        "member": panel[Role.PERSON].pk, "category": "payment", "amount": "40.00", "description": "Interview day"})
    claim = Claim.objects.get(claimant=users[Role.PERSON])
    assert claim.activity_id == campaign.activity_id and claim.amount == Decimal("40.00")


def test_the_spectrum_self_assessment_counts_recruitment_panels(campaign, panel):
    sentences = [sentence for sentence, url_name in records_for_steps().get("whole_process", []) if url_name == "recruitment:campaign_list"]
    assert sentences == ["Recruitment: people who use services or carers sat on 1 of 1 interview panel, agreeing the values and questions for the job"]


def test_candidates_are_deleted_six_months_after_the_campaign_closes(campaign, panel, agreed, users):
    first = agreed["candidates"][0]
    after_closing = campaign.closing_date + datetime.timedelta(days=190)
    assert not due_recruitment_candidates(today=campaign.closing_date + datetime.timedelta(days=150)).exists()
    due = list(due_recruitment_candidates(today=after_closing).values_list("pk", flat=True))
    assert sorted(due) == sorted(c.pk for c in agreed["candidates"])
    delete_recruitment_candidates(due, None)
    assert not Candidate.objects.filter(pk=first.pk).exists()
    assert PostValue.objects.filter(campaign=campaign, agreed=True).count() == 2  # the panel's work stays
