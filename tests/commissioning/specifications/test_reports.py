import subprocess

from django.urls import reverse

from commissioning.specifications import services
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.priorities.factories import IndicatorFactory, OutcomeFactory
from tests.commissioning.specifications.factories import GlossaryTermFactory


def _pdf_text(job) -> str:
    return " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())


def test_a_member_gets_the_published_specification_as_a_tagged_pdf_with_its_words_explained(client_as, commissioner, person, specification, draft):
    GlossaryTermFactory(term="social value", explanation="What else the provider gives back to the area.")
    GlossaryTermFactory(term="tender", explanation="Not used in this specification.")
    services.section_update(
        section=draft.sections.get(key="social_value"), text="The provider will add social value by hiring locally.", informed_by=[], by=commissioner
    )
    outcome = OutcomeFactory(programme=specification.programme, title="I have things to do that I enjoy")
    IndicatorFactory(outcome=outcome, name="People doing something they enjoy each week", how_measured="Peer survey", who_measures="Peer researchers")
    criterion, _ = services.criteria_replace(version=draft, by=commissioner, criteria=[
        {"title": "Working with people", "weight": 70}, {"title": "Price", "weight": 30},
    ])
    services.question_add(criterion=criterion, text="How will people help run the service?", kind="written", by=person)
    services.version_publish(version=draft, by=commissioner)

    response = client_as(person).post(
        reverse("specifications:version_pdf", kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk}),
        {"version": "1"},
    )
    job = ReportJob.objects.get(requested_by=person)
    assert response.headers["Location"] == reverse("reports:job_detail", kwargs={"job_id": job.pk})
    assert job.subject == draft
    report_services.report_job_render(job=job)
    text = _pdf_text(job)
    assert "Day opportunities from 2027" in text and "version 1 (published" in text
    assert "The provider will add social value by hiring locally." in text
    assert "I have things to do that I enjoy" in text and "People doing something they enjoy each week Peer survey Peer researchers" in text
    assert "Working with people 70 Price 30 Total 100" in text
    assert "How will people help run the service? (written answer)" in text
    assert "Words we use" in text and "social value What else the provider gives back to the area." in text
    assert "Not used in this specification." not in text
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info


def test_someone_outside_the_programme_cannot_ask_for_the_pdf(client_as, provider, specification):
    response = client_as(provider).post(
        reverse("specifications:version_pdf", kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk})
    )
    assert response.status_code == 404
    assert not ReportJob.objects.exists()
