import datetime

import factory
from factory.django import DjangoModelFactory

from commissioning.models import ActivityKind
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
from tests.commissioning.factories import ActivityFactory, DecisionFactory, ProgrammeFactory
from tests.coproduction.accounts.factories import UserFactory


class CampaignFactory(DjangoModelFactory):
    class Meta:
        model = Campaign

    programme = factory.SubFactory(ProgrammeFactory)
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..programme"), kind=ActivityKind.RECRUITMENT_PANEL,
        title=factory.Sequence(lambda n: f"Recruitment panel: Social worker {n}"),
    )
    post = factory.Sequence(lambda n: f"Social worker {n}")
    team = "North Adults Team"
    closing_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=21))
    about = "Supports adults to live the life they choose, working alongside them and the people who matter to them."
    created_by = factory.SubFactory(UserFactory, roles=["team_manager"])


class CampaignMemberFactory(DjangoModelFactory):
    class Meta:
        model = CampaignMember

    campaign = factory.SubFactory(CampaignFactory)
    user = factory.SubFactory(UserFactory, roles=["person"])
    role = CampaignMember.Role.LIVED_EXPERIENCE
    added_by = factory.LazyAttribute(lambda member: member.campaign.created_by)


class CandidateFactory(DjangoModelFactory):
    class Meta:
        model = Candidate

    campaign = factory.SubFactory(CampaignFactory)
    reference = factory.Sequence(lambda n: f"C{n + 1}")
    name = factory.Sequence(lambda n: f"Rowan Applicant-{n}")
    added_by = factory.LazyAttribute(lambda candidate: candidate.campaign.created_by)


class CandidateConflictFactory(DjangoModelFactory):
    class Meta:
        model = CandidateConflict

    member = factory.SubFactory(CampaignMemberFactory)
    candidate = factory.SubFactory(CandidateFactory, campaign=factory.SelfAttribute("..member.campaign"))
    details = "My neighbour"


class PostValueFactory(DjangoModelFactory):
    class Meta:
        model = PostValue

    campaign = factory.SubFactory(CampaignFactory)
    title = factory.Sequence(lambda n: f"Listens and does what they say {n}")
    meaning = "Hears what matters to the person and follows it through."
    proposed_by = factory.LazyAttribute(lambda value: value.campaign.created_by)


class InterviewQuestionFactory(DjangoModelFactory):
    class Meta:
        model = InterviewQuestion

    value = factory.SubFactory(PostValueFactory)
    campaign = factory.LazyAttribute(lambda question: question.value.campaign)
    text = "Tell us about a time someone told you what mattered to them, and what you did."
    proposed_by = factory.LazyAttribute(lambda question: question.value.proposed_by)


class ValueCommentFactory(DjangoModelFactory):
    class Meta:
        model = ValueComment

    value = factory.SubFactory(PostValueFactory)
    author = factory.LazyAttribute(lambda comment: comment.value.proposed_by)
    text = "Could we say “keeps their promises”? It is plainer."


class CandidateScoreFactory(DjangoModelFactory):
    class Meta:
        model = CandidateScore

    candidate = factory.SubFactory(CandidateFactory)
    member = factory.SubFactory(CampaignMemberFactory, campaign=factory.SelfAttribute("..candidate.campaign"))
    value = factory.SubFactory(PostValueFactory, campaign=factory.SelfAttribute("..candidate.campaign"), agreed=True)
    score = 3
    reason = "Gave a clear example of changing a plan because the person asked."


class ModeratedScoreFactory(DjangoModelFactory):
    class Meta:
        model = ModeratedScore

    candidate = factory.SubFactory(CandidateFactory)
    value = factory.SubFactory(PostValueFactory, campaign=factory.SelfAttribute("..candidate.campaign"), agreed=True)
    score = 3
    rationale = "The panel agreed the example showed the value well."
    recorded_by = factory.LazyAttribute(lambda row: row.candidate.campaign.created_by)


class OutcomeFactory(DjangoModelFactory):
    class Meta:
        model = Outcome

    campaign = factory.SubFactory(CampaignFactory)
    candidate = factory.SubFactory(CandidateFactory, campaign=factory.SelfAttribute("..campaign"))
    candidate_reference = factory.LazyAttribute(lambda outcome: outcome.candidate.reference)
    recommendation = "The highest agreed scores on every value."
    decision = factory.SubFactory(DecisionFactory, programme=factory.SelfAttribute("..campaign.programme"))
    recorded_by = factory.LazyAttribute(lambda outcome: outcome.campaign.created_by)
