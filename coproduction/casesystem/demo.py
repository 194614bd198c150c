"""The demo's case management system: a mapping for a typical Liquidlogic LAS extract, and a
sample extract (demo_files/las-extract.csv) imported once, linking the demo people to their
case system ids and adding more people and an East Adults Team."""

from pathlib import Path

from coproduction.core.demo import demo_seeder

DEMO_EXTRACT = Path(__file__).parent / "demo_files" / "las-extract.csv"
DEMO_MAPPING = "Liquidlogic LAS nightly extract"
LAS_COLUMNS = {
    "person_id": "PERSON_ID", "given_name": "FORENAME", "family_name": "SURNAME", "preferred_name": "KNOWN_AS",
    "date_of_birth": "DOB", "nhs_number": "NHS_NUMBER", "team_id": "TEAM_CODE", "team_name": "TEAM_NAME",
    "worker_email": "ALLOCATED_WORKER_EMAIL", "communication_needs": "COMM_NEEDS", "interpreter_language": "INTERPRETER_LANG",
    "postcode": "POSTCODE",
}
LAS_NEED_CODES = {"EASY": "easy_read", "LP": "large_print", "BSL": "bsl", "INT": "interpreter", "LOOP": "hearing_loop", "ADV": "support_person"}
# The demo people already on Tom's caseload, as the case system knows them.
DEMO_CASE_IDS = {
    "Alan Marsh": "LAS-100101", "Rosa Benedetti": "LAS-100102", "Edith Clarke": "LAS-100103",
    "Bashir Rahman": "LAS-100104", "Carys Evans": "LAS-100105", "Li Wei": "LAS-100106",
}


@demo_seeder(15)
def seed_case_system_demo() -> None:
    from coproduction.accounts.models import Organisation
    from coproduction.people.models import Person

    from . import importing
    from .models import ImportRun, SourceMapping

    mapping, _ = SourceMapping.objects.get_or_create(
        name=DEMO_MAPPING,
        defaults={
            "system": "las", "columns": LAS_COLUMNS, "date_format": "%d/%m/%Y", "needs_separator": ";",
            "need_codes": LAS_NEED_CODES, "organisation": Organisation.objects.get(name="Demo Council"), "scheduled": True,
        },
    )
    for full_name, case_id in DEMO_CASE_IDS.items():
        Person.objects.filter(full_name=full_name, case_system_id="").exclude(
            pk__in=Person.objects.filter(case_system_id=case_id).values("pk")
        ).update(case_system_id=case_id)
    data = DEMO_EXTRACT.read_bytes()
    if ImportRun.objects.filter(checksum=importing.checksum(data)).exists():
        return
    run = ImportRun(file_name=DEMO_EXTRACT.name, checksum=importing.checksum(data), scheduled=True)
    importing.import_checked(dry_run=importing.check_file(data, mapping), mapping=mapping, run=run)
