"""Importing people and teams from a case system extract: the dry run, matching on the case
system id, flagging people no longer listed, auditing, bad files, and queries per batch."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coproduction.accounts.models import Role, Team
from coproduction.audit.models import AuditEvent
from coproduction.casesystem import importing, services
from coproduction.casesystem.models import ImportRun, TeamLink
from coproduction.people.models import Person
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as
from tests.harness.queries import count_queries

from .helpers import HEADINGS, administrator, extract, las_mapping, nhs_number, person_row

pytestmark = pytest.mark.django_db
UPLOAD = "casesystem:import_upload"
CONFIRM = "casesystem:import_confirm"


def upload(client, mapping, data: bytes, name: str = "las-extract.csv"):
    return client.post(reverse(UPLOAD), {"mapping": mapping.pk, "file": SimpleUploadedFile(name, data, content_type="text/csv")})


def problems_table(response) -> list[tuple[str, str, str]]:
    page = BeautifulSoup(response.content, "html.parser")
    return [tuple(cell.get_text(" ", strip=True) for cell in row.select("td")) for row in page.select("#import-problems tbody tr")]


def confirm(client, response):
    """Confirm the dry run, then do what the worker does with the queued import."""
    page = BeautifulSoup(response.content, "html.parser")
    fields = {field["name"]: field.get("value", "") for field in page.select(f"form[action='{reverse(CONFIRM)}'] input[name]")}
    answer = client.post(reverse(CONFIRM), fields)
    for run_id in ImportRun.objects.filter(status=ImportRun.Status.QUEUED).values_list("pk", flat=True):
        services.import_run_execute(run_id=run_id)
    return answer


def import_file(mapping, data: bytes, name: str = "nightly.csv", by=None) -> ImportRun:
    run = ImportRun(file_name=name, checksum=importing.checksum(data), run_by=by)
    return importing.import_checked(dry_run=importing.check_file(data, mapping), mapping=mapping, run=run)


def test_dry_run_lists_every_rows_problems_and_saves_nothing(client):
    mapping = las_mapping()
    login_as(client, administrator())
    data = extract([
        person_row("LAS-1"),
        person_row("LAS-2", NHS_NUMBER="943 476 5918"),  # wrong check digit
        person_row("LAS-3", FORENAME="", SURNAME=""),
        person_row("LAS-1", FORENAME="Joanne"),  # the same person id twice
        person_row("LAS-4", DOB="31/02/1950", COMM_NEEDS="LP;SMOKE"),
        person_row("LAS-5", ALLOCATED_WORKER_EMAIL="nobody@example.org"),
    ])
    before = Person.objects.count(), Team.objects.count()
    response = upload(client, mapping, data)
    assert response.status_code == 200
    table = problems_table(response)
    assert ("3", "NHS_NUMBER", "The NHS number is not a valid NHS number: it must be 10 digits and its last digit must match the check digit") in table
    assert ("4", "FORENAME", "Enter the person’s name") in table
    assert ("2", "PERSON_ID", "This person id is on another row too: each person must be listed once") in table
    assert ("5", "PERSON_ID", "This person id is already on row 2: each person must be listed once") in table
    assert ("6", "DOB", "The date of birth must be a real date, like 31/03/2026") in table
    assert ("6", "COMM_NEEDS", "“SMOKE” is not a communication need code in the mapping") in table
    assert ("7", "ALLOCATED_WORKER_EMAIL", "There is no practitioner or team manager with this email address here: add their account first") in table
    assert len(table) == 7
    assert (Person.objects.count(), Team.objects.count()) == before
    assert "Import only the 0 valid rows" not in response.content.decode()


def test_import_makes_people_and_teams_and_a_reimport_updates_them(client):
    mapping = las_mapping()
    worker = UserFactory(email="worker@council.example", roles=[Role.PRACTITIONER.value])
    admin = administrator()
    login_as(client, admin)
    data = extract([
        person_row("LAS-1", KNOWN_AS="Jo", ALLOCATED_WORKER_EMAIL="Worker@Council.example", COMM_NEEDS="LP;INT", INTERPRETER_LANG="Polish"),
        person_row("LAS-2", "Kris", "Nowak", NHS_NUMBER="", TEAM_CODE="T-SA", TEAM_NAME="South Adults"),
    ])
    check = upload(client, mapping, data)
    assert problems_table(check) == []
    response = confirm(client, check)
    assert response.status_code == 302
    joan = Person.objects.get(case_system_id="LAS-1")
    assert (joan.full_name, joan.preferred_name, joan.nhs_number, str(joan.date_of_birth)) == ("Joan Pemberton", "Jo", "9434765919", "1948-05-17")
    assert joan.practitioner == worker
    assert joan.communication_needs == ["large_print", "interpreter"] and joan.interpreter_language == "Polish"
    assert joan.team.name == "North Adults" and joan.team.organisation == mapping.organisation
    assert set(TeamLink.objects.values_list("case_system_team_id", flat=True)) == {"T-NA", "T-SA"}
    run = ImportRun.objects.get()
    assert (run.created, run.updated, run.refused, run.teams_created, run.run_by) == (2, 0, 0, 2, admin)
    made = AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, target_type__model="person", target_id=str(joan.pk), actor=admin).get()
    assert made.detail == "case system import of las-extract.csv"

    # The next extract: Joan renamed, her team renamed, Kris gone, a new person.
    again = extract([
        person_row("LAS-1", "Joan", "Smith", KNOWN_AS="Jo", ALLOCATED_WORKER_EMAIL="worker@council.example", COMM_NEEDS="LP;INT", INTERPRETER_LANG="Polish", TEAM_NAME="North Adults Team"),
        person_row("LAS-3", "Ann", "Fell", NHS_NUMBER="", TEAM_NAME="North Adults Team"),
    ])
    run = import_file(mapping, again, name="second.csv")
    assert Person.objects.filter(case_system_id="LAS-1").count() == 1
    joan.refresh_from_db()
    assert joan.full_name == "Joan Smith" and Team.objects.get(pk=joan.team_id).name == "North Adults Team"
    assert (run.created, run.updated, run.flagged, run.teams_created, run.teams_renamed) == (1, 1, 1, 0, 1)
    kris = Person.objects.get(case_system_id="LAS-2")  # flagged, never deleted
    assert kris.missing_from_case_system_since is not None
    changed = AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE, target_type__model="person", target_id=str(joan.pk)).get()
    assert changed.detail == "case system import of second.csv" and changed.actor is None

    # Kris is listed again: no longer flagged. The same extract again changes nothing.
    import_file(mapping, extract([person_row("LAS-2", "Kris", "Nowak", NHS_NUMBER="", TEAM_CODE="T-SA")]))
    kris.refresh_from_db()
    assert kris.missing_from_case_system_since is None
    run = import_file(mapping, extract([person_row("LAS-2", "Kris", "Nowak", NHS_NUMBER="", TEAM_CODE="T-SA")]))
    assert (run.created, run.updated, run.unchanged) == (0, 0, 1)
    assert Person.objects.count() == 3


def test_a_column_the_mapping_does_not_name_is_left_as_it_is():
    columns = {"person_id": "PERSON_ID", "full_name": "NAME", "team_id": "TEAM_CODE", "team_name": "TEAM_NAME"}
    mapping = las_mapping(columns=columns)
    import_file(mapping, extract([{"PERSON_ID": "M-1", "NAME": "Ann Fell", "TEAM_CODE": "T", "TEAM_NAME": "Team"}], headings=["PERSON_ID", "NAME", "TEAM_CODE", "TEAM_NAME"]))
    Person.objects.filter(case_system_id="M-1").update(preferred_name="Annie", communication_needs=["bsl"])
    import_file(mapping, extract([{"PERSON_ID": "M-1", "NAME": "Ann Fell", "TEAM_CODE": "T", "TEAM_NAME": "Team"}], headings=["PERSON_ID", "NAME", "TEAM_CODE", "TEAM_NAME"]))
    ann = Person.objects.get(case_system_id="M-1")
    assert (ann.preferred_name, ann.communication_needs) == ("Annie", ["bsl"])


@pytest.mark.parametrize(("data", "name", "message"), [
    (b'PERSON_ID,FORENAME,SURNAME,TEAM_CODE\n"LAS-1,Joan,Smith,T-NA\n', "las.csv", "The selected file could not be read as a CSV file"),
    (b"ID,NAME,TEAM\nLAS-1,Joan Smith,T-NA\n", "las.csv", "The first row must be the column headings; missing: PERSON_ID, TEAM_CODE, FORENAME"),
    (b"%PDF-1.7\x00\x01binary", "las.csv", "The selected file must be a CSV file"),
    (b"%PDF-1.7\x00\x01binary", "las.pdf", "The selected file must be a CSV file"),
    ("PERSON_ID,FORENAME,SURNAME,TEAM_CODE\nLAS-1,Zoë,Smith,T\n".encode("latin-1"), "las.csv", "The selected file must be saved as UTF-8"),
    (b"PERSON_ID,FORENAME,SURNAME,TEAM_CODE\n", "las.csv", "The file has headings but no people"),
    (b"", "las.csv", "The selected file is empty"),
])
def test_bad_files_are_refused_with_a_clear_message(client, data, name, message):
    mapping = las_mapping()
    login_as(client, administrator())
    response = upload(client, mapping, data, name=name)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one(".govuk-error-summary")
    assert summary is not None and message in summary.get_text(" ", strip=True)
    assert page.title.string.strip().startswith("Error:")
    assert Person.objects.count() == 0 and ImportRun.objects.count() == 0


def test_only_valid_rows_are_imported_and_the_refused_are_listed_on_the_run(client):
    mapping = las_mapping()
    login_as(client, administrator())
    check = upload(client, mapping, extract([person_row("LAS-1"), person_row("LAS-2", NHS_NUMBER="123")]))
    assert len(problems_table(check)) == 1
    response = confirm(client, check)
    run = ImportRun.objects.get()
    assert list(Person.objects.values_list("case_system_id", flat=True)) == ["LAS-1"]
    page = client.get(response["Location"])
    assert [row[0] for row in problems_table(page)] == ["3"]
    assert (run.created, run.refused) == (1, 1)
    # The stored file is gone once imported: confirming again imports nothing twice.
    again = confirm(client, check)
    assert again.status_code == 302 and again["Location"] == reverse(UPLOAD)
    assert ImportRun.objects.count() == 1


def test_queries_per_batch_do_not_grow(monkeypatch):
    """Each batch of rows costs the same few queries, however many batches."""
    monkeypatch.setattr(importing, "BATCH", 10)
    mapping = las_mapping()
    UserFactory(email="worker@council.example", roles=[Role.PRACTITIONER.value])

    def rows(count: int, start: int = 0) -> bytes:
        return extract([
            person_row(f"B-{n}", NHS_NUMBER=nhs_number(n), ALLOCATED_WORKER_EMAIL="worker@council.example", COMM_NEEDS="LP", TEAM_CODE=f"T{n % 3}", TEAM_NAME=f"Team {n % 3}")
            for n in range(start, start + count)
        ])

    import_file(mapping, rows(3, start=1000))  # the teams exist: what follows counts people only
    made = {}
    for batches in (1, 3):
        data = rows(10 * batches, start=100 * batches)
        made[batches], _, _ = count_queries(lambda data=data: import_file(mapping, data))
    per_batch = (made[3] - made[1]) / 2
    assert per_batch <= 4, f"{per_batch} queries a batch"
    # Updating is no dearer than adding.
    data = rows(30, start=300)
    updated, _, _ = count_queries(lambda: import_file(mapping, data.replace(b"Pemberton", b"Smith")))
    assert updated <= made[3]


def test_a_long_list_of_problems_shows_the_first_ones_and_counts_them_all(client, monkeypatch):
    from coproduction.casesystem import views

    monkeypatch.setattr(views, "PROBLEMS_SHOWN", 2)
    mapping = las_mapping()
    login_as(client, administrator())
    response = upload(client, mapping, extract([person_row(f"LAS-{n}", DOB="1948") for n in range(3)]))
    assert len(problems_table(response)) == 2
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "3 problems in 3 rows: see what to correct" in text and "The first 2 problems are listed." in text


def test_the_home_postcode_comes_from_the_extract_and_a_blank_one_keeps_what_the_person_recorded():
    mapping = las_mapping()
    headings = [*HEADINGS, "POSTCODE"]
    import_file(mapping, extract([person_row("LAS-1", POSTCODE="la9 4dl"), person_row("LAS-2", "Kris", "Nowak", POSTCODE="")], headings))
    assert dict(Person.objects.values_list("case_system_id", "postcode")) == {"LAS-1": "LA9 4DL", "LAS-2": ""}
    Person.objects.filter(case_system_id="LAS-2").update(postcode="LA8 9JK")  # Kris told the service himself
    checked = importing.check_file(extract([person_row("LAS-1", POSTCODE="NOT A CODE"), person_row("LAS-2", "Kris", "Nowak", POSTCODE="")], headings), mapping)
    assert [(problem.column, problem.message) for row in checked.rows for problem in row.problems] == [
        ("POSTCODE", "Enter a full UK postcode, like LA9 4DL, or leave it blank")]
    import_file(mapping, extract([person_row("LAS-2", "Kris", "Nowak", POSTCODE="")], headings), name="next.csv")
    assert Person.objects.get(case_system_id="LAS-2").postcode == "LA8 9JK"
