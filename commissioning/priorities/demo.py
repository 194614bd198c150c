"""Demo records for priorities, for `manage.py seed_demo`. Idempotent: does nothing once the
day opportunities programme has priorities."""

from coproduction.core.demo import demo_seeder
from datetime import date

from django.db import transaction

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from coproduction.accounts.models import User

from . import services
from .models import Evidence, Priority

PRIORITIES = [
    # (who suggested it, kind, title, why it matters)
    ("person@demo.example", Priority.Kind.PRIORITY, "More to do at weekends",
     "The day centre shuts on Friday and I am stuck at home until Monday. My friends are too."),
    ("carer@demo.example", Priority.Kind.PRIORITY, "Transport that comes on time",
     "When the bus is late Al misses half the morning, and I have to take time off work to drive him."),
    ("person@demo.example", Priority.Kind.OUTCOME, "I have things to do that I enjoy, near where I live",
     "I like gardening and music. I want to do them near home, with people I know."),
    ("carer@demo.example", Priority.Kind.OUTCOME, "Families get a proper break and know their person is happy",
     "Carers need to rest too, and we rest better when we know the day is a good one."),
    ("commissioner@demo.example", Priority.Kind.PRIORITY, "Paid work and volunteering for those who want it",
     "Several people at the workshops said they want a job or to volunteer, not only activities."),
]
COMMENTS = [
    (0, "carer@demo.example", "Saturdays especially. The library group would be a good start."),
    (0, "commissioner@demo.example", "Three of the four providers we spoke to could open on Saturdays."),
    (1, "person@demo.example", "Yes. And drivers who know us."),
    (2, "carer@demo.example", "This is the one that matters most to Al."),
]
SUPPORTS = {
    0: ["person@demo.example", "carer@demo.example", "commissioner@demo.example", "provider@demo.example"],
    1: ["carer@demo.example", "person@demo.example"],
    2: ["person@demo.example", "carer@demo.example", "provider@demo.example"],
    3: ["carer@demo.example"],
    4: ["provider@demo.example"],
}
FRAMEWORK = [
    ("I have things to do that I enjoy, near where I live", 2, [
        ("People who say they do something they enjoy each week", "A short Easy Read survey every 6 months",
         "People who use the service, in a peer survey", "Peer survey by the co-production group"),
        ("Activities held within 2 miles of people's homes", "Count of sessions by postcode area, each quarter",
         "The provider", "Provider's quarterly monitoring return"),
    ]),
    ("Families get a proper break and know their person is happy", 3, [
        ("Carers who say they had a break they could rely on", "Question in the yearly carers' survey",
         "Carers, with the carers' centre", "Carers' survey"),
    ]),
    ("I can get there and back safely and on time", None, [
        ("Journeys that arrive within 10 minutes of the planned time", "Transport log, checked each month",
         "The transport provider, checked by the group at monitoring meetings", "Transport provider's journey log"),
    ]),
]


@transaction.atomic
@demo_seeder(60)
def seed_priorities_demo() -> None:
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if programme is None or programme.priorities.exists():
        return
    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    priya = users["commissioner@demo.example"]
    priorities = [
        services.priority_propose(programme=programme, by=users[email], kind=kind, title=title, description=why)
        for email, kind, title, why in PRIORITIES
    ]
    for index, email, text in COMMENTS:
        services.priority_comment_add(priority=priorities[index], by=users[email], text=text)
    for index, emails in SUPPORTS.items():
        for email in emails:
            services.priority_support(priority=priorities[index], member=users[email])
    services.shortlist_agree(
        programme=programme, ranked=[priorities[0], priorities[2], priorities[1], priorities[3]],
        decided_by="The co-production group, at the meeting on 14 October, by consensus", decided_on=date(2026, 10, 14), by=priya,
        stage=programme.stages.filter(name="Agree priorities and outcomes").first(),
    )
    for title, from_index, indicators in FRAMEWORK:
        outcome = services.outcome_create(
            programme=programme, title=title, from_priority=priorities[from_index] if from_index is not None else None
        )
        for name, how, who, source in indicators:
            services.indicator_create(outcome=outcome, name=name, how_measured=how, who_measures=who, data_source=source)
    services.evidence_record(
        programme=programme, by=priya,
        data={"kind": Evidence.Kind.LOCAL_DATA, "title": "Who uses day services now",
              "text": "142 adults with learning disabilities use day services. 61 of them live in the north of the borough, "
                      "where there is one centre. None is open at weekends.",
              "source": "Council day services census, 2025", "priorities": [priorities[0]]},
    )
    services.evidence_record(
        programme=programme, by=users["carer@demo.example"],
        data={"kind": Evidence.Kind.STORY, "title": "Saturday at home",
              "text": "Every Saturday my son sits by the window waiting for a bus that does not come at weekends. "
                      "He used to go to the library group until it closed.",
              "told_by": "A carer in the north of the borough", "consent_given": True, "consent_given_on": date(2026, 9, 30),
              "consent_how": "In person at the carers' café, on the consent form", "priorities": [priorities[0], priorities[2]]},
        own_story=True,
    )
    services.evidence_record(
        programme=programme, by=priya,
        data={"kind": Evidence.Kind.ANECDOTAL, "title": "Late buses at the centre",
              "text": "Staff at the centre say the morning bus was late on most days in September.",
              "source": "Conversation with centre staff", "priorities": [priorities[1]]},
    )
