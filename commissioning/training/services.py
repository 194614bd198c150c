"""Writes for co-delivered training: courses, sessions (each one an activity in the programme, so
co-trainers claim against it in the involvement ledger), co-trainers, bookings and attendance."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from commissioning.involvement.models import ClaimCategory, RecognitionRate
from commissioning.involvement.services import claim_enter
from commissioning.models import ActivityKind, LadderRung, Programme
from commissioning.services import activity_record, stage_for_activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.practice_statements import practice_statements

from .models import Booking, CoTrainer, SessionMaterial, TrainingCourse, TrainingSession

CREATE, CHANGE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE


@transaction.atomic
def course_create(*, programme: Programme, data: dict, by, request=None) -> TrainingCourse:
    specification = data.get("specification")
    if specification is not None and specification.programme_id != programme.pk:
        raise ValidationError({"specification": "Choose a tender from this programme"})
    published = {statement.number for statement in practice_statements()}
    numbers = sorted(set(data.get("statement_numbers") or ()))
    if published and not numbers:
        raise ValidationError({"statement_numbers": "Select the statements the training covers"})
    if not set(numbers) <= published:
        raise ValidationError({"statement_numbers": "Select statements from the list"})
    data = {**data, "statement_numbers": numbers}
    course = TrainingCourse.objects.create(programme=programme, created_by=by, **data)
    audit_record(actor=by, action=CREATE, obj=course, request=request)
    return course


@transaction.atomic
def session_create(*, course: TrainingCourse, data: dict, by, request=None) -> TrainingSession:
    survey = data.get("feedback_survey")
    if survey is not None and survey.programme_id != course.programme_id:
        raise ValidationError({"feedback_survey": "Choose a survey from this programme"})
    date = data["date"]
    activity = activity_record(programme=course.programme, by=by, data={
        "kind": ActivityKind.TRAINING, "title": f"{course.title}, {date:%-d %B %Y}", "stage": stage_for_activity(programme=course.programme, kind=ActivityKind.TRAINING),
        "happened_on": date if date <= timezone.localdate() else None, "ladder_rung": LadderRung.CO_PRODUCING,
        "summary": course.topic[:2000],
    })
    session = TrainingSession.objects.create(course=course, activity=activity, created_by=by, **data)
    audit_record(actor=by, action=CREATE, obj=session, request=request)
    return session


@transaction.atomic
def co_trainer_add(*, session: TrainingSession, user, delivery_hours: Decimal, preparation_hours: Decimal,
                   rate: RecognitionRate | None, by, request=None) -> CoTrainer:
    """Adds a co-trainer; with a rate, their delivery and preparation time go into the ledger as
    one payment claim at the council's trainer rate, waiting for approval like any other."""
    if CoTrainer.objects.filter(session=session, user=user).exists():
        raise ValidationError({"user": f"{user.display_name} is already a co-trainer for this session"})
    try:
        with transaction.atomic():
            co_trainer = CoTrainer.objects.create(session=session, user=user, delivery_hours=delivery_hours,
                                                  preparation_hours=preparation_hours, added_by=by)
    except IntegrityError:
        raise ValidationError({"user": f"{user.display_name} is already a co-trainer for this session"}) from None
    if rate is not None:
        hours = delivery_hours + preparation_hours
        claim_enter(
            by=by, claimant=user, activity=session.activity, category=ClaimCategory.PAYMENT, amount=hours * rate.amount,
            rate=rate, units=hours, request=request,
            description=f"Co-delivering training: {delivery_hours} hours delivering and {preparation_hours} hours preparing",
        )
    audit_record(actor=by, action=CREATE, obj=co_trainer, subject=user, request=request, detail="co-trainer added")
    return co_trainer


@transaction.atomic
def booking_add(*, session: TrainingSession, organisation=None, attendee=None, places: int = 1, by, request=None) -> Booking:
    if (organisation is None) == (attendee is None):
        raise ValidationError({"organisation": "Select an organisation or a member of staff, not both"})
    duplicate = Booking.objects.filter(session=session)
    if organisation is not None and duplicate.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": f"{organisation.name} has already booked this session"})
    if attendee is not None and duplicate.filter(attendee=attendee).exists():
        raise ValidationError({"attendee": f"{attendee.display_name} is already booked on this session"})
    try:
        with transaction.atomic():
            booking = Booking.objects.create(session=session, organisation=organisation, attendee=attendee, places=places, booked_by=by)
    except IntegrityError:
        raise ValidationError({"organisation": "This place is already booked"}) from None
    audit_record(actor=by, action=CREATE, obj=booking, subject=attendee, request=request)
    return booking


@transaction.atomic
def attendance_record(*, session: TrainingSession, attended_ids: set[int], by, request=None) -> TrainingSession:
    if session.date > timezone.localdate():
        raise ValidationError({"attended": "You can record who came once the session has happened"})
    known = set(session.bookings.values_list("pk", flat=True))
    if not set(attended_ids) <= known:
        raise ValidationError({"attended": "Select bookings for this session"})
    session.bookings.filter(pk__in=attended_ids).update(attended=True)
    session.bookings.exclude(pk__in=attended_ids).update(attended=False)
    session.attendance_recorded_at = timezone.now()
    session.save(update_fields=["attendance_recorded_at"])
    if session.activity.happened_on is None:
        session.activity.happened_on = session.date
        session.activity.save(update_fields=["happened_on"])
    audit_record(actor=by, action=CHANGE, obj=session, request=request, detail=f"attendance recorded: {len(attended_ids)} came")
    return session


@transaction.atomic
def material_add(*, session: TrainingSession, title: str, file, file_type: str, by, request=None) -> SessionMaterial:
    material = SessionMaterial.objects.create(session=session, title=title, file=file, file_type=file_type, uploaded_by=by)
    audit_record(actor=by, action=CREATE, obj=material, request=request)
    return material
