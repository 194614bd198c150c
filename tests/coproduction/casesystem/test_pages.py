"""The integration team's pages, and what practitioners see of the case system link."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from coproduction.casesystem.models import SourceMapping
from tests.careplans.factories import PersonFactory
from tests.harness.bad_input import assert_bad_input

from .helpers import las_mapping

pytestmark = pytest.mark.django_db


def mapping_form(council, **overrides) -> dict:
    data = {
        "name": "Mosaic extract", "system": "mosaic", "organisation": council.pk, "date_format": "%Y-%m-%d",
        "needs_separator": ",", "column_person_id": "Person ID", "column_full_name": "Name", "column_team_id": "Team",
        "column_team_name": "Team name", "column_nhs_number": "NHS No", "need_codes_text": "BSL = bsl\nLP = large_print",
    }
    data.update(overrides)
    return data


def test_an_administrator_adds_and_changes_a_mapping(client_as, administrator, council):
    client = client_as(administrator)
    response = client.post(reverse("casesystem:mapping_add"), mapping_form(council))
    assert response.status_code == 302
    mapping = SourceMapping.objects.get(name="Mosaic extract")
    assert mapping.columns == {"person_id": "Person ID", "full_name": "Name", "team_id": "Team", "team_name": "Team name", "nhs_number": "NHS No"}
    assert mapping.need_codes == {"BSL": "bsl", "LP": "large_print"}
    page = client.get(reverse("casesystem:mapping_edit", kwargs={"mapping_id": mapping.pk}))
    shown = BeautifulSoup(page.content, "html.parser").find(attrs={"name": "need_codes_text"}).get_text()
    assert sorted(line for line in shown.splitlines() if line) == ["BSL = bsl", "LP = large_print"]
    client.post(reverse("casesystem:mapping_edit", kwargs={"mapping_id": mapping.pk}), mapping_form(council, column_nhs_number="", scheduled="on"))
    mapping.refresh_from_db()
    assert "nhs_number" not in mapping.columns and mapping.scheduled


def test_only_one_mapping_is_used_for_the_nightly_import(client_as, administrator, council):
    older = las_mapping(scheduled=True)
    client_as(administrator).post(reverse("casesystem:mapping_add"), mapping_form(council, scheduled="on"))
    older.refresh_from_db()
    assert not older.scheduled and SourceMapping.objects.get(name="Mosaic extract").scheduled


def test_a_mapping_without_the_columns_it_needs_is_explained_and_not_saved(client_as, administrator, council):
    assert_bad_input(
        client_as(administrator), reverse("casesystem:mapping_add"),
        mapping_form(council, column_person_id="", column_full_name="", column_nhs_number="Team", need_codes_text="LP large print"),
        errors=[
            "Enter the extract’s column for the case system person id",
            "Enter the extract’s column for the full name, or the columns for the given and family names",
            "Each extract column can fill only one field: team",
            "Line 1 must be a code, an equals sign and one of the needs listed, like LP = large_print",
        ],
        kept=["name", "column_team_id", "need_codes_text"],
        unchanged=lambda: SourceMapping.objects.count(),
    )


def test_staff_see_the_case_system_id_and_nhs_number_and_find_the_person_by_either(client_as, practitioner, team, person):
    joan = PersonFactory(team=team, full_name="Joan Pemberton", case_system_id="LAS-100201", nhs_number="9434765919")
    PersonFactory(team=team, full_name="Someone Else", case_system_id="LAS-100202")
    client = client_as(practitioner)
    page = BeautifulSoup(client.get(reverse("careplans:person_detail", kwargs={"person_id": joan.pk})).content, "html.parser")
    assert page.select_one("#case-system-id dd").get_text(strip=True) == "LAS-100201"
    assert page.select_one("#nhs-number dd").get_text(strip=True) == "943 476 5919"
    for reference in ("las-100201", "943 476 5919", "9434765919"):
        client.post(reverse("careplans:caseload"), {"name": "", "reference": reference, "search": "Search"})
        listed = BeautifulSoup(client.get(reverse("careplans:caseload")).content, "html.parser").select_one("#caseload-table").get_text(" ", strip=True)
        assert "Joan Pemberton" in listed and "Someone Else" not in listed, reference


def test_a_person_no_longer_in_the_extract_is_flagged_on_their_record(client_as, practitioner, team):
    gone = PersonFactory(team=team, case_system_id="LAS-9", missing_from_case_system_since=timezone.now())
    page = BeautifulSoup(client_as(practitioner).get(reverse("careplans:person_detail", kwargs={"person_id": gone.pk})).content, "html.parser")
    assert "Not in the case system’s extract since" in page.select_one("#case-system-missing").get_text()


def test_the_person_does_not_see_staff_identifiers_on_their_own_page(client_as, person, team):
    own = PersonFactory(team=team, user=person, case_system_id="LAS-100201", nhs_number="9434765919")
    page = BeautifulSoup(client_as(person).get(reverse("careplans:person_detail", kwargs={"person_id": own.pk})).content, "html.parser")
    assert page.select_one("#case-system-id") is None and "943 476 5919" not in page.get_text()
