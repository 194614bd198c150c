"""Participation snapshots follow Activity.participants however it is changed (a workshop's
attendance, a panel's members, the activity form), so no app has to remember to take one."""

from django.db.models.signals import m2m_changed

from commissioning.models import Activity


def _participants_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    from . import services

    if action == "post_add" and pk_set:
        if reverse:  # member.activities.add(activity, ...)
            for activity in Activity.objects.filter(pk__in=pk_set):
                services.participation_snapshot(activity=activity, member_ids=[instance.pk])
        else:
            services.participation_snapshot(activity=instance, member_ids=pk_set)
    elif action == "post_remove" and pk_set:
        if reverse:
            services.participation_forget(activity_ids=pk_set, member_ids=[instance.pk])
        else:
            services.participation_forget(activity_ids=[instance.pk], member_ids=pk_set)
    elif action == "pre_clear":
        if reverse:
            activity_ids = list(instance.activities.values_list("pk", flat=True))
            services.participation_forget(activity_ids=activity_ids, member_ids=[instance.pk])
        else:
            services.participation_forget(activity_ids=[instance.pk])


def connect() -> None:
    m2m_changed.connect(_participants_changed, sender=Activity.participants.through, dispatch_uid="involvement_snapshots")
