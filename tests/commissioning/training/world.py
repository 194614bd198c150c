"""Training records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py and the specifications world.

world["training_course"]: training for providers before world["specification"]'s tender, in
world["programme"]. world["training_session"]: a past session of it, with the PERSON user as
co-trainer, an organisation's booking marked as attended and a PDF handout (world["training_material"])."""

import datetime

from django.core.files.base import ContentFile

from commissioning.training import services
from commissioning.training.models import Audience, TrainingSession
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import OrganisationFactory


def build_training_world(world: dict) -> dict:
    users = world["users"]
    commissioner = users[Role.COMMISSIONER]
    course = services.course_create(programme=world["programme"], by=commissioner, data={
        "title": "Co-production for providers", "topic": "What co-production means, told by people who use services.",
        "audience": Audience.PROVIDERS, "specification": world["specification"], "tender_due_on": datetime.date(2026, 9, 1),
        "attendance_required": True, "statement_numbers": [1, 2],
    })
    session = services.session_create(course=course, by=commissioner, data={
        "date": datetime.date(2026, 6, 2), "times": "10am to 12:30pm", "format": TrainingSession.Format.IN_PERSON,
        "place": "Central Library", "accessibility": "Step-free, hearing loop", "materials": "", "feedback_survey": world["survey"],
    })
    services.co_trainer_add(session=session, user=users[Role.PERSON], delivery_hours=2, preparation_hours=1, rate=None, by=commissioner)
    booking = services.booking_add(session=session, organisation=OrganisationFactory(name="Brightday Support"), by=commissioner)
    services.attendance_record(session=session, attended_ids={booking.pk}, by=commissioner)
    material = services.material_add(session=session, title="Slides", file=ContentFile(b"%PDF-1.7\n%slides\n", name="slides.pdf"),
                                     file_type="pdf", by=commissioner)
    return {"training_course": course, "training_session": session, "training_material": material}
