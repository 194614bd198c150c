"""Consents and erasure requests now point at the platform's people app (same tables, so
state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0004_evidence_stories'),
        ('people', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='consent',
                    name='person',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='consents', to='people.person'),
                ),
                migrations.AlterField(
                    model_name='consent',
                    name='representative',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='consents', to='people.representative'),
                ),
                migrations.AlterField(
                    model_name='erasurerequest',
                    name='person',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='erasure_requests', to='people.person'),
                ),
            ],
            database_operations=[],
        ),
    ]
