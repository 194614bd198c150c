import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.models import ActivityKind
from commissioning.panels.models import (
    Bidder,
    BriefingPack,
    Conflict,
    ConsortiumMember,
    Panel,
    PanelMember,
    PanelQuestion,
    QuestionComment,
)
from commissioning.specifications.models import (
    EvaluationCriterion,
    SpecificationVersion,
)
from tests.commissioning.factories import ActivityFactory, ProgrammeFactory
from tests.commissioning.specifications.factories import (
    SpecificationFactory,
    SpecificationVersionFactory,
)
from tests.coproduction.accounts.factories import UserFactory


def published_version_of(specification) -> SpecificationVersion:
    """The newest published version, or a new empty published one."""
    version = specification.versions.filter(status=SpecificationVersion.Status.PUBLISHED).order_by("-number").first()
    return version or SpecificationVersionFactory(specification=specification)


class PanelFactory(DjangoModelFactory):
    """A panel for a published specification of its programme, owning its activity. No members:
    add a chair with PanelMemberFactory(role="chair")."""

    class Meta:
        model = Panel

    programme = factory.SubFactory(ProgrammeFactory)
    specification = factory.SubFactory(SpecificationFactory, programme=factory.SelfAttribute("..programme"))
    version = factory.LazyAttribute(lambda panel: published_version_of(panel.specification))
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..programme"), kind=ActivityKind.PROCUREMENT_PANEL,
        title=factory.SelfAttribute("..title"),
    )
    title = factory.Sequence(lambda n: f"Tender panel {n}")
    purpose = "To choose who runs day opportunities from 2027, with the people who will use them."
    timetable = "Briefing in March. Reading bids in April. Interviews and scoring in May."
    created_by = factory.LazyAttribute(lambda panel: panel.programme.lead)


class PanelMemberFactory(DjangoModelFactory):
    class Meta:
        model = PanelMember

    panel = factory.SubFactory(PanelFactory)
    user = factory.SubFactory(UserFactory, roles=["person"])
    role = PanelMember.Role.LIVED_EXPERIENCE
    conflicts_declared_at = None


class BidderFactory(DjangoModelFactory):
    class Meta:
        model = Bidder

    panel = factory.SubFactory(PanelFactory)
    name = factory.Sequence(lambda n: f"Bright Days Provider {n}")
    organisation = None


class ConsortiumMemberFactory(DjangoModelFactory):
    class Meta:
        model = ConsortiumMember

    bidder = factory.SubFactory(BidderFactory)
    name = factory.Sequence(lambda n: f"Partner provider {n}")
    organisation = None
    is_lead = False
    brings = "Staff who speak community languages, and a minibus."


class ConflictFactory(DjangoModelFactory):
    class Meta:
        model = Conflict

    member = factory.SubFactory(PanelMemberFactory, conflicts_declared_at=factory.LazyFunction(timezone.now))
    bidder = factory.SubFactory(BidderFactory, panel=factory.SelfAttribute("..member.panel"))
    details = "My sister works for them."


class BriefingPackFactory(DjangoModelFactory):
    class Meta:
        model = BriefingPack

    member = factory.SubFactory(PanelMemberFactory)
    document_format = "standard"
    sent_by = factory.LazyAttribute(lambda pack: pack.member.panel.created_by)
    first_opened_at = None


def criterion_for(panel) -> EvaluationCriterion:
    found = EvaluationCriterion.objects.filter(version=panel.version).first()
    return found or EvaluationCriterion.objects.create(version=panel.version, title="Working with people", weight=100)


class PanelQuestionFactory(DjangoModelFactory):
    class Meta:
        model = PanelQuestion

    panel = factory.SubFactory(PanelFactory)
    criterion = factory.LazyAttribute(lambda question: criterion_for(question.panel))
    kind = PanelQuestion.Kind.WRITTEN
    text = factory.Sequence(lambda n: f"How will people who use the service help run it? ({n})")
    proposed_by = factory.SubFactory(UserFactory, roles=["person"])
    agreed = False


class QuestionCommentFactory(DjangoModelFactory):
    class Meta:
        model = QuestionComment

    question = factory.SubFactory(PanelQuestionFactory)
    author = factory.SubFactory(UserFactory, roles=["commissioner"])
    text = "Could we say “help decide” instead of “help run”?"


# ---- Bids and scoring ----
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from commissioning.panels.models import (  # noqa: E402
    Annotation,
    AwardRecommendation,
    BidResponse,
    ModeratedScore,
    PriceScore,
    Score,
    ShortlistCheck,
)
from tests.commissioning.factories import DecisionFactory  # noqa: E402
from tests.commissioning.specifications.factories import ShortlistQuestionFactory  # noqa: E402

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "answer.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class ShortlistCheckFactory(DjangoModelFactory):
    class Meta:
        model = ShortlistCheck

    bidder = factory.SubFactory(BidderFactory)
    question = factory.SubFactory(ShortlistQuestionFactory, version=factory.SelfAttribute("..bidder.panel.version"))
    passed = True
    reason = "The bid includes the provider’s current registration certificate."
    checked_by = factory.LazyAttribute(lambda check: check.bidder.panel.created_by)


