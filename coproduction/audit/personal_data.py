from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from coproduction.core.personal_data import register

from .models import AuditEvent


def _about_person_records(subject):
    """Events whose target is the person's record or a record hanging off it. Events about a
    person with an account also carry them as `subject`; this finds the rest (no account, or
    written before the account was linked)."""
    if subject.person is None:
        return None
    from coproduction.people.models import Person
    from coproduction.people.records import person_records

    person = subject.person
    condition = Q(target_type=ContentType.objects.get_for_model(Person), target_id=str(person.pk))
    for record in person_records():
        ids = record.model._default_manager.filter(**{record.person_path: person.pk}).annotate(as_text=Cast("pk", CharField())).values("as_text")
        condition |= Q(target_type=ContentType.objects.get_for_model(record.model), target_id__in=ids)
    return condition


register(
    AuditEvent,
    title="Who has seen or changed your records, and what you did",
    user_paths=["subject", "actor"],
    subject_filter=_about_person_records,
    fields=[
        ("When", "at"),
        ("Who", "actor__full_name"),
        ("What", "action"),
        ("Record", "target_type__name"),
        ("About", "subject__full_name"),
        ("From address", "ip_address"),
    ],
    order_by=["-at", "-id"],
    limit=1000,  # about 50 pages; the complete trail comes with a subject access request
    explanation="Every time someone opens or changes a record about you, the service writes it down here.",
)
