"""Access review: who read or changed a person's record (the person, their plans and
reviews), from the audit trail. One query for the page, whatever the size of the trail."""

from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from coproduction.audit.models import AuditEvent


def access_events_for_person(*, person, date_from: date | None = None, date_to: date | None = None) -> QuerySet[AuditEvent]:
    from careplans.models import CarePlan, Review
    from coproduction.people.models import Person

    types = ContentType.objects.get_for_models(Person, CarePlan, Review)  # cached per process
    plan_ids = CarePlan.objects.filter(person=person).annotate(key=Cast("pk", CharField())).values("key")
    review_ids = Review.objects.filter(plan__person=person).annotate(key=Cast("pk", CharField())).values("key")
    events = AuditEvent.objects.select_related("actor", "target_type").filter(
        Q(target_type=types[Person], target_id=str(person.pk))
        | Q(target_type=types[CarePlan], target_id__in=plan_ids)
        | Q(target_type=types[Review], target_id__in=review_ids)
    )
    tz = timezone.get_current_timezone()
    if date_from:
        events = events.filter(at__gte=datetime.combine(date_from, time.min, tzinfo=tz))
    if date_to:
        events = events.filter(at__lte=datetime.combine(date_to, time.max, tzinfo=tz))
    return events.order_by("-at", "-id")
