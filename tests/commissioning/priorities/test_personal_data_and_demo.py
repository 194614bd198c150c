"""A member's suggestions, comments, supports and evidence are in their "Your data" copy; the
demo gives the day opportunities programme priorities, a shortlist, a framework and evidence."""

from commissioning.demo import DAY_OPPORTUNITIES, seed_commissioning_demo
from commissioning.models import Decision
from commissioning.priorities.demo import seed_priorities_demo
from commissioning.priorities.models import (
    Evidence,
    Indicator,
    Outcome,
    Priority,
    Shortlist,
)
from coproduction.accounts.models import Role
from coproduction.core.personal_data import collect_for_user
from tests.commissioning.priorities.factories import (
    OutcomeCommentFactory,
    PriorityCommentFactory,
    PriorityFactory,
    StoryFactory,
    SupportFactory,
)
from tests.coproduction.accounts.factories import UserFactory


def test_your_data_holds_what_you_suggested_said_supported_and_told(users, programme):
    person = users[Role.PERSON]
    mine = PriorityFactory(programme=programme, proposed_by=person, title="More to do at weekends")
    theirs = PriorityFactory(programme=programme, proposed_by=users[Role.CARER], title="Transport on time")
    SupportFactory(priority=theirs, member=person)
    PriorityCommentFactory(priority=theirs, author=person, text="And drivers who know us.")
    OutcomeCommentFactory(author=person, text="Weekends too.")
    StoryFactory(programme=programme, recorded_by=users[Role.COMMISSIONER], teller=person, title="Saturday at home")
    sections = {section.title: section for section in collect_for_user(person)}
    assert sections["Priorities and outcomes you suggested"].rows[0][2] == mine.title
    assert sections["Priorities and outcomes you support"].rows[0][1] == "Transport on time"
    assert sections["Your comments on priorities and outcomes"].rows[0][2] == "And drivers who know us."
    assert sections["Your comments on the outcomes framework"].rows[0][2] == "Weekends too."
    assert sections["Evidence and stories you added or told"].rows[0][2] == "Saturday at home"
    assert "Transport on time" not in repr(sections["Priorities and outcomes you suggested"].rows)


def test_the_demo_is_complete_and_idempotent():
    for email, name, roles in [
        ("commissioner@demo.example", "Priya Shah", ["commissioner"]), ("person@demo.example", "Alan Marsh", ["person"]),
        ("carer@demo.example", "Maureen Marsh", ["carer"]), ("provider@demo.example", "Dev Patel", ["provider"]),
    ]:
        UserFactory(email=email, full_name=name, roles=roles)
    seed_commissioning_demo()
    seed_priorities_demo()
    seed_priorities_demo()
    priorities = Priority.objects.filter(programme__title=DAY_OPPORTUNITIES)
    assert {p.proposed_by.email for p in priorities} == {"person@demo.example", "carer@demo.example", "commissioner@demo.example"}
    assert priorities.count() == 5
    shortlist = Shortlist.objects.get()
    assert shortlist.entries.count() == 4 and shortlist.activity.stage.name == "Agree priorities and outcomes"
    assert Decision.objects.filter(priority_shortlist=shortlist).count() == 1
    assert 3 <= Outcome.objects.count() <= 4 and Indicator.objects.count() >= 4
    story = Evidence.objects.get(kind=Evidence.Kind.STORY)
    assert story.consent_given and story.teller.email == "carer@demo.example"
