"""Importing assets from CSV: the dry run, all-or-nothing, valid rows only, bad files."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commissioning.assets import importing
from commissioning.assets.models import Asset, AssetModerator, OpeningTime
from coproduction.accounts.models import Role
from coproduction.audit.models import AuditEvent
from tests.commissioning.assets.test_oruk import make_asset
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory
from tests.harness.auth import login_as

UPLOAD = "assets:asset_import"
CONFIRM = "assets:asset_import_confirm"

GOOD = {
    "name": "Riverside Community Garden", "category": "physical",
    "description": "A shared garden where anyone can grow food.",
    "age_groups": "adults;older_people", "needs": "loneliness", "opening_times": "Mon 10:00-16:00; Sat 9:30-12:00",
    "cost": "free", "step_free": "yes", "languages": "English;Polish", "address": "Mill Lane, Kendal",
    "postcode": "la9 4dl", "latitude": "54.328", "longitude": "-2.746", "tags": "gardening",
}


def csv_bytes(rows: list[dict], columns=None, encoding="utf-8") -> bytes:
    columns = columns or list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def upload(client, data: bytes, name: str = "assets.csv"):
    return client.post(reverse(UPLOAD), {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def page_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def problems_table(response) -> list[tuple[str, str, str]]:
    page = BeautifulSoup(response.content, "html.parser")
    return [tuple(cell.get_text(" ", strip=True) for cell in row.select("td")) for row in page.select("#import-problems tbody tr")]


def confirm_form(response, scope: str) -> dict:
    page = BeautifulSoup(response.content, "html.parser")
    for form in page.select("form"):
        fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
        if fields.get("scope") == scope:
            return fields
    raise AssertionError(f"No {scope} form on the page")


@pytest.fixture
def importer(client, commissioner):
    return login_as(client, commissioner)


def test_a_good_file_is_checked_first_and_saved_only_when_confirmed(importer, commissioner):
    response = upload(importer, csv_bytes([GOOD, {**GOOD, "name": "Kendal Library", "category": "Organisations and services", "postcode": "LA9 4PY"}]))
    assert response.status_code == 200
    assert "Check the import" in page_text(response)
    assert "Riverside Community Garden" in page_text(response)
    assert Asset.objects.count() == 0  # the dry run saves nothing
    # The choice travels in the form, not the address.
    fields = confirm_form(response, "all")
    assert "upload_id" in fields
    done = importer.post(reverse(CONFIRM), fields)
    assert done.status_code == 302
    assets = {asset.name: asset for asset in Asset.objects.all()}
    assert set(assets) == {"Riverside Community Garden", "Kendal Library"}
    garden = assets["Riverside Community Garden"]
    assert garden.status == Asset.Status.PUBLISHED and garden.added_by == commissioner
    assert garden.postcode == "LA9 4DL" and str(garden.latitude) == "54.328000"
    assert garden.age_groups == ["adults", "older_people"] and garden.languages == ["English", "Polish"]
    assert garden.address == "Mill Lane\nKendal" and garden.step_free is True
    assert [str(o) for o in OpeningTime.objects.filter(asset=garden)] == ["Monday 10:00 to 16:00", "Saturday 09:30 to 12:00"]
    assert assets["Kendal Library"].category == "institution"
    # Audited: each asset created, and the import itself.
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, detail="asset CSV import", actor=commissioner).count() == 2
    assert AuditEvent.objects.filter(detail="asset CSV import: 2 assets").exists()
    message = page_text(importer.get(done["Location"]))
    assert "2 assets imported and published" in message


def test_every_rows_problems_are_reported_with_row_column_and_message(importer):
    rows = [
        GOOD,
        {**GOOD, "name": "", "postcode": "XX1"},
        {**GOOD, "name": "Hilltop", "latitude": "154.2", "longitude": "-2.7", "category": "cafe"},
        {**GOOD, "name": "Bad times", "opening_times": "Mon 17:00-09:00", "email": "not-an-email", "step_free": "maybe"},
    ]
    response = upload(importer, csv_bytes(rows))
    table = problems_table(response)
    assert ("3", "name", "Enter the name") in table
    assert ("3", "postcode", "Enter a real UK postcode, like LA9 4DL") in table
    assert ("4", "latitude", "Latitude must be between -90 and 90") in table
    assert any(row[:2] == ("4", "category") and "“cafe” is not one of" in row[2] for row in table)
    assert ("5", "opening_times", "In “Mon 17:00-09:00” the closing time must be after the opening time") in table
    assert ("5", "email", "Enter an email address in the correct format, like name@example.com") in table
    assert ("5", "step_free", "Enter yes or no for step free") in table
    assert Asset.objects.count() == 0
    # With problems, the only way on is to import just the valid rows, or correct the file.
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("button", string=lambda s: s and "Import only the 1 valid row" in s)
    with pytest.raises(AssertionError):
        confirm_form(response, "all")


def test_nothing_is_saved_when_any_row_is_invalid_unless_valid_only_is_chosen(importer):
    response = upload(importer, csv_bytes([GOOD, {**GOOD, "name": "Broken", "postcode": "nonsense"}]))
    fields = confirm_form(response, "valid_only")
    # Asking for everything with a bad row in the file: all or nothing, so nothing.
    again = importer.post(reverse(CONFIRM), {**fields, "scope": "all"})
    assert again.status_code == 200 and "Nothing was imported" in page_text(again)
    assert Asset.objects.count() == 0
    done = importer.post(reverse(CONFIRM), fields)
    assert done.status_code == 302
    assert list(Asset.objects.values_list("name", flat=True)) == ["Riverside Community Garden"]
    assert "1 row with problems was not imported" in page_text(importer.get(done["Location"]))


def test_the_same_upload_cannot_be_imported_twice(importer):
    fields = confirm_form(upload(importer, csv_bytes([GOOD])), "all")
    importer.post(reverse(CONFIRM), fields)
    second = importer.post(reverse(CONFIRM), fields)
    assert second.status_code == 302 and Asset.objects.count() == 1


def test_another_persons_upload_cannot_be_confirmed(importer, client_as):
    fields = confirm_form(upload(importer, csv_bytes([GOOD])), "all")
    other = UserFactory(email="second.commissioner@example.org", roles=["commissioner"])
    response = client_as(other).post(reverse(CONFIRM), fields)
    assert response.status_code == 302 and Asset.objects.count() == 0


def test_duplicates_of_the_map_and_within_the_file_are_problems(importer, commissioner):
    make_asset(added_by=commissioner, name="The Riverside Community Garden", postcode="LA9 4DL")
    response = upload(importer, csv_bytes([GOOD, {**GOOD, "name": "Library"}, {**GOOD, "name": "library"}]))
    table = problems_table(response)
    assert ("2", "name", "An asset with this name and postcode is already on the map") in table
    assert ("4", "name", "This asset is the same as row 3 (same name and postcode)") in table


def test_a_persons_skills_need_their_agreement_and_organisations_must_exist(importer):
    OrganisationFactory(name="Age UK South Lakeland")
    rows = [
        {**GOOD, "name": "Ann teaches knitting", "category": "individual", "consent_to_publish": "no", "responsible_organisation": ""},
        {**GOOD, "name": "Lunch club", "responsible_organisation": "age uk south lakeland"},
        {**GOOD, "name": "Tea dance", "responsible_organisation": "Nobody Ltd"},
    ]
    table = problems_table(upload(importer, csv_bytes(rows, columns=[*GOOD, "consent_to_publish", "responsible_organisation"])))
    assert any(row[:2] == ("2", "consent_to_publish") for row in table)
    assert not any(row[0] == "3" for row in table)
    assert any(row[:2] == ("4", "responsible_organisation") for row in table)


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "assets.csv", "The selected file is empty"),
    ("name,category,description\nCafé,physical,Où\n".encode("latin-1"), "assets.csv", "The selected file must be saved as UTF-8"),
    (b"%PDF-1.7\x00\x01binary", "assets.csv", "The selected file must be a CSV file"),
    (b"just,some,words\nx,y,z\n", "assets.csv", "The first row must be the column headings from the template; missing: name, category, description"),
    (b"name,category,description\n", "assets.csv", "The file has headings but no assets"),
    (b'name,category,description\n"unclosed,physical,x\n', "assets.csv", "The selected file could not be read as a CSV file"),
    (b"name,category,description,colour\nx,physical,y,red\n", "assets.csv", "The file has columns this import does not know: colour"),
    (b"name,category,description\nx,physical,y\n", "assets.xlsx", "The selected file must be a CSV file"),
    (b"name,category,description\n" + b"x,physical,y\n" * 200_000, "assets.csv", "The selected file must be smaller than 2 MB"),
])
def test_a_file_that_cannot_be_used_gets_an_error_summary_never_a_500(importer, data, name, message):
    response = upload(importer, data, name)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.title.string.strip().startswith("Error:")
    summary = page.select_one(".govuk-error-summary")
    assert summary is not None
    assert any(message in link.get_text(strip=True) for link in summary.select("a")), summary.get_text()
    for link in summary.select("a"):
        assert page.find(id=link["href"].lstrip("#")) is not None
    assert Asset.objects.count() == 0


def test_no_file_chosen_asks_for_one(importer):
    response = importer.post(reverse(UPLOAD), {})
    assert "Select a CSV file" in page_text(response)


def test_an_excel_byte_order_mark_and_column_order_do_not_matter(importer):
    columns = ["description", "postcode", "name", "category"]
    data = "\ufeff".encode() + csv_bytes([{key: GOOD[key] for key in columns}], columns=columns)
    assert "Check the import" in page_text(upload(importer, data))


def test_the_template_downloads_with_every_column_and_imports_cleanly(importer):
    response = importer.get(reverse("assets:asset_import_template"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    header = next(csv.reader(io.StringIO(response.content.decode())))
    assert header == importing.COLUMN_NAMES
    assert importing.check_file(response.content).all_valid


def test_the_upload_page_documents_the_columns(importer):
    text = page_text(importer.get(reverse(UPLOAD)))
    for column in importing.COLUMNS:
        assert column.name in text


def test_a_community_moderator_may_import_and_others_may_not(client_as, users, person):
    AssetModerator.objects.create(user=person, appointed_by=users[Role.COMMISSIONER])
    assert client_as(person).get(reverse(UPLOAD)).status_code == 200
    for role in (Role.CARER, Role.PRACTITIONER, Role.PROVIDER):
        client = client_as(users[role])
        assert client.get(reverse(UPLOAD)).status_code == 403
        assert upload(client, csv_bytes([GOOD])).status_code == 403
    assert Asset.objects.count() == 0


def test_the_stored_file_is_not_reachable_from_another_session_or_a_guessed_id(importer, client):
    session = importer.session
    assert importing.read_upload(upload_id="0" * 32, session=session) is None
    assert importing.read_upload(upload_id="../../etc/passwd", session=session) is None


def test_checked_files_nobody_imported_are_deleted_after_a_while(importer, settings, tmp_path):
    from datetime import timedelta

    from django.core.files.storage import default_storage

    settings.MEDIA_ROOT = str(tmp_path)  # only this test's files
    upload(importer, csv_bytes([GOOD]))
    _, names = default_storage.listdir(importing.UPLOAD_DIR)
    assert len(names) == 1
    assert importing.forget_old_uploads() == 0  # still waiting for the person to confirm
    assert importing.forget_old_uploads(older_than=timedelta(seconds=-1)) == 1
    assert default_storage.listdir(importing.UPLOAD_DIR)[1] == []


def test_row_numbers_match_the_spreadsheet_even_with_blank_rows(importer):
    data = csv_bytes([GOOD]) + b",,,,,,,,,,,,,,\n\n" + csv_bytes([{**GOOD, "name": "Late row", "postcode": "nope"}]).split(b"\n", 1)[1]
    table = problems_table(upload(importer, data))
    assert ("5", "postcode", "Enter a real UK postcode, like LA9 4DL") in table
