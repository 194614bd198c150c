"""Every report kind, made from the demo data by every demo account allowed to ask for it.

The demo data (`seed_demo`) is loaded and committed once for the module, so one real worker in
this process sees it. Each demo account asks for each kind through the real view, the worker
makes every job, and each file is read back through the real download view (PDF text, ZIP
members, CSV rows) for what its reader would look for. A kind with no case here fails the test,
so a new kind cannot be forgotten."""

import csv
import io
import json
import subprocess
import wave
import zipfile
from decimal import Decimal
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from careplans.formats import braille_lines
from careplans.models import CarePlan
from commissioning.budgeting.models import Proposal, Round
from commissioning.models import Programme
from commissioning.monitoring.models import MonitoringMeeting
from commissioning.panels.models import Bidder, BidResponse, Panel
from commissioning.panels.scoring import selectors as scoring_selectors
from commissioning.panels.scoring import services as scoring_services
from commissioning.recruitment.demo import POST as RECRUITMENT_POST
from commissioning.recruitment.models import Campaign
from commissioning.research.models import ResearchProject
from commissioning.specifications.models import SpecificationVersion
from coproduction.accounts.models import Team, User
from coproduction.people.models import Person
from coproduction.reports.kinds import REPORT_KINDS
from coproduction.reports.models import ReportJob
from tests.coproduction.core.test_seed_demo import _readme_accounts
from tests.harness.auth import login_as
from tests.harness.demo import seed_demo
from tests.harness.pdf_pages import holds_in_order
from tests.harness.pdf_structure import pdf_accessibility_problems
from tests.harness.worker import celery_worker, wait_for

DAY_OPPORTUNITIES = "Day opportunities for adults with learning disabilities 2027"


def words(data: bytes) -> str:
    """A PDF's text as one line of words, so a phrase split across lines is still found."""
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return " ".join(text.split())


def demo_user(email: str) -> User:
    return User.objects.get(email=email)


def al() -> Person:
    return Person.objects.get(user__email="person@demo.example")


def day_opportunities() -> Programme:
    return Programme.objects.get(title=DAY_OPPORTUNITIES)


def demo_panel() -> Panel:
    return Panel.objects.get(programme=day_opportunities())


def the_meeting() -> MonitoringMeeting:
    """The upcoming monitoring meeting, whose papers were sent."""
    meetings = MonitoringMeeting.objects.filter(contract__programme=day_opportunities(), papers__isnull=False).distinct()
    return meetings.order_by("-date", "-starts_at").first()


def the_campaign() -> Campaign:
    return Campaign.objects.get(post=RECRUITMENT_POST)


def the_round() -> Round:
    return Round.objects.filter(programme=day_opportunities()).get()


@dataclass(frozen=True)
class Ask:
    """One way of asking for reports: the view, what is posted, and the kinds it makes."""

    name: str
    kinds: tuple[str, ...]
    url: Callable[[], str]
    data: Callable[[], dict] = field(default=dict)


