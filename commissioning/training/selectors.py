"""Reads for co-delivered training. Each page reads a fixed number of queries whatever the
number of courses, sessions, co-trainers or bookings."""

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from commissioning.involvement.models import RecognitionRate
from commissioning.models import Programme
from coproduction.accounts.models import Organisation, Role, User

from .models import Audience, Booking, CoTrainer, SessionMaterial, TrainingCourse, TrainingSession


def courses_in_programme(*, programme: Programme) -> QuerySet[TrainingCourse]:
    today = timezone.localdate()
    return (TrainingCourse.objects.filter(programme=programme).select_related("specification")
            .annotate(session_count=Count("sessions", distinct=True),
                      held_count=Count("sessions", filter=Q(sessions__date__lte=today), distinct=True),
                      next_date=Min("sessions__date", filter=Q(sessions__date__gte=today)))
            .order_by("title", "pk"))


def course_or_none(*, programme: Programme, course_id: int) -> TrainingCourse | None:
    return TrainingCourse.objects.select_related("programme", "specification").filter(programme=programme, pk=course_id).first()


def sessions_of(*, course: TrainingCourse) -> QuerySet[TrainingSession]:
    return (TrainingSession.objects.filter(course=course)
            .annotate(booking_count=Count("bookings", distinct=True),
                      attended_count=Count("bookings", filter=Q(bookings__attended=True), distinct=True),
                      co_trainer_count=Count("co_trainers", distinct=True))
            .order_by("date", "pk"))


def session_or_none(*, course: TrainingCourse, session_id: int) -> TrainingSession | None:
    return (TrainingSession.objects.select_related("course__programme", "activity", "feedback_survey")
            .filter(course=course, pk=session_id).first())


def co_trainers_of(*, session: TrainingSession) -> list[CoTrainer]:
    return list(CoTrainer.objects.filter(session=session).select_related("user").order_by("pk"))


def materials_of(*, session: TrainingSession) -> list[SessionMaterial]:
    return list(SessionMaterial.objects.filter(session=session).order_by("pk"))


def material_or_none(*, session: TrainingSession, material_id: int) -> SessionMaterial | None:
    return SessionMaterial.objects.filter(session=session, pk=material_id).first()


def bookings_of(*, session: TrainingSession) -> list[Booking]:
    return list(Booking.objects.filter(session=session).select_related("organisation", "attendee").order_by("pk"))


def co_trainer_candidates(*, programme: Programme) -> QuerySet[User]:
    """People who use services or carers in the programme's group: those who co-deliver."""
    return (User.objects.filter(programme_memberships__programme=programme, programme_memberships__left_on__isnull=True,
                                is_active=True)
            .filter(Q(roles__contains=[Role.PERSON]) | Q(roles__contains=[Role.CARER])).distinct().order_by("full_name", "pk"))


def organisations() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def staff_attendees() -> QuerySet[User]:
    return User.objects.filter(is_active=True).filter(
        Q(roles__contains=[Role.PRACTITIONER]) | Q(roles__contains=[Role.TEAM_MANAGER]) | Q(roles__contains=[Role.COMMISSIONER])
    ).order_by("full_name", "pk")


def _held_before_tender(specification_id: int) -> QuerySet[Booking]:
    return Booking.objects.filter(session__course__specification_id=specification_id, session__date__lte=timezone.localdate(),
                                  attended=True, organisation__isnull=False)


def tender_notes(specification) -> list[tuple[str, list[str], str | None]]:
    """For the specification page: the training held before this tender, and who came (two queries)."""
    courses = list(TrainingCourse.objects.filter(specification=specification).annotate(
        held=Count("sessions", filter=Q(sessions__date__lte=timezone.localdate()), distinct=True),
    ).order_by("pk"))
    if not courses:
        return []
    names = sorted(set(_held_before_tender(specification.pk).values_list("organisation__name", flat=True)))
    held = sum(course.held for course in courses)
    lines = [f"{held} session{'s' if held != 1 else ''} held.",
             f"Organisations attended: {', '.join(names)}." if names else "No organisations have attended yet."]
    if any(course.attendance_required for course in courses):
        lines.append("Bidders’ organisations must have attended before they bid.")
        # The tender's bidders, read through the organisation (so this app names no other sub-app).
        bidders = set(Organisation.objects.filter(panel_bids__panel__specification=specification).values_list("name", flat=True))
        missing = sorted(bidders - set(names))
        if missing:
            lines.append(f"Bidders whose organisation has not attended: {', '.join(missing)}.")
    url = reverse("training:course_detail", kwargs={"programme_id": specification.programme_id, "course_id": courses[0].pk})
    return [("Training held before the tender", lines, url)]


def tender_warnings(programme: Programme) -> list[str]:
    """Tenders due with no training session held for them yet (one query)."""
    today = timezone.localdate()
    courses = (TrainingCourse.objects.filter(programme=programme, specification__isnull=False, tender_due_on__isnull=False)
               .annotate(held=Count("sessions", filter=Q(sessions__date__lte=today)))
               .filter(held=0).select_related("specification").order_by("tender_due_on", "pk"))
    return [f"The tender for “{course.specification.title}” is due on {course.tender_due_on:%-d %B %Y}, "
            f"and no training session has been held for it yet." for course in courses]


def induction_for_home(*, user: User) -> list[TrainingSession]:
    """Induction sessions co-delivered by people who use services, with whether this user came."""
    mine = Booking.objects.filter(session=OuterRef("pk"), attendee=user)
    return list(
        TrainingSession.objects.filter(course__audience=Audience.INDUCTION)
        .annotate(trainers=Count("co_trainers"))
        .filter(trainers__gt=0)
        .annotate(booked=Exists(mine), came=Exists(mine.filter(attended=True)), course_title=F("course__title"))
        .order_by("-date", "pk")[:10]
    )


def evidence_sentence() -> str | None:
    """For the Spectrum of Practice self-assessment (one query)."""
    counts = TrainingSession.objects.filter(date__lte=timezone.localdate()).aggregate(
        held=Count("pk", distinct=True), co_delivered=Count("pk", filter=Q(co_trainers__isnull=False), distinct=True),
        last=Max("date"),
    )
    if not counts["held"]:
        return None
    return (f"Training: {counts['co_delivered']} of {counts['held']} session{'s' if counts['held'] != 1 else ''} held "
            f"were co-delivered by people who use services")


def tenders_in_programme(*, programme: Programme) -> QuerySet:
    """The programme's specifications, which go out as tenders (read through the relation, so this
    app names no other sub-app)."""
    return TrainingCourse._meta.get_field("specification").related_model.objects.filter(programme=programme).order_by("title", "pk")


def surveys_in_programme(*, programme: Programme) -> QuerySet:
    return TrainingSession._meta.get_field("feedback_survey").related_model.objects.filter(programme=programme).order_by("title", "pk")


def trainer_rates() -> QuerySet[RecognitionRate]:
    return RecognitionRate.objects.filter(is_current=True).order_by("name", "pk")
