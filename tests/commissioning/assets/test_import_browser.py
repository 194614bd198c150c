"""The CSV import in real Chromium, without JavaScript: the upload error, the dry-run report
and importing only the valid rows, each page passing axe."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from commissioning.assets.models import Asset
from coproduction.accounts.models import Role
from tests.commissioning.assets.test_import import GOOD, csv_bytes
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_moderator_checks_a_file_sees_its_problems_and_imports_the_valid_rows(browser, live_server, users, tmp_path):
    page = signed_in_page(browser, live_server, users[Role.COMMISSIONER], javascript=False)
    page.goto(reverse("assets:asset_import"))
    bad = tmp_path / "notes.csv"
    bad.write_bytes(b"just,some,words\n1,2,3\n")
    page.get_by_label("Upload a CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert axe_violations(page) == []

    mixed = tmp_path / "assets.csv"
    mixed.write_bytes(csv_bytes([GOOD, {**GOOD, "name": "Hilltop hut", "latitude": "95", "longitude": "1"}]))
    page.get_by_label("Upload a CSV file").set_input_files(str(mixed))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Problems in the file")).to_be_visible()
    expect(page.get_by_role("cell", name="Latitude must be between -90 and 90")).to_be_visible()
    assert axe_violations(page) == []
    assert Asset.objects.count() == 0

    page.get_by_role("button", name="Import only the 1 valid row").click()
    expect(page.get_by_text("1 asset imported and published. 1 row with problems was not imported.")).to_be_visible()
    assert list(Asset.objects.values_list("name", flat=True)) == ["Riverside Community Garden"]
    assert axe_violations(page) == []