ASKS = [
    Ask("your data", (ReportJob.Kind.MY_DATA,), lambda: reverse("reports:my_data")),
    Ask("plan", (ReportJob.Kind.CARE_PLAN,), lambda: reverse("careplans:plan_pdf", kwargs={"person_id": al().pk})),
    Ask("plan in large print", (ReportJob.Kind.CARE_PLAN_LARGE,), lambda: reverse("careplans:plan_pdf", kwargs={"person_id": al().pk}),
        lambda: {"large_print": "1"}),
    # Al's record and plan say Easy Read: his Easy Read, braille-ready and audio copies, at once.
    Ask("plan in other formats", (ReportJob.Kind.CARE_PLAN_EASY_READ, ReportJob.Kind.CARE_PLAN_BRAILLE, ReportJob.Kind.CARE_PLAN_AUDIO),
        lambda: reverse("careplans:plan_copies", kwargs={"person_id": al().pk}), lambda: {"formats": ["easy_read", "braille", "audio"]}),
    Ask("team checklist report", (ReportJob.Kind.CHECKLIST_TEAM,), lambda: reverse("checklist:report"),
        lambda: {"team": Team.objects.get(name="North Adults Team").pk, "period": "12m"}),
    Ask("council checklist report", (ReportJob.Kind.CHECKLIST_COUNCIL,), lambda: reverse("checklist:report"),
        lambda: {"period": "12m"}),
    Ask("team checklist totals", (ReportJob.Kind.CHECKLIST_CSV,), lambda: reverse("checklist:report"),
        lambda: {"team": Team.objects.get(name="North Adults Team").pk, "period": "12m", "kind": "csv"}),
    Ask("specification", ("specification",), lambda: reverse("specifications:version_pdf", kwargs={
        "programme_id": day_opportunities().pk,
        "specification_id": SpecificationVersion.objects.filter(specification__programme=day_opportunities()).latest("number").specification_id,
    })),
    Ask("ballots", (ReportJob.Kind.BUDGETING_BALLOTS,), lambda: reverse("budgeting:print", kwargs={
        "programme_id": day_opportunities().pk, "round_id": the_round().pk,
    }), lambda: {"what": "ballots", "pot": the_round().pots.order_by("pk").first().pk, "copies": "3"}),
    Ask("idea cards", (ReportJob.Kind.BUDGETING_CARDS,), lambda: reverse("budgeting:print", kwargs={
        "programme_id": day_opportunities().pk, "round_id": the_round().pk,
    }), lambda: {"what": "cards", "pot": the_round().pots.order_by("pk").first().pk}),
    Ask("monitoring papers", (ReportJob.Kind.MONITORING_PAPERS,), lambda: reverse("monitoring:papers_pdf", kwargs={
        "programme_id": day_opportunities().pk, "contract_id": the_meeting().contract_id, "meeting_id": the_meeting().pk,
    })),
    Ask("briefing pack", (ReportJob.Kind.PANEL_BRIEFING,), lambda: reverse("panels:briefing_pdf", kwargs={
        "programme_id": day_opportunities().pk, "panel_id": demo_panel().pk,
    })),
    Ask("panel report", (ReportJob.Kind.PANEL_REPORT,), lambda: reverse("panels:report_pdf", kwargs={
        "programme_id": day_opportunities().pk, "panel_id": demo_panel().pk,
    })),
    *[
        Ask(f"feedback letter {index}", (ReportJob.Kind.PANEL_FEEDBACK,),
            lambda index=index: reverse("panels:feedback_pdf", kwargs={
                "programme_id": day_opportunities().pk, "panel_id": demo_panel().pk,
                "bidder_id": Bidder.objects.filter(panel=demo_panel()).order_by("pk")[index].pk,
            }))
        for index in range(3)
    ],
    Ask("shortlisting letter", (ReportJob.Kind.PANEL_SHORTLIST_LETTER,), lambda: reverse("panels:shortlist_letter_pdf", kwargs={
        "programme_id": day_opportunities().pk, "panel_id": demo_panel().pk,
        "bidder_id": Bidder.objects.get(panel=demo_panel(), shortlist_checks__passed=False).pk,
    })),
    Ask("peer research findings", ("research_findings",), lambda: reverse("research:findings_pdf", kwargs={
        "programme_id": day_opportunities().pk, "project_id": ResearchProject.objects.get(programme=day_opportunities()).pk,
    })),
    Ask("recruitment briefing pack", ("recruitment_briefing",), lambda: reverse("recruitment:briefing_pdf", kwargs={
        "campaign_id": the_campaign().pk,
    })),
    Ask("subject access", (ReportJob.Kind.SUBJECT_ACCESS_PDF, ReportJob.Kind.SUBJECT_ACCESS_ZIP),
        lambda: reverse("governance:sar_person", kwargs={"person_id": al().pk})),
]


