"""The interview panel's briefing pack as a tagged PDF, in each member's format (standard, large
print, Easy Read), with the plain-English explanations of the page, and never a candidate's name."""

import subprocess

import pytest

from coproduction.accounts.models import Role
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.commissioning.recruitment.pages import NAMES, url


def _pdf(job) -> tuple[str, str]:
    text = subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    return " ".join(text.split()), info


@pytest.mark.parametrize(("document_format", "expected", "absent"), [
    ("standard", "Each member scores each candidate against each agreed value from 0 to 4", "You help choose who gets the job."),
    ("large_print", "(large print)", "You help choose who gets the job."),
    ("easy_read", "You help choose who gets the job.", "Everyone on the panel is equal."),
])
def test_a_member_downloads_their_pack_in_the_format_they_asked_for(client_as, campaign, panel, agreed, users,
                                                                    document_format, expected, absent):
    InvolvementProfileFactory(user=users[Role.PERSON], preferred_format=document_format)
    client_as(users[Role.TEAM_MANAGER]).post(url("briefing_send", campaign))
    response = client_as(users[Role.PERSON]).post(url("briefing_pdf", campaign))
    job = ReportJob.objects.get(requested_by=users[Role.PERSON])
    assert response.status_code == 302 and job.options == {"format": document_format}
    report_services.report_job_render(job=job)
    job.refresh_from_db()
    text, info = _pdf(job)
    assert job.status == ReportJob.Status.DONE and "Tagged: yes" in " ".join(info.split())
    assert "How scoring works" in text and "Words we use" in text and "Moderation" in text
    assert expected in text and absent not in text
    assert not any(name in text for name in NAMES)


def test_the_page_offers_the_pack_in_the_format_shown(client_as, campaign, panel, users):
    page = client_as(users[Role.CARER]).get(url("briefing", campaign) + "?format=large_print").content.decode()
    assert 'name="format" value="large_print"' in page and "Download the pack as a PDF (large print)" in page
    client_as(users[Role.CARER]).post(url("briefing_pdf", campaign), {"format": "large_print"})
    assert ReportJob.objects.get(requested_by=users[Role.CARER]).options == {"format": "large_print"}


def test_someone_not_on_the_panel_cannot_ask_for_a_pack(client_as, campaign, panel, users):
    assert client_as(users[Role.COMMISSIONER]).post(url("briefing_pdf", campaign)).status_code == 404
    assert not ReportJob.objects.exists()
