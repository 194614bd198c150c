from django.db import transaction
from django.utils import timezone

from coproduction.accounts.models import User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .models import Person, Representative

PERSON_FIELDS = [
    "full_name", "preferred_name", "date_of_birth", "pronouns", "communication_needs", "interpreter_language",
    "best_time_and_place", "communication_notes", "capacity", "capacity_assessed_on", "capacity_assessed_by",
    "team", "practitioner", "user",
]


@transaction.atomic
def person_create(*, data: dict, by: User, request=None) -> Person:
    person = Person.objects.create(**{field: data.get(field) for field in PERSON_FIELDS if field in data})
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=person, subject=person.user, request=request)
    return person


@transaction.atomic
def person_update(*, person: Person, data: dict, by: User, request=None) -> Person:
    for field in PERSON_FIELDS:
        if field in data:
            setattr(person, field, data[field])
    person.save()
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=person, subject=person.user, request=request)
    return person


@transaction.atomic
def representative_add(*, person: Person, data: dict, by: User, request=None) -> Representative:
    representative = Representative.objects.create(
        person=person,
        user=data.get("user"),
        name=data["name"],
        relationship=data["relationship"],
        basis=data["basis"],
        basis_notes=data.get("basis_notes", ""),
        recorded_by=by,
    )
    audit_record(
        actor=by, action=AuditEvent.Action.CREATE, obj=representative, subject=person.user, request=request,
        detail=f"representative added: {representative.basis}",
    )
    return representative


@transaction.atomic
def representative_withdraw(*, representative: Representative, by: User, request=None) -> Representative:
    """Consent withdrawn (or the basis ended): their access stops with this commit."""
    if representative.withdrawn_on is None:
        representative.withdrawn_on = timezone.now()
        representative.withdrawn_by = by
        representative.save(update_fields=["withdrawn_on", "withdrawn_by"])
        audit_record(
            actor=by, action=AuditEvent.Action.CHANGE, obj=representative, subject=representative.person.user,
            request=request, detail="representative access withdrawn",
        )
    return representative
