from coproduction.people.selectors import own_person_record, represented_people
from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .models import Checklist, Perspective
from .selectors import open_rounds_for_person


def _person_panel(user: User) -> dict:
    person = own_person_record(user=user)
    checklists = list(Checklist.objects.filter(entered_by=user, person=person, perspective=Perspective.PERSON, part="planning").order_by("-started_at")[:5]) if person else []
    return {
        "person": person,
        "draft": next((c for c in checklists if not c.is_submitted), None),
        "sent": next((c for c in checklists if c.is_submitted), None),
        "rounds": open_rounds_for_person(person=person),
    }


def _carer_panel(user: User) -> dict:
    return {"people": represented_people(user=user)}


def _practitioner_panel(user: User) -> dict:
    return {"drafts": list(Checklist.objects.filter(entered_by=user, submitted_at__isnull=True).select_related("person").order_by("-started_at")[:5])}


register_home_panel(roles=[Role.PERSON], template="checklist/partials/_home_person.html", context=_person_panel, order=20)
register_home_panel(roles=[Role.CARER], template="checklist/partials/_home_carer.html", context=_carer_panel, order=20)
register_home_panel(roles=[Role.PRACTITIONER], template="checklist/partials/_home_practitioner.html", context=_practitioner_panel, order=20)
register_home_panel(roles=[Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE], template="checklist/partials/_home_manager.html",
                    context=lambda user: {"can_view_goals": user.has_perm("checklist.view_goals")}, order=5)
