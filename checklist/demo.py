"""Demo checklist data: six quarters of answers for the North Adults Team, from people and
from their practitioners, so the dashboard shows real trends, gaps and stories on first run."""

import datetime
import random

from django.utils import timezone

from careplans.demo import agreed_plan_content
from careplans.models import CarePlan
from coproduction.people.models import Person
from coproduction.accounts.models import Team, User
from coproduction.core.demo import demo_seeder

from .models import (
    Checklist,
    Goal,
    Perspective,
    Rating,
    RatingTotal,
    SharedStory,
    Statement,
    StatementSet,
    SurveyRound,
)
from .first_statements import publish_first_statement_set
from .totals import totals_rebuild

DEMO_NAMES = [
    "Ada Okonkwo", "Brian Hughes", "Chloe Martin", "Daniel Kowalski", "Elaine Foster", "Farid Hussain", "Gwen Jones",
    "Harold Pike", "Imani Brooks", "Jack Doyle", "Kamala Iyer", "Len Parry",
]
STORIES = {
    1: "I wrote most of my plan myself on my tablet, and Tom just helped with the money part.",
    3: "We came up with the idea of the allotment group instead of a day centre. It changed everything.",
    6: "My daughter came to every meeting because I asked for her to be there.",
    7: "The information came in big print and someone rang to talk it through.",
    10: "Every time they said they would ring back, they did.",
}


@demo_seeder(40)
def seed_checklist_demo(*, today: datetime.date | None = None) -> None:
    if Checklist.objects.filter(team__name="North Adults Team").exists():
        if not RatingTotal.objects.exists():
            totals_rebuild()  # demo data loaded before the running totals existed
        return
    today = today or timezone.localdate()
    rng = random.Random(2026)
    north = Team.objects.get(name="North Adults Team")
    tom = User.objects.get(email="practitioner@demo.example")
    colleagues = [tom, *User.objects.filter(email__in=["j.adeyemi@demo.example", "k.wright@demo.example"])]
    manager = User.objects.get(email="manager@demo.example")
    statement_set = publish_first_statement_set(StatementSet, Statement)
    statements = list(statement_set.statements.filter(part="planning").order_by("number"))

    # Enough people for totals to show: a team's figures are hidden below five answers.
    people = []
    for index, name in enumerate(DEMO_NAMES):
        person, created = Person.objects.get_or_create(
            full_name=name, defaults={"team": north, "practitioner": colleagues[index % len(colleagues)], "capacity": "has"}
        )
        if created:
            CarePlan.objects.create(
                person=person, version=1, status=CarePlan.Status.AGREED, created_by=person.practitioner, agreed_by=person.practitioner,
                agreed_at=timezone.now() - datetime.timedelta(days=200), review_due=today + datetime.timedelta(days=20 + 15 * index),
                content=agreed_plan_content("To stay well at home and see my friends."),
            )
        people.append(person)
    plans = {plan.person_id: plan for plan in CarePlan.objects.filter(person__in=people, status=CarePlan.Status.AGREED)}

    ratings = []
    for quarter in range(6, 0, -1):
        for person in people:
            when = today - datetime.timedelta(days=91 * quarter - rng.randint(0, 60))
            submitted = timezone.make_aware(datetime.datetime.combine(when, datetime.time(11)))
            # Practice improves quarter by quarter; practitioners rate themselves higher than people do.
            base = 2.4 + (6 - quarter) * 0.3
            for perspective, lift, entered_by in ((Perspective.PERSON, 0, person.practitioner), (Perspective.PRACTITIONER, 0.7, person.practitioner)):
                checklist = Checklist.objects.create(
                    statement_set=statement_set, perspective=perspective, person=person, plan=plans.get(person.pk), practitioner=person.practitioner,
                    team=north, entered_by=entered_by, started_at=submitted, submitted_at=submitted,
                    completed_with=Checklist.CompletedWith.PRACTITIONER if perspective == Perspective.PERSON else Checklist.CompletedWith.SELF,
                )
                for statement in statements:
                    spread = -0.6 if statement.number in (7, 9) else 0.4 if statement.number in (1, 6) else 0
                    score = max(1, min(5, round(base + lift + spread + rng.uniform(-1, 1))))
                    skipped = perspective == Perspective.PERSON and rng.random() < 0.04
                    comment = STORIES.get(statement.number, "") if perspective == Perspective.PERSON and quarter <= 2 and rng.random() < 0.5 else ""
                    ratings.append(Rating(
                        checklist=checklist, statement=statement, score=None if skipped else score,
                        skipped=Rating.Skipped.PREFER_NOT if skipped else "", comment=comment if not skipped else "",
                        team=north, perspective=perspective, submitted_on=when, plan=plans.get(person.pk), practitioner=person.practitioner,
                    ))
    Rating.objects.bulk_create(ratings)
    totals_rebuild()

    first_story = Rating.objects.filter(team=north, statement__number=3).exclude(comment="").first()
    if first_story:
        SharedStory.objects.create(
            rating=first_story, team=north, statement=first_story.statement, chosen_by=manager,
            consent_from=SharedStory.ConsentFrom.PERSON, consent_notes="Agreed at their review, by phone.",
            consent_recorded_by=manager, shared_at=timezone.now() - datetime.timedelta(days=7),
        )
    Goal.objects.create(
        team=north, statement=statements[6], target_score="3.5", due_on=today + datetime.timedelta(days=120), agreed_by=manager,
        agreed_on=today - datetime.timedelta(days=180),
        examples="Send information before each visit, in the format each person asked for. Tell people about local groups, not only paid services.",
    )
    Goal.objects.create(
        team=north, practitioner=tom, statement=statements[8], target_score="4.0", due_on=today + datetime.timedelta(days=90), agreed_by=manager,
        agreed_on=today - datetime.timedelta(days=120), examples="At the end of each visit, say what happens next and when, and write it down.",
    )
    SurveyRound.objects.create(
        title="How did planning feel? Winter survey", team=north, opens_on=today - datetime.timedelta(days=7),
        closes_on=today + datetime.timedelta(days=21), statement_set=statement_set, created_by=manager,
    )


