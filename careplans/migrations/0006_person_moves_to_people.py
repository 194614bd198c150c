"""Person and Representative now belong to the platform's people app (same tables): plans
point at people.Person, and careplans stops owning the models. State only: no table changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('careplans', '0005_review_statements_opt_out'),
        ('people', '0001_initial'),
        # Every other pointer at the old models has moved before they leave careplans' state.
        ('checklist', '0006_person_moves_to_people'),
        ('governance', '0005_person_moves_to_people'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='careplan',
                    name='person',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plans', to='people.person'),
                ),
                migrations.DeleteModel(name='Representative'),
                migrations.DeleteModel(name='Person'),
            ],
            database_operations=[],
        ),
    ]
