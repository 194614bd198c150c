"""Demo data for peer research, for `manage.py seed_demo`. Idempotent: Rosa and Al's peer research
with people who use day services, asked with the appreciative inquiry questions before the
specification was written: six interviews and three themed findings, which the specification's
outcomes and service requirements sections cite. The group has put two findings in the Working
Together for Change themes beside the review statements, and two priorities rest on findings."""

import datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from coproduction.accounts.models import User
from coproduction.core.demo import demo_seeder

from . import services, selectors
from .models import Finding, ResearchProject

TITLE = "What makes a good day: peer research with people who use day services"
INTERVIEWS = [
    ("assessor@demo.example", "The best bit is seeing my friends. It would be even better if the bus came on Saturdays."),
    ("assessor@demo.example", "Staff who know me. When a new person comes they don't know I don't like loud rooms."),
    ("person@demo.example", "Doing real things, like the garden project. Not just sitting and watching telly."),
    ("person@demo.example", "I can't go if my carer is ill, because nobody else can take me. Transport is the main thing."),
    ("assessor@demo.example", "I would like to choose what we do. Sometimes they choose it all for us."),
    ("person@demo.example", "When I went to the allotment I felt useful. More of that, please."),
]
# finding theme -> (Working Together for Change theme it goes in, priorities that rest on it)
ON_THE_BOARD = {
    "Getting out and about": ("Getting there", ["Transport that comes on time", "More to do at weekends"]),
    "Choice and familiar staff": ("Staff who know me", []),
    "Doing real things": ("", ["More to do at weekends"]),
}
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
    if programme is None:
        return
    if not ResearchProject.objects.filter(programme=programme, title=TITLE).exists():
        _project(programme)
    _on_the_board_and_priorities(programme)


def _project(programme: Programme) -> None:
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


def _on_the_board_and_priorities(programme: Programme) -> None:
    """Findings in the demo's Working Together for Change themes and cited by its priorities, once."""
    findings = list(Finding.objects.filter(project__programme=programme, project__title=TITLE, wtfc_theme__isnull=True,
                                           priorities__isnull=True).select_related("project"))
    if len(findings) != len(FINDINGS):
        return  # already placed
    assessor = User.objects.get(email="assessor@demo.example")
    themes = {theme.name: theme for theme in apps.get_model("coassessment", "WtfcTheme").objects.filter(exercise__programme=programme)}
    priorities = {priority.title: priority for priority in apps.get_model("priorities", "Priority").objects.filter(programme=programme)}
    cited: dict[str, list] = {}
    for finding in findings:
        theme_name, titles = ON_THE_BOARD.get(finding.theme, ("", []))
        if themes.get(theme_name):
            services.finding_theme_set(finding=finding, theme=themes[theme_name], by=assessor)
        for title in titles:
            cited.setdefault(title, []).append(finding)
    for title, named in cited.items():
        if title in priorities:
            services.priority_findings_set(priority=priorities[title], findings=named, by=assessor)
