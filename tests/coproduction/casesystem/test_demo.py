"""The sample case system extract shipped with the demo: an administrator who tries it in the
dry run sees every row ready to import, so the demo shows what a clean nightly extract does."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coproduction.casesystem.demo import DEMO_EXTRACT, LAS_COLUMNS, LAS_NEED_CODES
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as

from .helpers import administrator, las_mapping

pytestmark = pytest.mark.django_db


def test_the_demo_extract_passes_the_dry_run_with_every_row_ready(client):
    mapping = las_mapping(columns=LAS_COLUMNS, need_codes=LAS_NEED_CODES, needs_separator=";")
    # The workers the extract allocates people to, as the demo has them.
    UserFactory(email="practitioner@demo.example", roles=[Role.PRACTITIONER.value])
    UserFactory(email="manager@demo.example", roles=[Role.TEAM_MANAGER.value])
    login_as(client, administrator())
    data = DEMO_EXTRACT.read_bytes()
    response = client.post(
        reverse("casesystem:import_upload"),
        {"mapping": mapping.pk, "file": SimpleUploadedFile(DEMO_EXTRACT.name, data, content_type="text/csv")},
    )
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert page.select("#import-problems tbody tr") == [], page.select_one("#import-problems").get_text(" ", strip=True)
    rows = len(data.decode().strip().splitlines()) - 1
    assert page.h1.get_text(strip=True) == "Check the import"
    assert page.select_one("main button[type=submit]").get_text(strip=True) == f"Import {rows} people"
