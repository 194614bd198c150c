import subprocess

import pytest
from django.urls import reverse

from commissioning.monitoring import services
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.involvement.factories import InvolvementProfileFactory


def _pdf_text(job) -> str:
    return " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())


@pytest.fixture
def papers(meeting, commissioner, indicators):
    services.paper_add(meeting=meeting, title="The provider's report", text="We ran 40 trips this quarter.",
                       easy_read_text="We went on 40 trips.", by=commissioner)
    services.indicator_report_save(meeting=meeting, indicator=indicators[0], by=commissioner,
                                   data={"figure": "40 trips", "what_people_said": "", "representatives_view": "More at weekends, please."})
    return meeting


@pytest.mark.parametrize("chosen, expected, not_expected", [
    ("standard", ["Agenda", "1. The figures", "We ran 40 trips this quarter.", "Figure reported: 40 trips", "(standard print)"],
     ["We went on 40 trips."]),
    ("large_print", ["Agenda", "We ran 40 trips this quarter.", "(large print)"], ["We went on 40 trips."]),
    ("easy_read", ["What we will talk about", "We will look at the numbers together.", "We went on 40 trips.", "The number is: 40 trips",
                   "What the representatives think: More at weekends, please.", "(easy read)"], ["We ran 40 trips this quarter."]),
])
def test_a_member_gets_the_papers_as_a_tagged_pdf_in_their_format(client_as, person, papers, chosen, expected, not_expected):
    InvolvementProfileFactory(user=person, preferred_format=chosen)
    url = reverse("monitoring:papers_pdf", kwargs={"programme_id": papers.contract.programme_id, "contract_id": papers.contract_id, "meeting_id": papers.pk})
    response = client_as(person).post(url)  # no format chosen: the one in their involvement profile
    job = ReportJob.objects.get(requested_by=person)
    assert response.headers["Location"] == reverse("reports:job_detail", kwargs={"job_id": job.pk})
    assert job.kind == ReportJob.Kind.MONITORING_PAPERS and job.options == {"format": chosen}
    report_services.report_job_render(job=job)
    text = _pdf_text(job)
    assert "Monitoring meeting, July 2026" in text
    for words in expected:
        assert words in text
    for words in not_expected:
        assert words not in text
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info


def test_someone_not_at_the_meeting_cannot_ask_for_the_papers(client_as, carer, papers):
    url = reverse("monitoring:papers_pdf", kwargs={"programme_id": papers.contract.programme_id, "contract_id": papers.contract_id, "meeting_id": papers.pk})
    assert client_as(carer).post(url).status_code == 404
    assert not ReportJob.objects.exists()
