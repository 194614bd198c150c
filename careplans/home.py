from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .models import CarePlan
from coproduction.people.models import Person
from coproduction.people.selectors import own_person_record, represented_people


def _person_panel(user: User) -> dict:
    return {"person": own_person_record(user=user)}


def _carer_panel(user: User) -> dict:
    return {"people": represented_people(user=user)}


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
