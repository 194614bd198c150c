import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from checklist.first_statements import NOTES, SOURCE, SOURCE_URL, STATEMENTS, TITLE
from checklist.models import (
    Checklist,
    GapTotal,
    Goal,
    Perspective,
    Rating,
    RatingTotal,
    SharedStory,
    Statement,
    StatementSet,
    SurveyRound,
)
from checklist.totals import totals_add_checklist
from tests.careplans.factories import PersonFactory
from tests.coproduction.accounts.factories import TeamFactory, UserFactory


def current_set() -> StatementSet:
    """The set the migration publishes, published again if a browser test emptied the database."""
    found = StatementSet.objects.order_by("-version").first()
    if found is None:
        found = StatementSet.objects.create(version=1, title=TITLE, source=SOURCE, source_url=SOURCE_URL, notes=NOTES)
        Statement.objects.bulk_create(
            Statement(statement_set=found, number=number, part=part, wording=wording, plain_wording=plain)
            for number, part, wording, plain in STATEMENTS
        )
    return found


def planning(statement_set: StatementSet | None = None) -> list[Statement]:
    return list((statement_set or current_set()).statements.filter(part="planning").order_by("number"))


class StatementSetFactory(DjangoModelFactory):
    class Meta:
        model = StatementSet

    version = factory.Sequence(lambda n: 100 + n)
    title = "Care and support planning statements"
    source = "The council's own copy of the TLAP guide"


class StatementFactory(DjangoModelFactory):
    class Meta:
        model = Statement

    statement_set = factory.SubFactory(StatementSetFactory)
    number = factory.Sequence(lambda n: n + 1)
    wording = "I'm trusted to write my own care and support plan, with whatever help I need."
    plain_wording = "I can write my own plan."


class SurveyRoundFactory(DjangoModelFactory):
    class Meta:
        model = SurveyRound

    title = "Spring survey"
    team = factory.SubFactory(TeamFactory)
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timezone.timedelta(days=1))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=14))
    statement_set = factory.LazyFunction(current_set)
    created_by = factory.SubFactory(UserFactory, roles=["team_manager"])


class ChecklistFactory(DjangoModelFactory):
    class Meta:
        model = Checklist

    statement_set = factory.LazyFunction(current_set)
    perspective = Perspective.PERSON
    person = factory.SubFactory(PersonFactory)
    team = factory.LazyAttribute(lambda o: o.person.team if o.person else TeamFactory())
    entered_by = factory.LazyAttribute(lambda o: o.person.user if o.person and o.person.user else UserFactory(roles=["practitioner"]))


class RatingFactory(DjangoModelFactory):
    class Meta:
        model = Rating

    checklist = factory.SubFactory(ChecklistFactory)
    statement = factory.LazyAttribute(lambda o: planning(o.checklist.statement_set)[0])
    score = 4


class SharedStoryFactory(DjangoModelFactory):
    class Meta:
        model = SharedStory

    rating = factory.SubFactory(RatingFactory, comment="We wrote the plan at my kitchen table.")
    team = factory.LazyAttribute(lambda o: o.rating.checklist.team)
    statement = factory.LazyAttribute(lambda o: o.rating.statement)
    chosen_by = factory.SubFactory(UserFactory, roles=["team_manager"])


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = Goal

    team = factory.SubFactory(TeamFactory)
    statement = factory.LazyFunction(lambda: planning()[6])
    target_score = "4.0"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=90))
    examples = "Send information before each visit, in the format each person asked for."
    agreed_by = factory.SubFactory(UserFactory, roles=["team_manager"])


def submitted_checklist(*, person=None, perspective=Perspective.PERSON, team=None, practitioner=None, plan=None, scores=None, on=None, survey_round=None, comment=""):
    """A sent checklist with an answer to every planning statement, as the service leaves it."""
    on = on or timezone.localdate()
    team = team or (person.team if person else None)
    checklist = ChecklistFactory(
        person=person, perspective=perspective, team=team, practitioner=practitioner, plan=plan, survey_round=survey_round,
        submitted_at=timezone.make_aware(timezone.datetime.combine(on, timezone.datetime.min.time())),
        entered_by=practitioner or (person.user if person and person.user else UserFactory(roles=["practitioner"])),
    )
    statements = planning(checklist.statement_set)
    scores = scores or [4] * len(statements)
    Rating.objects.bulk_create(
        Rating(
            checklist=checklist, statement=statement, score=score, comment=comment, team=team, perspective=perspective,
            submitted_on=on, plan=plan, practitioner=practitioner,
        )
        for statement, score in zip(statements, scores)
    )
    totals_add_checklist(checklist=checklist)  # as sending it through the service does
    return checklist


class RatingTotalFactory(DjangoModelFactory):
    """Totals are normally kept by sending checklists (see submitted_checklist)."""

    class Meta:
        model = RatingTotal

    team = factory.SubFactory(TeamFactory)
    statement = factory.LazyFunction(lambda: planning()[0])
    perspective = Perspective.PERSON
    quarter = factory.LazyFunction(lambda: timezone.localdate().replace(day=1, month=(timezone.localdate().month - 1) // 3 * 3 + 1))


class GapTotalFactory(DjangoModelFactory):
    class Meta:
        model = GapTotal

    team = factory.SubFactory(TeamFactory)
    statement = factory.LazyFunction(lambda: planning()[0])
    quarter = factory.LazyFunction(lambda: timezone.localdate().replace(day=1, month=(timezone.localdate().month - 1) // 3 * 3 + 1))