def award_the_demo_panel() -> None:
    """Assessment summaries are made only after the award: the chair finishes moderating, the
    procurement officer enters any missing price, and the chair records the award."""
    panel = demo_panel()
    chair = panel.members.get(user__email="commissioner@demo.example")
    officer = panel.members.get(user__email="procurement@demo.example")
    for response in BidResponse.objects.filter(bidder__panel=panel, question__agreed=True, moderated__isnull=True):
        scoring_services.moderated_score_record(response=response, value=panel.score_max // 2, rationale="Agreed at moderation.", by=chair.user)
    for bidder in Bidder.objects.filter(panel=panel, price_score__isnull=True):
        scoring_services.price_score_record(bidder=bidder, member=officer, bid_price=Decimal("250000"), by=officer.user)
    totals = scoring_selectors.bidder_totals(panel=panel)
    winner = Bidder.objects.get(pk=totals[0].bidder_id)
    scoring_services.panel_award(panel=panel, bidder=winner, recommendation="Best value.", decided_by="The panel", by=chair.user)


# Copies that are the same whoever asks (Al's plan read aloud, in braille and in Easy Read) and
# slow to make: every account's request is checked, and the copies are made for the first one.
MADE_ONCE = {"plan in other formats"}


@dataclass
class Made:
    """What each account got when it asked: its jobs by kind, each with its file's bytes."""

    refused: dict[tuple[str, str], int] = field(default_factory=dict)
    jobs: dict[tuple[str, str], ReportJob] = field(default_factory=dict)
    # Asked for and queued, then taken off the queue: the same copies made for the first account.
    not_made: set[tuple[str, str, str]] = field(default_factory=set)
    files: dict[tuple[str, str], bytes] = field(default_factory=dict)


def download(client: Client, job: ReportJob) -> bytes:
    name = "governance:sar_download" if job.kind.startswith("subject_access") else "reports:job_download"
    response = client.get(reverse(name, kwargs={"job_id": job.pk}))
    assert response.status_code == 200, (job.kind, response.status_code)
    return b"".join(response.streaming_content)


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker) -> Made:
    with django_db_blocker.unblock():
        try:
            seed_demo()
            award_the_demo_panel()
            ReportJob.objects.all().delete()  # the demo's own "your data" job: only ours below
            clients = {email.split("@")[0]: login_as(Client(), demo_user(email)) for email in _readme_accounts()}
            result = Made()
            for ask in ASKS:
                for who, client in clients.items():
                    before = set(ReportJob.objects.values_list("pk", flat=True))
                    response = client.post(ask.url(), ask.data())
                    new = ReportJob.objects.exclude(pk__in=before)
                    if not new:
                        result.refused[(ask.name, who)] = response.status_code
                    for job in new:
                        if ask.name in MADE_ONCE and any(name == ask.name and other != who for (name, other, _) in result.jobs):
                            result.not_made.add((ask.name, who, job.kind))
                            job.delete()
                        else:
                            result.jobs[(ask.name, who, job.kind)] = job
            with celery_worker():
                wait_for(lambda: not ReportJob.objects.filter(status__in=[ReportJob.Status.QUEUED, ReportJob.Status.RUNNING]).exists(), timeout=300)
            for (ask_name, who, kind), job in result.jobs.items():
                job.refresh_from_db()
                if job.status == ReportJob.Status.DONE:
                    result.files[(ask_name, who, kind)] = download(clients[who], job)
            yield result
        finally:
            call_command("flush", verbosity=0, interactive=False, database="default")


@pytest.fixture
def transactional_db(made, django_db_blocker):
    """Replaces pytest-django's, which would empty the database after every case: the demo
    data stays for the next one, and is emptied once when the module ends."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def _database(transactional_db):
    """Replaces the suite's own autouse `db`: these cases share the committed demo data."""


def test_every_report_kind_has_a_demo_case():
    asked = {kind for ask in ASKS for kind in ask.kinds}
    assert asked == set(REPORT_KINDS), "a report kind without a case here"


PEOPLE_WITH_PLANS = frozenset({"practitioner", "manager", "person", "carer"})  # Al, his carer, his practitioner and her manager
PROGRAMME_GROUP = frozenset({"commissioner", "person", "carer", "provider", "assessor", "procurement"})
PANEL = frozenset({"commissioner", "person", "carer", "procurement"})
ALLOWED = {
    "your data": frozenset({"commissioner", "practitioner", "manager", "person", "carer", "provider", "assessor", "head", "admin", "procurement"}),
    "plan": PEOPLE_WITH_PLANS,
    "plan in large print": PEOPLE_WITH_PLANS,
    "plan in other formats": PEOPLE_WITH_PLANS,
    "team checklist report": frozenset({"manager", "head"}),
    "council checklist report": frozenset({"head"}),
    "team checklist totals": frozenset({"manager", "head"}),
    "specification": PROGRAMME_GROUP,
    "ballots": frozenset({"commissioner", "procurement"}),  # the commissioners, who run the round
    "idea cards": frozenset({"commissioner", "procurement"}),
    "monitoring papers": PROGRAMME_GROUP,
    "briefing pack": PANEL,
    "panel report": PANEL,
    **{f"feedback letter {index}": frozenset({"commissioner"}) for index in range(3)},  # the chair
    "shortlisting letter": frozenset({"commissioner"}),  # the chair
    "peer research findings": PROGRAMME_GROUP,
    # The recruitment panel: Grace runs it; Al, Mo and Tom sit on it; Sam is its HR officer and Nadia appoints.
    "recruitment briefing pack": frozenset({"manager", "person", "carer", "practitioner", "admin", "head"}),
    "subject access": frozenset({"admin"}),
}


