"""Who took part in an activity. Commissioning's core records it; an app that keeps something
about each participant (involvement's equality snapshot) registers what happens when people are
added or taken off, in its AppConfig.ready, so the core and the other apps never import it."""

from collections.abc import Callable

from .models import Activity, GroupMember

# Each called as hook(activity=..., member_ids=...) for the members just added.
_on_added: list[Callable[..., object]] = []
# Each called as hook(activity_ids=[...], member_ids=...) for the members just taken off.
_on_removed: list[Callable[..., object]] = []


def _register_once(hooks: list, hook: Callable) -> Callable:
    if hook not in hooks:
        hooks.append(hook)
    return hook


def on_participants_added(hook: Callable[..., object]) -> Callable[..., object]:
    return _register_once(_on_added, hook)


def on_participants_removed(hook: Callable[..., object]) -> Callable[..., object]:
    return _register_once(_on_removed, hook)


def _member_ids(members) -> set[int]:
    return {getattr(member, "pk", member) for member in members}


def activity_participants_set(*, activity: Activity, members) -> None:
    """Record exactly who took part in an activity (group members or their ids): newcomers'
    equality answers are snapshotted as they are now, and anyone taken off loses theirs."""
    wanted = _member_ids(members)
    current = set(activity.participants.values_list("pk", flat=True))
    if current - wanted:
        activity.participants.remove(*(current - wanted))
        for hook in _on_removed:
            hook(activity_ids=[activity.pk], member_ids=current - wanted)
    if wanted - current:
        activity.participants.add(*(wanted - current))
        for hook in _on_added:
            hook(activity=activity, member_ids=wanted - current)


def activity_attendance_record(*, activity: Activity, came_user_ids: list[int], happened_on) -> None:
    """Who came to a meeting that is an activity (a monitoring meeting, a network's meeting): the
    programme's group members among them take part in it; anyone else is counted, unnamed."""
    group = list(GroupMember.objects.filter(programme_id=activity.programme_id, user_id__in=came_user_ids))
    activity_participants_set(activity=activity, members=group)
    activity.others_taking_part = len(came_user_ids) - len(group)
    activity.happened_on = happened_on
    activity.save(update_fields=["others_taking_part", "happened_on"])


def activity_participants_add(*, activity: Activity, members) -> None:
    """Add people to those who took part, snapshotting their equality answers as they are now
    (someone already there keeps the snapshot taken when they were first added)."""
    added = _member_ids(members)
    if added:
        activity.participants.add(*added)
        for hook in _on_added:
            hook(activity=activity, member_ids=added)


def group_member_takes_part(*, activity: Activity, user) -> None:
    """Someone given a place on a panel takes part in its activity when they are a current member
    of the programme's group, so the programme's reach figures count them like any other
    activity's participants. Staff from outside the group are not counted."""
    member = GroupMember.objects.filter(programme_id=activity.programme_id, user=user, left_on__isnull=True).first()
    if member is not None:
        activity_participants_add(activity=activity, members=[member])
