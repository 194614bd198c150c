from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .models import CarePlan, Person


def _person_panel(user: User) -> dict:
    return {"person": Person.objects.filter(user=user).select_related("practitioner").first()}


def _carer_panel(user: User) -> dict:
    people = Person.objects.filter(
        representatives__user=user, representatives__withdrawn_on__isnull=True
    ).distinct().order_by("full_name")
    return {"people": list(people[:20])}


def _caseload_panel(user: User) -> dict:
    # Both counts in one query, counted in SQL.
    overdue_plans = CarePlan.objects.filter(
        person=OuterRef("pk"), status=CarePlan.Status.AGREED, review_due__lt=timezone.localdate()
    )
    return Person.objects.filter(team_id__in=user.team_ids).aggregate(
        team=Count("id"),
        mine=Count("id", filter=Q(practitioner=user)),
        overdue=Count("id", filter=Q(Exists(overdue_plans))),
    )


register_home_panel(roles=[Role.PERSON], template="careplans/partials/_home_person.html", context=_person_panel, order=10)
register_home_panel(roles=[Role.CARER], template="careplans/partials/_home_carer.html", context=_carer_panel, order=10)
register_home_panel(
    roles=[Role.PRACTITIONER, Role.TEAM_MANAGER], template="careplans/partials/_home_caseload.html", context=_caseload_panel, order=10
)
