import datetime

import factory
from factory.django import DjangoModelFactory

from commissioning.coassessment.models import (
    CoAssessment,
    FocusGroup,
    FocusGroupTheme,
    StatementKind,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
    WtfcExercise,
    WtfcPriority,
    WtfcStatement,
    WtfcTheme,
)
from commissioning.coassessment.wtfc_services import wtfc_counts_rebuild
from commissioning.models import ActivityKind
from tests.careplans.factories import (
    CarePlanFactory,
    PersonFactory,
    ReviewFactory,
    ReviewItemFactory,
)
from tests.commissioning.factories import ActivityFactory, ProgrammeFactory
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory

try:
    from tests.commissioning.monitoring.factories import ContractFactory
except ImportError:  # monitoring keeps the contract factory; until it exists, a plain one
    from commissioning.monitoring.models import Contract

    class ContractFactory(DjangoModelFactory):
        class Meta:
            model = Contract

        programme = factory.SubFactory(ProgrammeFactory)
        provider = factory.SubFactory(OrganisationFactory, kind="provider")
        service_name = factory.Sequence(lambda n: f"Day service {n}")
        starts_on = datetime.date(2026, 4, 1)
        ends_on = datetime.date(2029, 3, 31)
        value = 100000
        created_by = factory.SubFactory(UserFactory, roles=["commissioner"])


def reviewed_person(*, team, statements=(("working", "I like the Tuesday club"),), held_on=datetime.date(2026, 6, 1), **person):
    """A person with an agreed plan and a finished review holding these statements."""
    person = PersonFactory(team=team, **person)
    plan = CarePlanFactory(person=person, status="agreed", version=1)
    review = ReviewFactory(plan=plan, held_on=held_on, finished_at=datetime.datetime(2026, 6, 2, tzinfo=datetime.UTC))
    for kind, text in statements:
        ReviewItemFactory(review=review, kind=kind, text=text)
    return person


class WtfcExerciseFactory(DjangoModelFactory):
    class Meta:
        model = WtfcExercise

    programme = factory.SubFactory(ProgrammeFactory)
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..programme"), kind=ActivityKind.WORKING_TOGETHER_FOR_CHANGE,
        recorded_by=factory.SelfAttribute("..created_by"),
    )
    title = "Reviews from 2026"
    reviews_from = datetime.date(2026, 1, 1)
    reviews_to = datetime.date(2026, 12, 31)
    people_count = 6
    created_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class WtfcThemeFactory(DjangoModelFactory):
    class Meta:
        model = WtfcTheme

    exercise = factory.SubFactory(WtfcExerciseFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")


class WtfcStatementFactory(DjangoModelFactory):
    class Meta:
        model = WtfcStatement

    exercise = factory.SubFactory(WtfcExerciseFactory)
    kind = StatementKind.NOT_WORKING
    perspective = "person"
    text = "The bus never comes on time"
    person_key = factory.Sequence(lambda n: n + 1)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Made as the exercise would make it; then the exercise's and its themes' kept counts
        are counted again, as they would be had the group moved it into its theme."""
        statement = super()._create(model_class, *args, **kwargs)
        wtfc_counts_rebuild(exercise=statement.exercise)
        return statement


class WtfcPriorityFactory(DjangoModelFactory):
    class Meta:
        model = WtfcPriority

    theme = factory.SubFactory(WtfcThemeFactory)
    priority = factory.SubFactory(
        "tests.commissioning.priorities.factories.PriorityFactory", programme=factory.SelfAttribute("..theme.exercise.programme")
    )
    people_count = 6
    statement_count = 9
    created_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class SurveyFactory(DjangoModelFactory):
    class Meta:
        model = Survey

    programme = factory.SubFactory(ProgrammeFactory)
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..programme"), kind=ActivityKind.SURVEY,
        recorded_by=factory.SelfAttribute("..created_by"),
    )
    title = "What do you think of your day service?"
    created_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class SurveyQuestionFactory(DjangoModelFactory):
    class Meta:
        model = SurveyQuestion

    survey = factory.SubFactory(SurveyFactory)
    kind = SurveyQuestion.Kind.RADIOS
    text = "How do you get there?"
    options = factory.LazyFunction(lambda: ["Bus", "Taxi", "Walk"])
    position = factory.Sequence(lambda n: n + 1)


class SurveyResponseFactory(DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    survey = factory.SubFactory(SurveyFactory)


class SurveyParticipationFactory(DjangoModelFactory):
    class Meta:
        model = SurveyParticipation

    survey = factory.SubFactory(SurveyFactory)
    user = factory.SubFactory(UserFactory, roles=["person"])


class SurveyAnswerFactory(DjangoModelFactory):
    class Meta:
        model = SurveyAnswer

    response = factory.SubFactory(SurveyResponseFactory)
    question = factory.SubFactory(SurveyQuestionFactory, survey=factory.SelfAttribute("..response.survey"))
    option = "Bus"


class FocusGroupFactory(DjangoModelFactory):
    class Meta:
        model = FocusGroup

    programme = factory.SubFactory(ProgrammeFactory)
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..programme"), kind=ActivityKind.FOCUS_GROUP,
        happened_on=datetime.date(2026, 9, 1), title="Focus group at the Hub",
    )
    people_count = 8


class FocusGroupThemeFactory(DjangoModelFactory):
    class Meta:
        model = FocusGroupTheme

    focus_group = factory.SubFactory(FocusGroupFactory)
    theme = "Transport"
    people_count = 5


class CoAssessmentFactory(DjangoModelFactory):
    class Meta:
        model = CoAssessment

    programme = factory.SubFactory(ProgrammeFactory)
    contract = factory.SubFactory(ContractFactory, programme=factory.SelfAttribute("..programme"))
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..programme"), kind=ActivityKind.CO_ASSESSMENT,
        title="Co-assessment of the day service",
    )
    looking_at_from = datetime.date(2026, 4, 1)
    looking_at_to = datetime.date(2027, 3, 31)
    created_by = factory.SubFactory(UserFactory, roles=["commissioner"])
