"""The person record and their representatives move from careplans to the platform.

Only Django's idea of which app owns them changes: the tables, their rows, indexes and
constraints stay exactly as they are (careplans_person, careplans_representative)."""

import django.contrib.postgres.fields
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _move_content_types(apps, schema_editor):
    # Audit entries, report jobs and consents point at content types: keep them pointing at
    # the same records by moving the existing types rather than leaving new empty ones.
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("person", "representative"):
        if not ContentType.objects.filter(app_label="people", model=model).exists():
            ContentType.objects.filter(app_label="careplans", model=model).update(app_label="people")


def _restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("person", "representative"):
        if not ContentType.objects.filter(app_label="careplans", model=model).exists():
            ContentType.objects.filter(app_label="people", model=model).update(app_label="careplans")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0002_user_user_name_idx'),
        ('careplans', '0005_review_statements_opt_out'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Person',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('full_name', models.CharField(max_length=200)),
                        ('preferred_name', models.CharField(blank=True, max_length=100)),
                        ('date_of_birth', models.DateField(blank=True, null=True)),
                        ('pronouns', models.CharField(blank=True, max_length=50)),
                        ('communication_needs', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('easy_read', 'Easy Read'), ('large_print', 'Large print'), ('bsl', 'British Sign Language (BSL)'), ('interpreter', 'An interpreter for another language'), ('hearing_loop', 'A hearing loop'), ('support_person', 'Someone I trust with me')], max_length=20), blank=True, default=list, size=None)),
                        ('interpreter_language', models.CharField(blank=True, max_length=100)),
                        ('best_time_and_place', models.TextField(blank=True)),
                        ('communication_notes', models.TextField(blank=True)),
                        ('capacity', models.CharField(choices=[('has', 'Has capacity to make care-planning decisions'), ('lacks', 'Lacks capacity to make care-planning decisions'), ('not_assessed', 'Not assessed')], default='not_assessed', max_length=20)),
                        ('capacity_assessed_on', models.DateField(blank=True, null=True)),
                        ('capacity_assessed_by', models.CharField(blank=True, max_length=200)),
                        ('review_statements_opt_out', models.BooleanField(default=False)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('practitioner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='caseload', to=settings.AUTH_USER_MODEL)),
                        ('team', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='people', to='accounts.team')),
                        ('user', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='person_record', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'careplans_person',
                        'ordering': ['full_name', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Representative',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200)),
                        ('relationship', models.CharField(choices=[('carer', 'Carer'), ('family', 'Family member'), ('friend', 'Friend'), ('advocate', 'Advocate'), ('other', 'Other')], max_length=20)),
                        ('basis', models.CharField(choices=[('consent', 'The person has agreed to them seeing their plan'), ('best_interests', 'The person lacks capacity: involved in their best interests'), ('legal_authority', 'Lasting power of attorney or a court-appointed deputy')], max_length=20)),
                        ('basis_notes', models.TextField(blank=True)),
                        ('recorded_on', models.DateTimeField(default=django.utils.timezone.now)),
                        ('withdrawn_on', models.DateTimeField(blank=True, null=True)),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='representatives', to='people.person')),
                        ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='representatives_recorded', to=settings.AUTH_USER_MODEL)),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='representing', to=settings.AUTH_USER_MODEL)),
                        ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'careplans_representative',
                        'ordering': ['name', 'id'],
                    },
                ),
                migrations.AddIndex(
                    model_name='person',
                    index=models.Index(fields=['team', 'full_name', 'id'], name='person_team_name_idx'),
                ),
                migrations.AddIndex(
                    model_name='person',
                    index=models.Index(fields=['practitioner', 'full_name', 'id'], name='person_worker_name_idx'),
                ),
                migrations.AddIndex(
                    model_name='representative',
                    index=models.Index(condition=models.Q(('withdrawn_on__isnull', True)), fields=['user'], name='rep_active_user_idx'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(_move_content_types, _restore_content_types),
    ]
