"""Demo data for peer research, for `manage.py seed_demo`. Idempotent: Rosa and Al's peer research
with people who use day services, asked with the appreciative inquiry questions before the
specification was written: six interviews and three themed findings, which the specification's
outcomes and service requirements sections cite."""

import datetime

from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from coproduction.accounts.models import User
from coproduction.core.demo import demo_seeder

from . import services, selectors
from .models import ResearchProject

TITLE = "What makes a good day: peer research with people who use day services"
INTERVIEWS = [
    ("assessor@demo.example", "The best bit is seeing my friends. It would be even better if the bus came on Saturdays."),
    ("assessor@demo.example", "Staff who know me. When a new person comes they don't know I don't like loud rooms."),
    ("person@demo.example", "Doing real things, like the garden project. Not just sitting and watching telly."),
    ("person@demo.example", "I can't go if my carer is ill, because nobody else can take me. Transport is the main thing."),
    ("assessor@demo.example", "I would like to choose what we do. Sometimes they choose it all for us."),
    ("person@demo.example", "When I went to the allotment I felt useful. More of that, please."),
]
FINDINGS = [
    ("Getting out and about", "I can get to my day service and the places I want to go, at weekends too",
     "Transport came up in four of six interviews: it decides whether people can take part at all.", [0, 3], ["requirements"]),
    ("Doing real things", "I spend my day doing things that matter to me, with people I like",
     "People valued real activities (the garden, the allotment) over being kept busy.", [2, 5], ["outcomes"]),
    ("Choice and familiar staff", "I choose what I do, with staff who know me",
     "People want a say in the day's plan and staff who know what they need.", [1, 4], ["outcomes", "requirements"]),
]


@transaction.atomic
@demo_seeder(147)
def seed_research_demo() -> None:
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if programme is None or ResearchProject.objects.filter(programme=programme, title=TITLE).exists():
        return
    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    priya = users["commissioner@demo.example"]
    project = services.project_create(programme=programme, title=TITLE, by=priya, purpose=(
        "Before we write the day opportunities specification, peer researchers who use services ask people what works well "
        "and what would make it even better, so their ideas shape the service."))
    start = timezone.localdate() - datetime.timedelta(days=60)
    interviews = [services.interview_record(project=project, held_on=start + datetime.timedelta(days=index * 3), consent_given=True,
                                            words=words, by=users[email])
                  for index, (email, words) in enumerate(INTERVIEWS)]
    sections = dict(selectors.citable_sections(programme=programme))
    for theme, statement, summary, interview_indexes, keys in FINDINGS:
        citations = [place for place in sections if place[1] in keys]
        services.finding_add(project=project, theme=theme, i_statement=statement, summary=summary,
                             interviews=[interviews[index] for index in interview_indexes], citations=citations,
                             allowed_citations=sections, by=users["assessor@demo.example"])