def plan_words() -> list[str]:
    """Al's plan in his own words: his goals and the outcomes he and Maureen set."""
    plan = CarePlan.objects.filter(person=al(), status=CarePlan.Status.AGREED).latest("version")
    goals = plan.section_data("goals")["fields"]["goals"]["text"]
    outcomes = [item["outcome"] for item in plan.section_data("outcomes")["lists"]["outcomes"]]
    assert goals and outcomes
    return [goals, *outcomes]


def check_my_data(who: str, data: bytes) -> None:
    user = demo_user(f"{who}@demo.example")
    text = words(data)
    assert f"Your data: {user.full_name}" in text and user.email in text


def check_plan(who: str, data: bytes) -> None:
    text = words(data)
    assert al().full_name in text
    for phrase in plan_words():
        assert phrase in text, phrase


def check_plan_in_other_formats(who: str, data: bytes) -> None:
    """Easy Read (PDF), braille-ready (BRF) or audio (ZIP of WAV tracks), told apart by their bytes."""
    if data.startswith(b"%PDF"):
        text = words(data)
        assert "Your care and support plan" in text and "What I want to do" in text and "OpenMoji" in text
        for phrase in plan_words():
            assert phrase in text, phrase
    elif data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            tracks = [name for name in archive.namelist() if name.endswith(".wav")]
            assert len(tracks) == 1 + 9 and "A computer voice" in archive.read("READ-ME-machine-read.txt").decode()
            with wave.open(io.BytesIO(archive.read(tracks[1]))) as track:
                assert track.getnframes() / track.getframerate() > 3
    else:
        brf = data.decode("ascii")
        assert braille_lines([al().full_name])[0] in brf


def check_team_report(who: str, data: bytes) -> None:
    assert "North Adults Team" in words(data)


def check_council_report(who: str, data: bytes) -> None:
    assert "every team" in words(data)


def check_team_totals(who: str, data: bytes) -> None:
    """Totals only: no count from fewer people than the threshold, and nobody's name."""
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[2]
    answers = header.index("Answers")
    figures = [row[answers] for row in rows[3:]]
    assert any(figures), "no totals at all"
    assert all(not value or int(value) >= settings.CHECKLIST_MIN_GROUP_SIZE for value in figures)
    team = Team.objects.get(name="North Adults Team")
    for person in Person.objects.filter(team=team):
        assert person.full_name not in text
    for user in User.objects.filter(teams=team):
        assert user.full_name not in text


def check_specification(who: str, data: bytes) -> None:
    version = SpecificationVersion.objects.filter(specification__programme=day_opportunities()).latest("number")
    text = words(data)
    assert version.specification.title in text
    for section in version.sections.all():
        assert section.title in text


def check_research_findings(who: str, data: bytes) -> None:
    project = ResearchProject.objects.get(programme=day_opportunities())
    text = words(data)
    assert project.title in text
    for finding in project.findings.all():
        assert finding.theme in text, finding.theme


def check_paper_for_the_round(who: str, data: bytes) -> None:
    pot = the_round().pots.order_by("pk").first()
    text = words(data)
    for proposal in pot.proposals.filter(feasibility=Proposal.Feasibility.FEASIBLE):
        assert proposal.title in text, proposal.title


def check_monitoring_papers(who: str, data: bytes) -> None:
    meeting = the_meeting()
    text = words(data)
    assert meeting.title in text and meeting.contract.provider.name in text


def check_briefing(who: str, data: bytes) -> None:
    panel = demo_panel()
    text = words(data)
    assert panel.title in text and " ".join(panel.purpose.split()[:8]) in text


def check_panel_report(who: str, data: bytes) -> None:
    text = words(data)
    for bidder in Bidder.objects.filter(panel=demo_panel()):
        assert bidder.name in text


def check_feedback_letter(index: int) -> Callable[[str, bytes], None]:
    def check(who: str, data: bytes) -> None:
        text = words(data)
        bidders = list(Bidder.objects.filter(panel=demo_panel()).order_by("pk"))
        assert bidders[index].name in text
        for other in bidders[:index] + bidders[index + 1:]:
            assert other.name not in text, f"{other.name} named in the letter to {bidders[index].name}"
    return check


