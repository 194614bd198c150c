"""Query budgets for the training pages, the same after the data grows tenfold."""

import datetime

from django.urls import reverse

from commissioning.training import services
from commissioning.training.models import Audience, TrainingSession
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory
from tests.harness.queries import assert_fixed_queries


def _course(programme, commissioner):
    return services.course_create(programme=programme, by=commissioner, data={
        "title": "Co-production for providers", "topic": "Co-production.", "audience": Audience.PROVIDERS, "statement_numbers": [1]})


def _grow_session(course, commissioner, times):
    session = services.session_create(course=course, by=commissioner, data={
        "date": datetime.date(2026, 1, 5), "times": "10am", "format": TrainingSession.Format.ONLINE, "place": "Online"})
    for _ in range(times):
        services.co_trainer_add(session=session, user=UserFactory(roles=["person"]), delivery_hours=2, preparation_hours=1,
                                rate=None, by=commissioner)
        services.booking_add(session=session, organisation=OrganisationFactory(), by=commissioner)
    return session


def test_the_training_list_costs_the_same_with_ten_times_the_courses(client_as, programme, commissioner, person):
    def grow(times):
        for _ in range(times):
            _grow_session(_course(programme, commissioner), commissioner, 1)

    grow(1)
    client = client_as(person)
    # the programme, the person's programmes (for the rule), the courses with their counts
    assert_fixed_queries(lambda: client.get(reverse("training:course_list", args=[programme.pk])), budget=3, grow=lambda: grow(10))


def test_a_course_and_its_session_cost_the_same_with_ten_times_the_sessions_trainers_and_bookings(client_as, programme, commissioner):
    course = _course(programme, commissioner)
    session = _grow_session(course, commissioner, 1)
    client = client_as(commissioner)
    # the two-factor device, the programme, the group check, the course, the statements it covers, the sessions
    assert_fixed_queries(lambda: client.get(reverse("training:course_detail", args=[programme.pk, course.pk])), budget=6,
                         grow=lambda: [_grow_session(course, commissioner, 1) for _ in range(10)])
    url = reverse("training:session_detail", args=[programme.pk, course.pk, session.pk])
    # the two-factor device, the programme, the group check, the course, the session, co-trainers, bookings, materials,
    # the statements it uses as material
    assert_fixed_queries(lambda: client.get(url), budget=9, grow=lambda: [
        services.booking_add(session=session, organisation=OrganisationFactory(), by=commissioner) for _ in range(10)])
