"""Bad input on every recruitment form: the GOV.UK error summary, answers kept, nothing saved."""

from django.urls import reverse

from commissioning.involvement.models import Claim
from commissioning.models import Decision
from commissioning.recruitment import services
from commissioning.recruitment.models import (
    Campaign,
    CampaignMember,
    Candidate,
    CandidateConflict,
    CandidateScore,
    InterviewQuestion,
    ModeratedScore,
    Outcome,
    PostValue,
    ValueComment,
)
from coproduction.accounts.models import Role
from tests.harness.bad_input import assert_bad_input
from tests.commissioning.recruitment.pages import scores_post, url


def test_bad_input_on_every_form_shows_errors_keeps_answers_and_saves_nothing(client_as, programme, campaign, panel, agreed, users):
    chair, person, hr, manager = (client_as(users[r]) for r in (Role.TEAM_MANAGER, Role.PERSON, Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE))
    values, first = agreed["values"], agreed["candidates"][0]
    assert_bad_input(chair, reverse("recruitment:campaign_add"), {"programme": programme.pk, "post": "Nurse", "team": "", "about": ""},
                     errors=["Enter the team the job is in", "Say what the job is, in plain English", "Enter the closing date"],
                     kept=["post"], unchanged=lambda: Campaign.objects.count())
    assert_bad_input(chair, url("member_add", campaign), {"user": "", "role": "nonsense"},
                     errors=["Select who is joining the panel", "Select their place from the list"],
                     unchanged=lambda: CampaignMember.objects.count())
    assert_bad_input(person, url("conflicts", campaign), {"known": [first.pk], "details": ""},
                     errors=["Say how you know each candidate you selected"], unchanged=lambda: CandidateConflict.objects.count())
    assert_bad_input(hr, url("candidate_add", campaign), {"name": ""}, errors=["Enter the candidate's name"],
                     unchanged=lambda: Candidate.objects.count())
    services.conflicts_declare(member=panel[Role.PERSON], known={}, by=users[Role.PERSON])
    data = {**scores_post(values), f"score_{values[0].pk}": "99", f"reason_{values[1].pk}": ""}
    assert_bad_input(person, url("score", campaign, candidate_id=first.pk), data,
                     errors=[f"Select a score from 0 to 4 for {values[0].title}", f"Enter the reason for the score for {values[1].title}"],
                     kept=[f"reason_{values[0].pk}"], unchanged=lambda: CandidateScore.objects.count())
    services.conflicts_declare(member=panel[Role.TEAM_MANAGER], known={}, by=users[Role.TEAM_MANAGER])
    panel[Role.TEAM_MANAGER].refresh_from_db()
    services.scores_submit(member=panel[Role.TEAM_MANAGER], candidate=first, entered={v.pk: (3, "Fine.") for v in values},
                           by=users[Role.TEAM_MANAGER])
    assert_bad_input(chair, url("candidate_scores", campaign, candidate_id=first.pk), {**scores_post(values), f"reason_{values[0].pk}": ""},
                     errors=[f"Enter the reason for the score for {values[0].title}"], kept=[f"reason_{values[1].pk}"],
                     unchanged=lambda: ModeratedScore.objects.count())
    assert_bad_input(chair, url("recommend", campaign), {"candidate": first.pk, "text": "Best."},
                     errors=["Moderate this candidate's scores on every value before recommending them"], kept=["text"],
                     unchanged=lambda: (Outcome.objects.count(), Decision.objects.count()))
    assert_bad_input(manager, url("appointment", campaign), {"appointment": "appointed", "reason": "Fine."},
                     errors=["The panel has not made its recommendation yet"], kept=["reason"],
                     unchanged=lambda: Decision.objects.count())
    assert_bad_input(chair, url("recognition", campaign), {"member": panel[Role.PERSON].pk, "category": "", "amount": "abc"},
                     errors=["Select what the claim is for"], unchanged=lambda: Claim.objects.count())


def test_bad_input_while_agreeing_values_and_questions(client_as, campaign, panel, users):
    chair, person = client_as(users[Role.TEAM_MANAGER]), client_as(users[Role.PERSON])
    assert_bad_input(person, url("value_add", campaign), {"title": "Kind", "meaning": ""},
                     errors=["Say what the value looks like in the job"], kept=["title"], unchanged=lambda: PostValue.objects.count())
    value = services.value_propose(campaign=campaign, title="Kind", meaning="Warm.", by=users[Role.PERSON])
    other = services.value_propose(campaign=campaign, title="Honest", meaning="Says so.", by=users[Role.PERSON])
    assert_bad_input(person, url("question_add", campaign), {"value": "", "text": "Why?"},
                     errors=["Select the value the question tests"], kept=["text"], unchanged=lambda: InterviewQuestion.objects.count())
    assert_bad_input(person, url("value_discuss", campaign, value_id=value.pk), {"text": ""},
                     errors=["Enter your comment"], unchanged=lambda: ValueComment.objects.count())
    question = services.question_propose(campaign=campaign, value=value, text="Why?", by=users[Role.PERSON])
    assert_bad_input(chair, url("agree", campaign), {"values": [value.pk, other.pk], "questions": [question.pk]},
                     errors=["Agree at least one question for each value: none for Honest"],
                     unchanged=lambda: (Decision.objects.count(), PostValue.objects.filter(agreed=True).count()))
