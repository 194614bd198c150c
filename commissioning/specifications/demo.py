"""Demo records for specifications, for `manage.py seed_demo`. Idempotent: a draft specification
for the day opportunities programme, written with the group, and the council's glossary."""

from coproduction.core.demo import demo_seeder
from django.db import transaction

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from coproduction.accounts.models import User

from . import services
from .models import GlossaryTerm, Specification

SPECIFICATION_TITLE = "Day opportunities from April 2027"

GLOSSARY = [
    ("commissioning", "How the council decides what care and support an area needs, who provides it and how it is paid for, and then checks it works."),
    ("provider", "An organisation or person paid to run a service, such as a charity, a company or the council itself."),
    ("outcome", "What is different in someone's life because of a service. For example, “I see my friends every week”."),
    ("tender", "The way the council asks providers to offer to run a service. Each offer is called a bid."),
    ("specification", "A document that says what a service must do, for whom, and how bids to run it will be judged."),
    ("social value", "Good things a provider does for the local area as well as running the service, like hiring local people."),
    ("evaluation criteria", "The things bids are judged on. Each has a weight: how much it counts out of 100."),
    ("procurement", "The legal steps the council follows to choose who runs a service."),
    ("contract monitoring", "Regular checks that a provider is doing what the contract says. People who use the service can take part."),
    ("personal budget", "The money the council says is needed to meet a person's care and support needs."),
    ("direct payment", "A personal budget paid to the person, so they can arrange their own support."),
    ("co-production", "People who use services, carers and the council working together as equals, from the start to the end."),
    ("day opportunities", "Things to do in the day, like activities, learning, work and meeting people, instead of a traditional day centre."),
    ("bidder", "A provider that has offered to run the service."),
    ("contract", "The agreement between the council and a provider that says what the provider will do and what it will be paid."),
]

SECTIONS = {
    "background": "About 180 adults with learning disabilities use day services in the borough. In our workshops and "
    "conversations people told us they want more choice, to be part of their community, and to do things at weekends. "
    "This specification describes day opportunities that each provider must offer from April 2027.",
    "outcomes": "The service will be judged on the outcomes the co-production group agreed.",
    "requirements": "The provider will offer activities six days a week, in at least four places across the borough, "
    "including one that is open on Saturdays. People can use a personal budget or a direct payment to buy sessions. "
    "Transport must be arranged for anyone who needs it.",
    "quality": "People are greeted by name. Staff know what matters to each person. People choose what they do and "
    "can try new things. Families are kept informed when the person wants that.",
    "social_value": "The provider will offer paid work placements to people who use the service, and buy from local "
    "businesses where it can.",
    "evaluation": "Bids will be scored by a panel that includes people who use day services and carers.",
}

CRITERIA = [
    ("Working with people who use the service", "How people who use the service will help plan and run it.", 40),
    ("Quality and safety", "How the provider will make sure people are safe and get a good service.", 30),
    ("Social value", "What the provider will give back to the local area.", 10),
    ("Price", "What the service will cost over the contract.", 20),
]


# What every bid must meet before the panel scores it.
SHORTLIST_QUESTIONS = [
    ("The provider is registered with the Care Quality Commission for the care this service needs.", "pass_fail"),
    ("Every member of staff has an enhanced DBS check before they start work.", "minimum_standard"),
]


@transaction.atomic
@demo_seeder(70)
def seed_specifications_demo() -> None:
    commissioner = User.objects.get(email="commissioner@demo.example")
    person = User.objects.get(email="person@demo.example")
    carer = User.objects.get(email="carer@demo.example")
    for word, explanation in GLOSSARY:
        if not GlossaryTerm.objects.filter(term__iexact=word).exists():
            services.glossary_term_save(term=None, word=word, explanation=explanation, by=commissioner)

    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if programme is None or Specification.objects.filter(programme=programme, title=SPECIFICATION_TITLE).exists():
        return
    specification = services.specification_create(
        programme=programme, title=SPECIFICATION_TITLE, decision=programme.decisions.order_by("-decided_on", "-pk").first(), by=commissioner
    )
    version = specification.versions.get()
    activities = list(programme.activities.all()[:2])
    for section in version.sections.all():
        services.section_update(section=section, text=SECTIONS[section.key], informed_by=activities, by=commissioner)
    criteria = services.criteria_replace(version=version, by=commissioner, criteria=[
        {"title": title, "description": description, "weight": weight, "scored_on_price": title == "Price"}
        for title, description, weight in CRITERIA
    ])
    for text, kind in SHORTLIST_QUESTIONS:
        services.shortlist_question_add(version=version, text=text, kind=kind, by=commissioner)
    services.question_add(criterion=criteria[0], text="How will people who use the service help choose your staff?", kind="written", by=person)
    services.question_add(criterion=criteria[0], text="Tell us about a time you changed something because of what people said.", kind="interview", by=carer)
    services.question_add(criterion=criteria[1], text="What will you do if someone is unhappy with their support?", kind="written", by=commissioner)
    services.question_add(criterion=criteria[2], text="How many local people will you employ?", kind="written", by=commissioner)
    services.question_add(criterion=criteria[3], text="Show the cost of a day's activities for one person.", kind="written", by=commissioner)

    sections = {section.key: section for section in version.sections.all()}
    saturdays = services.comment_add(
        section=sections["requirements"], text="Saturdays are important. Lots of us have nothing to do at the weekend.",
        proposed_wording="Open six days a week, including Saturdays, in every part of the borough.", by=person,
    )
    services.comment_answer(
        comment=saturdays, answer="accepted_with_changes",
        reply="We agree. The service must open on Saturdays, in at least one place to start with, and more if people use it.", by=commissioner,
    )
    families = services.comment_add(
        section=sections["quality"], text="Families should always be told what happened in the day.", proposed_wording="", by=carer,
    )
    services.comment_answer(
        comment=families, answer="not_accepted",
        reply="Some people do not want their family told. We have written that families are kept informed when the person wants that.",
        by=commissioner,
    )
    services.comment_add(section=sections["social_value"], text="Could people be paid for helping to run the service?", proposed_wording="", by=person)
