"""Case system records for the authorization matrix and the accessibility test."""


def build_casesystem_world(world: dict) -> dict:
    """A mapping and an import run whose refused row is listed, and the person linked."""
    from coproduction.casesystem.demo import LAS_COLUMNS, LAS_NEED_CODES
    from coproduction.casesystem.models import ImportRun, SourceMapping

    team = world["team"]
    mapping = SourceMapping.objects.create(
        name="LAS nightly extract", system="las", columns=LAS_COLUMNS, date_format="%d/%m/%Y",
        need_codes=LAS_NEED_CODES, organisation=team.organisation, scheduled=True,
    )
    run = ImportRun.objects.create(
        mapping=mapping, file_name="las-extract.csv", checksum="0" * 64, scheduled=True, rows=2, created=1, refused=1,
        problems=[[3, "NHS_NUMBER", "The NHS number is not a valid NHS number"]],
    )
    person = world["person"]
    person.case_system_id, person.nhs_number = "LAS-100101", "9434765919"
    person.save(update_fields=["case_system_id", "nhs_number"])
    # Their agreed plan was sent back to the case system: the export settings page lists it.
    from careplans.models import CaseSystemExport

    agreed = person.plans.filter(status="agreed").first()
    if agreed is not None:
        CaseSystemExport.objects.create(plan=agreed, file_name=f"LAS-100101_plan_{agreed.pk}_v{agreed.version}.json")
    return {"case_mapping": mapping, "case_import_run": run}
