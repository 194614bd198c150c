"""Who took part before participation snapshots existed: one snapshot per activity participant
already recorded, so "Who took part" counts them. Nobody had an involvement profile yet, so
their equality answers are blank (counted as not answered), as they were at the time."""

from django.db import migrations


def backfill(apps, schema_editor):
    from commissioning.involvement.models.reach import mode_for_kind

    Activity = apps.get_model("commissioning", "Activity")
    Participation = apps.get_model("involvement", "Participation")
    links = Activity.participants.through.objects.select_related("activity", "groupmember").iterator(chunk_size=2000)
    batch = []
    for link in links:
        activity = link.activity
        batch.append(Participation(
            activity_id=activity.pk, programme_id=activity.programme_id, user_id=link.groupmember.user_id,
            mode=mode_for_kind(activity.kind), took_part_on=activity.happened_on or activity.created_at.date(),
        ))
        if len(batch) >= 2000:
            Participation.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Participation.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("involvement", "0001_initial")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
