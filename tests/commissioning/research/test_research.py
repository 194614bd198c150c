"""Peer research: a project starts with appreciative inquiry questions, peer researchers record
what people said with their consent and without names, theme it into findings, and the
specification section a finding informed shows it."""

import datetime
import subprocess

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.research import services
from commissioning.research.models import APPRECIATIVE_INQUIRY_QUESTIONS, Finding, Interview, ResearchProject
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.specifications.factories import SpecificationFactory
from tests.harness.bad_input import assert_bad_input


@pytest.fixture
def project(programme, commissioner):
    return services.project_create(programme=programme, title="What makes a good day", purpose="Hear people first.", by=commissioner)


def _page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _url(name, project):
    return reverse(name, kwargs={"programme_id": project.programme_id, "project_id": project.pk})


def test_a_project_offers_the_appreciative_inquiry_questions(client_as, programme, commissioner):
    client = client_as(commissioner)
    form = _page(client.get(reverse("research:project_add", args=[programme.pk])))
    assert form.find("textarea", attrs={"name": "questions"}).get_text().strip().splitlines() == APPRECIATIVE_INQUIRY_QUESTIONS
    client.post(reverse("research:project_add", args=[programme.pk]), {
        "title": "What makes a good day", "purpose": "Hear people first.", "questions": "What works well?\n\nWhat would make it even better?",
    })
    project = ResearchProject.objects.get()
    assert project.activity.kind == "peer_research"
    page = _page(client.get(_url("research:project_detail", project)))
    assert [item.get_text() for item in page.select("ol.govuk-list--number li")] == ["What works well?", "What would make it even better?"]


def test_findings_from_interviews_show_on_the_specification_section_they_informed(client_as, programme, commissioner, person, project):
    specification = SpecificationFactory(programme=programme, title="Day opportunities", created_by=commissioner)
    researcher = client_as(person)
    researcher.post(_url("research:interview_add", project), {
        "held_on_0": "4", "held_on_1": "5", "held_on_2": "2026", "consent_given": "on",
        "words": "Seeing my friends. Buses on Saturdays would make it even better.",
    })
    interview = Interview.objects.get()
    assert interview.researcher == person
    researcher.post(_url("research:finding_add", project), {
        "theme": "Getting out and about", "i_statement": "I can get where I want to go", "summary": "Transport decides it.",
        "interviews": [interview.pk], "citations": [f"{specification.pk}:outcomes"],
    })
    finding = Finding.objects.get()
    assert list(finding.interviews.all()) == [interview]

    page = _page(researcher.get(reverse("specifications:specification_detail", args=[programme.pk, specification.pk])))
    outcomes = page.select_one("#section-outcomes")
    link = outcomes.find("h3", string="Findings that informed this section").find_next("a")
    assert link.get_text() == "Peer research, “What makes a good day”: Getting out and about"
    assert link["href"].endswith(f"#finding-{finding.pk}")
    assert page.select_one("#section-background").find("h3", string="Findings that informed this section") is None
    # The link leads to the finding and the words it came from.
    detail = _page(researcher.get(link["href"]))
    assert "Seeing my friends" in detail.get_text()


def test_bad_input_on_every_research_form_keeps_answers_and_saves_nothing(client_as, programme, commissioner, person, project):
    client = client_as(commissioner)
    SpecificationFactory(programme=programme, title="Day opportunities", created_by=commissioner)
    count = lambda: (ResearchProject.objects.count(), Interview.objects.count(), Finding.objects.count())  # noqa: E731
    assert_bad_input(client, reverse("research:project_add", args=[programme.pk]), {"title": "Good days", "purpose": "", "questions": "  \n "},
                     errors=["Enter what the research is for", "Enter at least one question"], kept=["title"], unchanged=count)
    assert_bad_input(client_as(person), _url("research:interview_add", project),
                     {"held_on_0": "4", "held_on_1": "5", "held_on_2": "2026", "words": "It works well."},
                     errors=["Only record an interview the person agreed to"], kept=["words"], unchanged=count)
    assert_bad_input(client_as(person), _url("research:finding_add", project),
                     {"theme": "Transport", "i_statement": "", "summary": "Buses.", "citations": ["999:outcomes"]},
                     errors=["Enter an “I” statement", "Select sections from the list"], kept=["theme", "summary"], unchanged=count)


def test_only_the_group_reads_the_research_and_only_commissioners_start_it(client_as, project, person, provider):
    assert client_as(provider).get(_url("research:project_detail", project)).status_code == 404
    assert client_as(person).get(reverse("research:project_add", args=[project.programme_id])).status_code == 403
    assert client_as(person).get(_url("research:interview_add", project)).status_code == 200


def test_the_group_gets_the_findings_report_as_a_tagged_pdf(client_as, programme, commissioner, person, project, provider):
    specification = SpecificationFactory(programme=programme, title="Day opportunities", created_by=commissioner)
    interview = services.interview_record(project=project, held_on=datetime.date(2026, 5, 4), consent_given=True,
                                          words="Buses on Saturdays.", by=person)
    place = (specification.pk, "outcomes")
    services.finding_add(project=project, theme="Getting out and about", i_statement="I can get where I want to go",
                         summary="Transport decides whether people can take part.", interviews=[interview], citations=[place],
                         allowed_citations={place: "Day opportunities: Outcomes"}, by=person)
    assert client_as(provider).post(_url("research:findings_pdf", project)).status_code == 404
    response = client_as(person).post(_url("research:findings_pdf", project))
    job = ReportJob.objects.get(requested_by=person)
    assert response.headers["Location"] == reverse("reports:job_detail", kwargs={"job_id": job.pk})
    report_services.report_job_render(job=job)
    text = " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())
    assert "What makes a good day" in text and "held 1 interview" in text
    assert "Getting out and about “I can get where I want to go” Transport decides whether people can take part." in text
    assert "It informed: Day opportunities: Outcomes." in text
    assert "What would make it even better?" in text
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info


def test_the_spectrum_self_assessment_points_at_the_peer_research(client_as, commissioner, person, project):
    from commissioning.involvement.selfassessment.services import round_save
    from commissioning.involvement.spectrum import NOT_STARTED, STEP_KEYS

    for words in ("Seeing friends.", "Buses at weekends."):
        services.interview_record(project=project, held_on=datetime.date(2026, 5, 4), consent_given=True, words=words, by=person)
    assessment = round_save(by=commissioner, title="Autumn", assessed_on=datetime.date(2026, 6, 1), assessors=[commissioner],
                            other_assessors="", ratings={key: (NOT_STARTED, "") for key in STEP_KEYS})
    page = _page(client_as(commissioner).get(reverse("involvement:round_detail", kwargs={"round_id": assessment.pk})))
    row = next(row for row in page.select(".app-step-table tbody tr") if "peer researchers" in row.th.get_text())
    assert row.select_one("a.govuk-link").get_text(strip=True) == "Peer research: 2 interviews across 1 project"