class BidResponseFactory(DjangoModelFactory):
    class Meta:
        model = BidResponse

    bidder = factory.SubFactory(BidderFactory)
    question = factory.SubFactory(PanelQuestionFactory, panel=factory.SelfAttribute("..bidder.panel"), agreed=True)
    text = "We will ask the people who use the service to sit on every interview panel for new staff."
    entered_by = factory.LazyAttribute(lambda response: response.bidder.panel.created_by)


class ScoreFactory(DjangoModelFactory):
    class Meta:
        model = Score

    response = factory.SubFactory(BidResponseFactory)
    member = factory.SubFactory(
        PanelMemberFactory, panel=factory.SelfAttribute("..response.bidder.panel"), conflicts_declared_at=factory.LazyFunction(timezone.now)
    )
    value = 3
    reason = "A clear plan, but little about weekends."


class ModeratedScoreFactory(DjangoModelFactory):
    class Meta:
        model = ModeratedScore

    response = factory.SubFactory(BidResponseFactory)
    value = 3
    rationale = "The panel agreed the plan is clear but says little about weekends."
    recorded_by = factory.LazyAttribute(lambda moderated: moderated.response.bidder.panel.created_by)


class PriceScoreFactory(DjangoModelFactory):
    class Meta:
        model = PriceScore

    bidder = factory.SubFactory(BidderFactory)
    bid_price = 250000
    notes = "The total price for the three years of the contract."
    entered_by = factory.SubFactory(
        PanelMemberFactory, panel=factory.SelfAttribute("..bidder.panel"), role=PanelMember.Role.PROCUREMENT_OFFICER,
        user=factory.SubFactory(UserFactory, roles=["commissioner"]),
    )


class AwardRecommendationFactory(DjangoModelFactory):
    class Meta:
        model = AwardRecommendation

    panel = factory.SubFactory(PanelFactory)
    bidder = factory.SubFactory(BidderFactory, panel=factory.SelfAttribute("..panel"))
    text = "The highest overall score and the strongest plan for involving people."
    decision = factory.SubFactory(DecisionFactory, programme=factory.SelfAttribute("..panel.programme"))
    recorded_by = factory.LazyAttribute(lambda award: award.panel.created_by)


class AnnotationFactory(DjangoModelFactory):
    class Meta:
        model = Annotation

    panel = factory.SubFactory(PanelFactory)
    response = None
    text = "A bidder asked for feedback; their letter was sent on 3 June."
    author = factory.LazyAttribute(lambda note: note.panel.created_by)


def panel_ready_to_score(*, programme, specification, chair, members: dict, bidder_names=("Bright Days CIC", "Northside Care Ltd"),
                         conflicts: dict | None = None, questions: int = 1, title: str = "Scoring panel"):
    """A panel through the panels services, open for scoring: `members` maps users to panel roles;
    everyone has declared (conflicts: user -> bidder names); `questions` agreed questions on the
    first criterion, with one typed answer per bidder and question; every other criterion the
    panel scores has one agreed question too (scoring cannot open otherwise), not yet answered.
    Returns (panel, members by user, bidders, the first criterion's questions)."""
    from commissioning.panels import services
    from commissioning.panels.rules import is_conflicted
    from commissioning.panels.scoring import services as scoring_services

    panel = services.panel_create(
        programme=programme, specification=specification, chair=chair, title=title,
        purpose="To choose who runs the service.", by=chair,
    )
    by_user = {chair: panel.members.get(role=PanelMember.Role.CHAIR)}
    for user, role in members.items():
        by_user[user] = services.member_add(panel=panel, user=user, role=role, by=chair)
    bidders = [services.bidder_add(panel=panel, name=name, by=chair) for name in bidder_names]
    by_name = {bidder.name: bidder for bidder in bidders}
    for user, member in by_user.items():
        named = (conflicts or {}).get(user, [])
        services.conflicts_declare(member=member, bidders=[by_name[n] for n in named], details="Declared interest." if named else "", by=user)
    criterion = panel.version.criteria.order_by("position", "pk").first()
    agreed = [
        services.question_propose(panel=panel, criterion=criterion, kind="written", text=f"Question {n}: how will people help?", by=chair)
        for n in range(1, questions + 1)
    ]
    others = [
        services.question_propose(panel=panel, criterion=other, kind="written", text=f"How will you meet “{other.title}”?", by=chair)
        for other in panel.version.criteria.filter(scored_on_price=False).exclude(pk=criterion.pk)
    ]
    services.questions_agree(panel=panel, agreed_ids={q.pk for q in agreed + others}, by=chair)
    agreed = [PanelQuestion.objects.get(pk=q.pk) for q in agreed]
    panel.refresh_from_db()
    # Every bid meets the specification's shortlisting questions, if it has any.
    shortlist = {question.pk: (True, "The bid shows this.") for question in panel.version.shortlist_questions.all()}
    if shortlist:
        for bidder in bidders:
            bidder.panel = panel
            checker = next(m for m in by_user.values() if m.has_declared and not is_conflicted(m, bidder))
            scoring_services.shortlist_record(bidder=bidder, member=checker, results=shortlist, by=checker.user)
    scoring_services.scoring_open(panel=panel, by=chair)
    for bidder in bidders:
        bidder.panel = panel
        for question in agreed:
            scoring_services.response_save(bidder=bidder, question=question, text=f"{bidder.name} answers {question.text}", by=chair)
    for member in by_user.values():
        member.refresh_from_db()
    return panel, by_user, bidders, agreed
