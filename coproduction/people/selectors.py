"""Reads of people's records, scoped to who is asking."""

from django.db.models import Q, QuerySet

from coproduction.accounts.models import Role, User

from .models import Person, Representative
from .rules import representing_person_ids


def person_list_visible_to(*, user: User) -> QuerySet[Person]:
    """People this user may open. Keep in step with careplans.rules (view_person), built on coproduction.people.rules."""
    visible = Q(user_id=user.pk) | Q(pk__in=representing_person_ids(user))
    if user.has_role(Role.PRACTITIONER) or user.has_role(Role.TEAM_MANAGER):
        visible |= Q(team_id__in=user.team_ids)
    return Person.objects.filter(visible).select_related("team", "practitioner", "user")


def representative_list_for(*, person: Person) -> QuerySet[Representative]:
    return person.representatives.select_related("user", "recorded_by", "withdrawn_by").order_by("withdrawn_on", "name")


def own_person_record(*, user: User) -> Person | None:
    """The signed-in person's own record: one query, shared by every panel of the request."""
    if not hasattr(user, "_own_person_record"):
        user._own_person_record = Person.objects.filter(user=user).select_related("practitioner", "team").first()
    return user._own_person_record


def represented_people(*, user: User) -> list[Person]:
    """People this user represents now, for their home page: one query per request."""
    if not hasattr(user, "_represented_people"):
        user._represented_people = list(
            Person.objects.filter(representatives__user=user, representatives__withdrawn_on__isnull=True).distinct().order_by("full_name")[:20]
        )
    return user._represented_people
