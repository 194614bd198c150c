import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from coproduction.accounts.models import Role
from coproduction.reports.models import ReportJob
from tests.authorization_matrix import MATRIX
from tests.harness.auth import login_as
from tests.harness.matrix import ANONYMOUS, EVERYONE, check, named_urls
from tests.reports.factories import ReportJobFactory


@pytest.fixture
def world(users):
    """Records the matrix rows point at: each owned by one role."""
    job = ReportJobFactory(requested_by=users[Role.PERSON], status=ReportJob.Status.DONE, page_count=1)
    job.file.save(f"reports/{job.pk}.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return {"users": users, "person_job": job}


def test_every_named_url_has_a_row():
    covered = {row.url_name for row in MATRIX}
    missing = sorted(named_urls() - covered)
    assert missing == [], f"Add these URLs to tests/authorization_matrix.py: {missing}"


def test_every_row_names_a_real_url():
    assert {row.url_name for row in MATRIX} <= named_urls()


@pytest.mark.parametrize("row", MATRIX, ids=lambda row: row.test_id)
def test_authorization_matrix(row, world):
    url = reverse(row.url_name, kwargs=row.kwargs(world))
    login_url = reverse("accounts:login")
    wrong = []
    for who in EVERYONE:
        client = Client()
        if who != ANONYMOUS:
            login_as(client, world["users"][who])
        response = client.get(url)
        expected = row.expect[who]
        if not check(response, expected, login_url):
            wrong.append(f"{who}: expected {expected.value}, got {response.status_code} {response.headers.get('Location', '')}")
    assert wrong == [], f"{url}\n" + "\n".join(wrong)
