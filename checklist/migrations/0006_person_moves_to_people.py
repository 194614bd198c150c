"""A checklist's person and representative now point at the platform's people app (same
tables, so state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('checklist', '0005_review_questions'),
        ('people', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='checklist',
                    name='person',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='checklists', to='people.person'),
                ),
                migrations.AlterField(
                    model_name='checklist',
                    name='representative',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='checklists', to='people.representative'),
                ),
            ],
            database_operations=[],
        ),
    ]
