"""Reports and uploaded files on the server's own disk are readable by the service's account
alone: files 0600 in folders 0700, whatever the process's umask, for the worker's reports and
for uploads (kept in memory or spooled to a temporary file while they arrive)."""

import os
import stat
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commissioning.monitoring.models import MeetingPaper
from coproduction.reports.models import ReportJob
from coproduction.reports.tasks import report_job_render
from tests.commissioning.monitoring.conftest import (  # noqa: F401  (fixtures)
    contract,
    indicators,
    meeting,
    programme,
    provider_org,
)


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    """A media folder not made yet, under the umask most servers run with."""
    settings.MEDIA_ROOT = tmp_path / "media"
    previous = os.umask(0o022)
    yield settings.MEDIA_ROOT
    os.umask(previous)


def modes(root: Path) -> dict[str, str]:
    """Every file and folder below the media folder (itself included), with its permission bits."""
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def test_reports_and_uploads_are_readable_by_the_service_alone(client_as, person, commissioner, meeting, media_root, settings):  # noqa: F811
    client_as(person).post(reverse("reports:my_data"))
    job = ReportJob.objects.get(requested_by=person)
    report_job_render(str(job.pk))  # the worker's task, real WeasyPrint
    job.refresh_from_db()
    pdf = Path(job.file.path).read_bytes()
    assert pdf.startswith(b"%PDF-")

    paper_add = reverse("monitoring:paper_add", kwargs={
        "programme_id": meeting.contract.programme_id, "contract_id": meeting.contract_id, "meeting_id": meeting.pk,
    })
    organiser = client_as(commissioner)
    organiser.post(paper_add, {"title": "Figures", "file": SimpleUploadedFile("figures.pdf", pdf, content_type="application/pdf")})
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # this one arrives through a temporary file
    organiser.post(paper_add, {"title": "Budget", "file": SimpleUploadedFile("budget.pdf", pdf, content_type="application/pdf")})
    papers = list(MeetingPaper.objects.filter(meeting=meeting).order_by("position"))
    assert [paper.title for paper in papers] == ["Figures", "Budget"]

    found = modes(media_root)
    files = [job.file.name, *(paper.file.name for paper in papers)]
    assert {name: found[name] for name in files} == dict.fromkeys(files, "0o600")
    folders = {name: mode for name, mode in found.items() if (media_root / name).is_dir()}
    assert folders and set(folders.values()) == {"0o700"}, folders
    assert set(found) == {*folders, *files}  # nothing else was written there
