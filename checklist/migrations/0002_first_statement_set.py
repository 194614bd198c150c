"""The first statement set: the care-and-support-planning statements as Shropshire Council
publishes them, attributed to TLAP. Not yet checked against the TLAP guide itself, so it is
published as unchecked: an administrator can publish a corrected version from the council's
own copy of the guide, and ratings keep the version they were made against."""

from django.db import migrations

from checklist.first_statements import NOTES, SOURCE, SOURCE_URL, STATEMENTS, TITLE


def publish(apps, schema_editor):
    StatementSet = apps.get_model("checklist", "StatementSet")
    Statement = apps.get_model("checklist", "Statement")
    if StatementSet.objects.exists():
        return
    statement_set = StatementSet.objects.create(
        version=1,
        title=TITLE,
        source=SOURCE,
        source_url=SOURCE_URL,
        wording_checked=False,
        notes=NOTES,
    )
    Statement.objects.bulk_create(
        Statement(statement_set=statement_set, number=number, part=part, wording=wording, plain_wording=plain)
        for number, part, wording, plain in STATEMENTS
    )


class Migration(migrations.Migration):
    dependencies = [("checklist", "0001_initial")]

    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