@demo_seeder(41)
def seed_practice_group_demo() -> None:
    """Grace (North Adults Team) and the South Adults Team's manager in a practice group looking at
    statement 7: both shared their totals (the South team's too few to show) and examples, agreed
    an action, and the North team's goal for statement 7 takes it forward."""
    from django.contrib.auth.hashers import make_password

    from coproduction.accounts.models import Role, TeamMembership

    from .models import PracticeGroup
    from .practice_groups import services as practice

    if PracticeGroup.objects.exists():
        return
    grace = User.objects.filter(email="manager@demo.example").first()
    north, south = Team.objects.filter(name="North Adults Team").first(), Team.objects.filter(name="South Adults Team").first()
    statement = Statement.objects.filter(part="planning", number=7).order_by("-statement_set__version").first()
    if not (grace and north and south and statement):
        return
    marcus = User.objects.filter(email="m.bell@demo.example").first() or User.objects.create(
        email="m.bell@demo.example", full_name="Marcus Bell", password=make_password(None), roles=[Role.TEAM_MANAGER],
    )
    TeamMembership.objects.get_or_create(user=marcus, team=south, defaults={"is_manager": True})
    group = practice.group_create(name="North and South managers' practice group", statement=statement, team=north, by=grace,
                                  purpose="Team managers looking at the checklist together, one statement at a time.")
    practice.member_add(group=group, manager=marcus, team=south, by=grace)
    grace_place, marcus_place = group.members.get(team=north), group.members.get(team=south)
    practice.team_share(member=grace_place, statement=statement, by=grace,
                        examples="We send the visit letter in the format people asked for, but the local groups list is out of date.")
    practice.team_share(member=marcus_place, statement=statement, by=User.objects.get(pk=marcus.pk),
                        examples="Our duty desk rings people the day before a visit to check what they need.")
    action = practice.action_agree(group=group, statement=statement, by=grace,
                                   description="Each team rings people before a first visit, and keeps one shared list of local groups up to date.")
    Goal.objects.filter(team=north, statement=statement, practitioner__isnull=True, practice_action__isnull=True).update(practice_action=action)