def check_shortlisting_letter(who: str, data: bytes) -> None:
    text = words(data)
    bidder = Bidder.objects.get(panel=demo_panel(), shortlist_checks__passed=False)
    assert f"To {bidder.name}" in text and "not the day activities this service needs" in text
    for member in demo_panel().members.select_related("user"):
        assert member.user.full_name not in text


def check_recruitment_briefing(who: str, data: bytes) -> None:
    """The post and what it is about, and no candidate's name: the panel knows them by reference."""
    campaign = the_campaign()
    text = words(data)
    assert campaign.post in text and " ".join(campaign.about.split()[:6]) in text
    for candidate in campaign.candidates.all():
        assert candidate.name not in text, f"a candidate named in {who}'s pack"


def check_subject_access_pdf(who: str, data: bytes) -> None:
    text = words(data)
    assert al().full_name in text
    for phrase in plan_words():  # the plan's words sit in a table's cells, wrapped
        assert holds_in_order(text, phrase), phrase


CHECKS = {
    "your data": check_my_data, "plan": check_plan, "plan in large print": check_plan,
    "plan in other formats": check_plan_in_other_formats,
    "team checklist report": check_team_report, "council checklist report": check_council_report,
    "team checklist totals": check_team_totals, "specification": check_specification,
    "ballots": check_paper_for_the_round, "idea cards": check_paper_for_the_round,
    "monitoring papers": check_monitoring_papers, "briefing pack": check_briefing, "panel report": check_panel_report,
    **{f"feedback letter {index}": check_feedback_letter(index) for index in range(3)},
    "shortlisting letter": check_shortlisting_letter,
    "peer research findings": check_research_findings,
    "recruitment briefing pack": check_recruitment_briefing,
    "subject access": check_subject_access_pdf,
}


@pytest.mark.parametrize("ask", ASKS, ids=lambda ask: ask.name)
def test_each_report_is_made_for_exactly_the_demo_accounts_allowed_to_ask(made, ask):
    asked = {who for (name, who, _) in [*made.jobs, *made.not_made] if name == ask.name}
    assert asked == ALLOWED[ask.name]
    # Everyone else is refused: a 404 where they may not know it exists, else a 403.
    assert {who for (name, who) in made.refused if name == ask.name} | asked == {email.split("@")[0] for email in _readme_accounts()}
    assert {made.refused[(name, who)] for (name, who) in made.refused if name == ask.name} <= {403, 404}


@pytest.mark.parametrize("ask", ASKS, ids=lambda ask: ask.name)
def test_each_report_holds_what_its_reader_looks_for(made, ask):
    for (name, who, kind), job in made.jobs.items():
        if name != ask.name or kind == ReportJob.Kind.SUBJECT_ACCESS_ZIP:
            continue  # the ZIP has its own test below
        assert job.status == ReportJob.Status.DONE, (who, kind, job.error)
        CHECKS[ask.name](who, made.files[(name, who, kind)])


@pytest.mark.parametrize("ask", ASKS, ids=lambda ask: ask.name)
def test_each_pdf_is_accessible_title_language_tags_headings_and_alternative_text(made, ask):
    """As axe checks every page: each PDF kind, read back with pikepdf."""
    checked = 0
    for (name, who, kind), data in made.files.items():
        if name != ask.name or not data.startswith(b"%PDF"):
            continue
        assert pdf_accessibility_problems(data) == [], (who, kind)
        checked += 1
    assert checked or ask.kinds == (ReportJob.Kind.CHECKLIST_CSV,), "no PDF of this kind was checked"


def test_the_subject_access_zip_holds_each_part_as_json_and_csv(made):
    key = ("subject access", "admin", ReportJob.Kind.SUBJECT_ACCESS_ZIP)
    assert made.jobs[key].status == ReportJob.Status.DONE, made.jobs[key].error
    with zipfile.ZipFile(io.BytesIO(made.files[key])) as archive:
        names = archive.namelist()
        assert "README.txt" in names and "careplans.json" in names
        plan = json.dumps(json.loads(archive.read("careplans.json")), ensure_ascii=False)
    for phrase in plan_words():
        assert phrase in plan, phrase
    assert any(name.startswith("csv/careplans/") for name in names)
