import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from careplans.models import (
    CarePlan,
    CaseSystemExport,
    Conversation,
    OutcomeProgress,
    PlanComment,
    PlanLook,
    PlanResponse,
    PreparedStatement,
    Review,
    ReviewItem,
    ReviewTheme,
)
from coproduction.people.models import Person, Representative
from tests.coproduction.accounts.factories import TeamFactory, UserFactory, lifelike_name


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    class Params:
        generated_name = factory.Faker("name", locale="en_GB")

    full_name = lifelike_name()
    team = factory.SubFactory(TeamFactory)
    date_of_birth = factory.Faker("date_of_birth", minimum_age=18, maximum_age=95)


class RepresentativeFactory(DjangoModelFactory):
    class Meta:
        model = Representative

    person = factory.SubFactory(PersonFactory)
    user = factory.SubFactory(UserFactory, roles=["carer"])
    name = factory.LazyAttribute(lambda o: o.user.full_name if o.user else "A relative")
    relationship = Representative.Relationship.CARER
    basis = Representative.Basis.CONSENT
    recorded_by = factory.SubFactory(UserFactory, roles=["practitioner"])


def _words(text: str, whose: str = "person") -> dict:
    return {"text": text, "whose": whose}


def complete_content(review_date: str = "2027-03-01") -> dict:
    """Every section with what it needs to be complete (section 4 too, for someone who lacks capacity)."""
    done = "completed"
    return {"sections": {
        "goals": {"status": done, "fields": {"goals": _words("I want to get back to the allotment")}},
        "important": {"status": done, "fields": {"enjoy": _words("Gardening and the radio")}},
        "support_decisions": {"status": done, "fields": {"support": _words("Help getting washed and dressed")}},
        "consultation": {"status": done, "lists": {"consulted": [{"id": "k1", "name": "Jean", "whose": "representative"}]}},
        "outcomes": {"status": done, "lists": {
            "outcomes": [{"id": "o1", "outcome": "Back at the allotment twice a week", "whose": "person"}],
            "options": [{"id": "p1", "option": "A personal assistant", "chosen": "yes", "why": "I choose who helps me", "whose": "person"}]}},
        "needs": {"status": done, "fields": {"needs": _words("Personal care", "practitioner"), "eligibility": _words("Eligible", "practitioner")},
                  "lists": {"support": [{"id": "s1", "need": "Personal care", "who": "A personal assistant", "whose": "practitioner"}]}},
        "budget": {"status": done, "fields": {"management": "direct_payment"}, "lists": {"items": [{"id": "b1", "what": "Personal assistant", "weekly": "126.00", "whose": "practitioner"}]}},
        "contingency": {"status": done, "fields": {"plan": _words("Ring Mo first")}},
        "involvement": {"status": done, "fields": {"how": _words("At my kitchen table"), "listened": "yes"}},
        "agreement": {"status": done, "fields": {"person_seen": "yes", "copy_how": "in_person", "copy_format": "standard", "review_date": review_date}},
    }}


class CarePlanFactory(DjangoModelFactory):
    class Meta:
        model = CarePlan

    class Params:
        complete = factory.Trait(content=factory.LazyFunction(complete_content))

    person = factory.SubFactory(PersonFactory)
    version = factory.Sequence(lambda n: n + 1)
    created_by = factory.SubFactory(UserFactory, roles=["practitioner"])
    content = factory.LazyFunction(
        lambda: {"sections": {"goals": {"status": "completed", "fields": {"goals": {"text": "I want to get back to the allotment", "whose": "person"}}}}}
    )


class PlanCommentFactory(DjangoModelFactory):
    class Meta:
        model = PlanComment

    plan = factory.SubFactory(CarePlanFactory)
    section = "goals"
    author = factory.SubFactory(UserFactory)
    text = "That's right, Tuesdays especially"


class PlanResponseFactory(DjangoModelFactory):
    class Meta:
        model = PlanResponse

    plan = factory.SubFactory(CarePlanFactory)
    author = factory.SubFactory(UserFactory, roles=["person"])
    author_name = factory.SelfAttribute("author.full_name")
    reason = "It doesn’t say yet that I want to choose my own personal assistant."


class PlanLookFactory(DjangoModelFactory):
    class Meta:
        model = PlanLook

    plan = factory.SubFactory(CarePlanFactory)
    user = factory.SubFactory(UserFactory, roles=["practitioner"])
    looked_at = factory.LazyFunction(timezone.now)


class ReviewThemeFactory(DjangoModelFactory):
    class Meta:
        model = ReviewTheme
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Theme {n}")


class ReviewFactory(DjangoModelFactory):
    class Meta:
        model = Review

    plan = factory.SubFactory(CarePlanFactory, status="agreed")
    held_on = factory.Faker("past_date")
    created_by = factory.SubFactory(UserFactory, roles=["practitioner"])


class ReviewItemFactory(DjangoModelFactory):
    class Meta:
        model = ReviewItem

    review = factory.SubFactory(ReviewFactory)
    kind = ReviewItem.Kind.WORKING
    perspective = ReviewItem.Perspective.PERSON
    text = "My PA is great with my garden"


class PreparedStatementFactory(DjangoModelFactory):
    """Written before the review: not yet brought to one."""

    class Meta:
        model = PreparedStatement

    plan = factory.SubFactory(CarePlanFactory, status="agreed")
    kind = ReviewItem.Kind.WORKING
    perspective = ReviewItem.Perspective.PERSON
    text = "Having the same PA every week means I get to the allotment."
    author = factory.SubFactory(UserFactory, roles=["person"])
    review = None
    item = None


class OutcomeProgressFactory(DjangoModelFactory):
    class Meta:
        model = OutcomeProgress

    review = factory.SubFactory(ReviewFactory)
    outcome = "Back at the allotment"
    progress = OutcomeProgress.Progress.PROGRESSING


class CaseSystemExportFactory(DjangoModelFactory):
    class Meta:
        model = CaseSystemExport

    plan = factory.SubFactory(CarePlanFactory, status="agreed")
    file_name = factory.LazyAttribute(lambda made: f"LAS-1_plan_{made.plan.pk}_v{made.plan.version}.json")


class ConversationFactory(DjangoModelFactory):
    class Meta:
        model = Conversation

    person = factory.SubFactory(PersonFactory)
    what_matters = "Being out in the garden, and seeing my grandson on Saturdays."
    good_at = "Growing veg. I know everyone at the allotments."
    people_places = "Mo, Jack, Dennis; the allotments on Fell Lane."
    working = "Mo drives me to the allotment on Tuesdays."
    whose = Conversation.Whose.PERSON
    updated_by = factory.LazyAttribute(lambda made: made.person.user or UserFactory(roles=["practitioner"]))
