"""Demo data for co-delivered training, for `manage.py seed_demo`. Idempotent: training about
co-production for providers before the day opportunities tender, co-delivered by Al and paid at
the co-trainer rate through the ledger, with a past session three providers booked and two came
to, feedback through the day service survey, and a coming session. And an induction session Al
co-delivered that Tom, a new practitioner, came to, which shows on his home page."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.involvement.models import RecognitionRate
from commissioning.models import Programme
from coproduction.accounts.models import Organisation, User
from coproduction.core.demo import demo_day, demo_seeder

from . import services
from .models import Audience, TrainingCourse, TrainingSession

PROVIDER_TRAINING = "Co-production and personalisation for providers"
INDUCTION = "Welcome to adult social care: doing with, not doing to"
PROVIDERS = ["Riverside Support Ltd", "Bright Days CIC", "Northside Community Care"]


def _session(course, by, day, **extra):
    return services.session_create(course=course, by=by, data={
        "date": day, "times": "10am to 12:30pm", "format": TrainingSession.Format.IN_PERSON,
        "place": "Community Room, Central Library, Market Street", "accessibility": "Step-free entrance, hearing loop, Easy Read handouts.",
        "materials": "The care and support planning statements, in Easy Read words, and Al's own story of planning his support.",
        **extra,
    })


@transaction.atomic
@demo_seeder(146)
def seed_training_demo() -> None:
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if programme is None or TrainingCourse.objects.filter(programme=programme).exists():
        return
    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    priya, al, tom = users["commissioner@demo.example"], users["person@demo.example"], users["practitioner@demo.example"]
    rate, _ = RecognitionRate.objects.get_or_create(name="Co-trainer", defaults={"unit": "hour", "amount": Decimal("22.00"), "set_by": priya})
    specification = programme.specifications.order_by("pk").first()
    survey = programme.surveys.order_by("pk").first()
    course = services.course_create(programme=programme, by=priya, data={
        "title": PROVIDER_TRAINING, "audience": Audience.PROVIDERS, "specification": specification,
        "topic": "What co-production and personalisation mean for a day service, told by people who use one. For local "
                 "providers before the day opportunities tender goes out.",
        "tender_due_on": demo_day(timezone.localdate() + datetime.timedelta(days=45)), "attendance_required": True,
        # Planning that is about the whole life, creative, and with the information people need.
        "statement_numbers": [2, 3, 5, 7],
    })
    held = _session(course, priya, demo_day(timezone.localdate() - datetime.timedelta(days=12), earlier=True), feedback_survey=survey)
    services.co_trainer_add(session=held, user=al, delivery_hours=Decimal("2.5"), preparation_hours=Decimal("2"), rate=rate, by=priya)
    bookings = []
    for name in PROVIDERS:
        organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": Organisation.Kind.PROVIDER})
        bookings.append(services.booking_add(session=held, organisation=organisation, places=2, by=priya))
    services.attendance_record(session=held, attended_ids={booking.pk for booking in bookings[:2]}, by=priya)
    coming = _session(course, priya, demo_day(timezone.localdate() + datetime.timedelta(days=16)))
    services.co_trainer_add(session=coming, user=al, delivery_hours=Decimal("2.5"), preparation_hours=Decimal("1"), rate=None, by=priya)

    induction = services.course_create(programme=programme, by=priya, data={
        "title": INDUCTION, "audience": Audience.INDUCTION,
        "topic": "People who use services tell new staff what good support feels like, and what it feels like when it is done to them.",
        "statement_numbers": [1, 4, 5, 6],
    })
    session = _session(induction, priya, demo_day(timezone.localdate() - datetime.timedelta(days=30), earlier=True))
    services.co_trainer_add(session=session, user=al, delivery_hours=Decimal("1.5"), preparation_hours=Decimal("1"), rate=rate, by=priya)
    booking = services.booking_add(session=session, attendee=tom, by=priya)
    services.attendance_record(session=session, attended_ids={booking.pk}, by=priya)
