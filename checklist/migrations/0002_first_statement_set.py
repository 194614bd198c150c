"""The first statement set: the care-and-support-planning statements as Shropshire Council
publishes them, attributed to TLAP. Not yet checked against the TLAP guide itself, so it is
published as unchecked: an administrator can publish a corrected version from the council's
own copy of the guide, and ratings keep the version they were made against."""

from django.db import migrations

from checklist.first_statements import publish_first_statement_set


def publish(apps, schema_editor):
    publish_first_statement_set(apps.get_model("checklist", "StatementSet"), apps.get_model("checklist", "Statement"))


class Migration(migrations.Migration):
    dependencies = [("checklist", "0001_initial")]

    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
