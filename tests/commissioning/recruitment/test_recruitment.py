"""Recruiting social care staff with local people: the panel agrees the values and questions
(recorded as a decision), candidates are known by reference to everyone but the HR officer,
each member scores alone with reasons and sees others' scores only after sending their own,
the chair moderates keeping the originals, and the recommendation and the appointing manager's
decision go into the decisions log; lay members see the outcome, and are paid via the ledger."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from commissioning.involvement.models import Claim, Participation
from commissioning.involvement.spectrum import records_for_steps
from commissioning.models import Decision, GroupMember, MemberRole
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
from commissioning.recruitment.retention import delete_recruitment_candidates, due_recruitment_candidates
from coproduction.accounts.models import Role
from coproduction.notifications.models import Message
from tests.commissioning.factories import ProgrammeFactory
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.harness.bad_input import assert_bad_input

NAMES = ("Jordan Quillfeather", "Sasha Brightwater")
R = CampaignMember.Role


def url(name: str, campaign, **extra) -> str:
    return reverse(f"recruitment:{name}", kwargs={"campaign_id": campaign.pk, **extra})


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(lead=commissioner)
    GroupMember.objects.create(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMember.objects.create(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


@pytest.fixture
def campaign(programme, team_manager):
    return services.campaign_create(programme=programme, by=team_manager, data={
        "post": "Social worker", "team": "North Adults Team", "closing_date": datetime.date.today() + datetime.timedelta(days=14),
        "about": "Works alongside adults so they live the life they choose.",
    })


@pytest.fixture
def panel(campaign, users):
    made = {
        who: services.member_add(campaign=campaign, user=users[who], role=role, by=users[Role.TEAM_MANAGER])
        for who, role in ((Role.PERSON, R.LIVED_EXPERIENCE), (Role.CARER, R.CARER), (Role.ADMINISTRATOR, R.HR_OFFICER),
                          (Role.HEAD_OF_SERVICE, R.APPOINTING_MANAGER))
    }
    made[Role.TEAM_MANAGER] = CampaignMember.objects.get(campaign=campaign, role=R.CHAIR)
    return made


@pytest.fixture
def agreed(campaign, panel, users):
    """Two values each with a question, agreed; two candidates added by the HR officer."""
    values = [services.value_propose(campaign=campaign, title=title, meaning="What it looks like.", by=users[Role.PERSON])
              for title in ("Listens", "Keeps promises")]
    questions = [services.question_propose(campaign=campaign, value=value, text=f"Tell us about {value.title}.", by=users[Role.CARER])
                 for value in values]
    services.values_agree(campaign=campaign, value_ids=[v.pk for v in values], question_ids=[q.pk for q in questions],
                          by=users[Role.TEAM_MANAGER])
    campaign.refresh_from_db()
    candidates = [services.candidate_add(campaign=campaign, name=name, by=users[Role.ADMINISTRATOR]) for name in NAMES]
    return {"values": values, "questions": questions, "candidates": candidates}


def _scores(values, score=3, reason="A clear example.") -> dict:
    data = {}
    for value in values:
        data[f"score_{value.pk}"], data[f"reason_{value.pk}"] = str(score), reason
    return data


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
    refused = person.post(url("score", campaign, candidate_id=candidate.pk), _scores([value]))
    assert "Say whether you know any of the candidates before scoring" in refused.content.decode()
    person.post(url("conflicts", campaign), {"details": ""})
    before = person.get(url("candidate_scores", campaign, candidate_id=candidate.pk)).content.decode()
    assert "once you have sent your own" in before
    person.post(url("score", campaign, candidate_id=candidate.pk), _scores([value], 2, "Good listener."))
    chair.post(url("conflicts", campaign), {"details": ""})
    chair.post(url("score", campaign, candidate_id=candidate.pk), _scores([value], 4, "Excellent example."))
    after = person.get(url("candidate_scores", campaign, candidate_id=candidate.pk)).content.decode()
    assert "Good listener." in after and "Excellent example." in after

    chair.post(url("candidate_scores", campaign, candidate_id=candidate.pk), _scores([value], 3, "We agreed between the two."))
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


def test_a_candidates_name_never_reaches_a_lay_members_page_or_message(client_as, campaign, panel, agreed, users):
    values, (first, second) = agreed["values"], agreed["candidates"]
    for who in (Role.PERSON, Role.TEAM_MANAGER):
        services.conflicts_declare(member=panel[who], known={}, by=users[who])
        panel[who].refresh_from_db()
        services.scores_submit(member=panel[who], candidate=first, entered={v.pk: (3, "Fine.") for v in values}, by=users[who])
    services.moderation_record(member=panel[Role.TEAM_MANAGER], candidate=first, entered={v.pk: (3, "Agreed.") for v in values},
                               by=users[Role.TEAM_MANAGER])
    services.briefing_send(campaign=campaign, by=users[Role.TEAM_MANAGER])
    services.recommend(campaign=campaign, candidate=first, text="Best scores.", by=users[Role.TEAM_MANAGER])
    services.appointment_record(campaign=campaign, appointment="appointed", reason="Good.", by=users[Role.HEAD_OF_SERVICE])
    pages = [url(name, campaign) for name in ("campaign_detail", "briefing", "conflicts")]
    pages += [url(name, campaign, candidate_id=c.pk) for c in (first, second) for name in ("score", "candidate_scores")]
    pages += [url("value_discuss", campaign, value_id=v.pk) for v in values]
    pages += [reverse("recruitment:campaign_list"), reverse("accounts:home"),
              reverse("commissioning:decision_list", kwargs={"programme_id": campaign.programme_id})]
    pages += [reverse("commissioning:decision_detail", kwargs={"programme_id": campaign.programme_id, "decision_id": d.pk})
              for d in Decision.objects.filter(programme=campaign.programme)]
    for who in (Role.PERSON, Role.CARER):
        client = client_as(users[who])
        for page in pages:
            response = client.get(page, follow=True)
            text = response.content.decode()
            assert not any(name in text for name in NAMES), f"A candidate's name reached {who} on {page}"
        messages = Message.objects.filter(recipient=users[who])
        assert messages.exists()
        assert not any(name in f"{m.subject} {m.body}" for m in messages for name in NAMES)
    # The HR officer sees them.
    assert NAMES[0] in client_as(users[Role.ADMINISTRATOR]).get(url("campaign_detail", campaign)).content.decode()


def test_a_member_who_knows_a_candidate_does_not_score_them(client_as, campaign, panel, agreed, users):
    first = agreed["candidates"][0]
    client = client_as(users[Role.PERSON])
    client.post(url("conflicts", campaign), {"known": [first.pk], "details": "My neighbour"})
    assert CandidateConflict.objects.filter(member=panel[Role.PERSON], candidate=first).exists()
    response = client.post(url("score", campaign, candidate_id=first.pk), _scores(agreed["values"]))
    assert "You know this candidate, so you do not score them" in response.content.decode()
    assert not CandidateScore.objects.exists()


def test_only_the_hr_officer_adds_candidates_and_only_scorers_score(client_as, campaign, panel, agreed, users):
    assert client_as(users[Role.PERSON]).post(url("candidate_add", campaign), {"name": "X"}).status_code == 403
    first = agreed["candidates"][0]
    assert client_as(users[Role.ADMINISTRATOR]).get(url("score", campaign, candidate_id=first.pk)).status_code == 403


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
    data = {**_scores(values), f"score_{values[0].pk}": "99", f"reason_{values[1].pk}": ""}
    assert_bad_input(person, url("score", campaign, candidate_id=first.pk), data,
                     errors=[f"Select a score from 0 to 4 for {values[0].title}", f"Enter the reason for the score for {values[1].title}"],
                     kept=[f"reason_{values[0].pk}"], unchanged=lambda: CandidateScore.objects.count())
    services.conflicts_declare(member=panel[Role.TEAM_MANAGER], known={}, by=users[Role.TEAM_MANAGER])
    panel[Role.TEAM_MANAGER].refresh_from_db()
    services.scores_submit(member=panel[Role.TEAM_MANAGER], candidate=first, entered={v.pk: (3, "Fine.") for v in values},
                           by=users[Role.TEAM_MANAGER])
    assert_bad_input(chair, url("candidate_scores", campaign, candidate_id=first.pk), {**_scores(values), f"reason_{values[0].pk}": ""},
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


def test_campaign_list_and_page_read_a_fixed_number_of_queries(client_as, campaign, panel, agreed, users, django_assert_max_num_queries):
    client = client_as(users[Role.ADMINISTRATOR])
    client.get(url("campaign_detail", campaign))  # warm the session
    with django_assert_max_num_queries(40) as small_list:
        client.get(reverse("recruitment:campaign_list"))
    with django_assert_max_num_queries(40) as small_page:
        client.get(url("campaign_detail", campaign))
    for n in range(10):
        services.candidate_add(campaign=campaign, name=f"Extra {n}", by=users[Role.ADMINISTRATOR])
        value = services.PostValue.objects.create(campaign=campaign, title=f"V{n}", meaning="m", proposed_by=users[Role.PERSON])
        services.InterviewQuestion.objects.create(campaign=campaign, value=value, text="q", proposed_by=users[Role.PERSON])
        other = services.campaign_create(programme=campaign.programme, by=users[Role.TEAM_MANAGER], data={
            "post": f"Post {n}", "team": "T", "closing_date": campaign.closing_date, "about": "a"})
        services.member_add(campaign=other, user=users[Role.ADMINISTRATOR], role=R.HR_OFFICER, by=users[Role.TEAM_MANAGER])
    with django_assert_max_num_queries(len(small_list.captured_queries)):
        client.get(reverse("recruitment:campaign_list"))
    with django_assert_max_num_queries(len(small_page.captured_queries)):
        client.get(url("campaign_detail", campaign))
