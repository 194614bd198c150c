"""Access review: who read or changed a person's record (the person, their plans and
reviews), from the audit trail. One query for the page, whatever the size of the trail."""

from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from coproduction.audit.models import AuditEvent


def people_to_review() -> QuerySet:
    """People's records with their accounts: the page names the person and audits the read against them."""
    from coproduction.people.models import Person

    return Person.objects.select_related("user")


def access_events_for_person(*, person, date_from: date | None = None, date_to: date | None = None) -> QuerySet[AuditEvent]:
    from coproduction.people.models import Person
    from coproduction.people.records import person_records

    condition = Q(target_type=ContentType.objects.get_for_model(Person), target_id=str(person.pk))  # cached per process
    for record in person_records(access_review_only=True):  # the person's plans and reviews
        ids = record.model._default_manager.filter(**{record.person_path: person}).annotate(key=Cast("pk", CharField())).values("key")
        condition |= Q(target_type=ContentType.objects.get_for_model(record.model), target_id__in=ids)
    events = AuditEvent.objects.select_related("actor", "target_type").filter(condition)
    tz = timezone.get_current_timezone()
    if date_from:
        events = events.filter(at__gte=datetime.combine(date_from, time.min, tzinfo=tz))
    if date_to:
        events = events.filter(at__lte=datetime.combine(date_to, time.max, tzinfo=tz))
    return events.order_by("-at", "-id")
