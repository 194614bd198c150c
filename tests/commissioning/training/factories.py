import datetime

import factory
from factory.django import DjangoModelFactory

from commissioning.models import ActivityKind
from commissioning.training.models import Audience, Booking, CoTrainer, SessionMaterial, TrainingCourse, TrainingSession
from tests.commissioning.factories import ActivityFactory, ProgrammeFactory
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory


class TrainingCourseFactory(DjangoModelFactory):
    class Meta:
        model = TrainingCourse

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Co-production and personalisation for providers {n}")
    topic = "What co-production and personalisation mean, told by people who use day services."
    audience = Audience.PROVIDERS
    created_by = factory.LazyAttribute(lambda course: course.programme.lead)


class TrainingSessionFactory(DjangoModelFactory):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(TrainingCourseFactory)
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..course.programme"), kind=ActivityKind.TRAINING,
        title=factory.Sequence(lambda n: f"Training session {n}"),
    )
    date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=7))
    times = "10am to 12:30pm"
    format = TrainingSession.Format.IN_PERSON
    place = "Community Room, Central Library"
    accessibility = "Step-free entrance, hearing loop, Easy Read handouts."
    created_by = factory.LazyAttribute(lambda session: session.course.created_by)


class CoTrainerFactory(DjangoModelFactory):
    class Meta:
        model = CoTrainer

    session = factory.SubFactory(TrainingSessionFactory)
    user = factory.SubFactory(UserFactory, roles=["person"])
    delivery_hours = "2.50"
    preparation_hours = "1.50"
    added_by = factory.LazyAttribute(lambda co_trainer: co_trainer.session.created_by)


class BookingFactory(DjangoModelFactory):
    class Meta:
        model = Booking

    session = factory.SubFactory(TrainingSessionFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    places = 2
    booked_by = factory.LazyAttribute(lambda booking: booking.session.created_by)


class SessionMaterialFactory(DjangoModelFactory):
    class Meta:
        model = SessionMaterial

    session = factory.SubFactory(TrainingSessionFactory)
    title = factory.Sequence(lambda n: f"Slides {n}")
    file = factory.django.FileField(filename="slides.pdf", data=b"%PDF-1.7\n%slides\n")
    file_type = "pdf"
    uploaded_by = factory.LazyAttribute(lambda material: material.session.created_by)
