"""A members-only file is served as a private attachment under a name the service chooses,
with the download on the audit trail; anything else is not found, and nothing is recorded."""

from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory

from coproduction.audit.models import AuditEvent
from coproduction.core.downloads import members_file_download
from tests.coproduction.reports.factories import ReportJobFactory

PDF = {"pdf": "application/pdf"}


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_an_allowed_file_is_a_private_audited_attachment(person):
    job = ReportJobFactory(requested_by=person)
    job.file.save("uploaded by someone.pdf", ContentFile(b"%PDF-1.7 test"))
    job.file_type = "pdf"
    response = members_file_download(_request(person), record=job, content_types=PDF, name="paper", detail="paper downloaded")
    assert response["Content-Type"] == "application/pdf" and response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == f'attachment; filename="paper-{job.pk}.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.7 test"
    assert AuditEvent.objects.filter(action="download", actor=person, detail="paper downloaded").count() == 1


@pytest.mark.parametrize("record", [
    SimpleNamespace(pk=1, file=None, file_type="pdf"),
    SimpleNamespace(pk=1, file="paper.exe", file_type="exe"),
])
def test_a_missing_file_or_a_kind_not_served_is_not_found_and_not_recorded(person, record):
    with pytest.raises(Http404):
        members_file_download(_request(person), record=record, content_types=PDF, name="paper", detail="paper downloaded")
    assert not AuditEvent.objects.filter(action="download").exists()
