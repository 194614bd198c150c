"""Co-delivered training: a commissioner plans training for providers before a tender, people who
use services co-deliver it and are paid for their delivery and preparation through the ledger,
organisations book and attend, the specification says who came, the programme warns when a
tender is due with no training held, and a practitioner sees their induction on their home page."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commissioning.involvement.models import Claim, ClaimCategory
from commissioning.training import services
from commissioning.training.models import Audience, Booking, CoTrainer, SessionMaterial, TrainingCourse, TrainingSession
from coproduction.accounts.models import Role
from tests.commissioning.coassessment.factories import SurveyFactory
from tests.commissioning.involvement.factories import RecognitionRateFactory
from tests.commissioning.panels.factories import BidderFactory, PanelFactory
from tests.commissioning.specifications.factories import SpecificationFactory
from tests.coproduction.accounts.factories import OrganisationFactory
from tests.harness.bad_input import assert_bad_input

TODAY = datetime.date(2026, 9, 1)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 9, 1, 10, 0), tick=True):
        yield


@pytest.fixture
def specification(programme, commissioner):
    return SpecificationFactory(programme=programme, title="Day opportunities", created_by=commissioner)


@pytest.fixture
def course(programme, commissioner, specification):
    return services.course_create(programme=programme, by=commissioner, data={
        "title": "Co-production for providers", "topic": "What co-production means.", "audience": Audience.PROVIDERS,
        "specification": specification, "tender_due_on": datetime.date(2026, 10, 1), "attendance_required": True,
        "statement_numbers": [1, 5],
    })


def _session(course, commissioner, date=datetime.date(2026, 8, 20)):
    return services.session_create(course=course, by=commissioner, data={
        "date": date, "times": "10am to 12pm", "format": TrainingSession.Format.IN_PERSON, "place": "Central Library",
        "accessibility": "", "materials": "", "feedback_survey": None,
    })


def _page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _url(name, session, **extra):
    return reverse(name, kwargs={"programme_id": session.course.programme_id, "course_id": session.course_id, "session_id": session.pk, **extra})


def test_training_from_planning_to_who_came_shows_on_the_tender(client_as, programme, commissioner, person, specification):
    client = client_as(commissioner)
    survey = SurveyFactory(programme=programme, created_by=commissioner, title="How was the training?")
    response = client.post(reverse("training:course_add", args=[programme.pk]), {
        "title": "Co-production for providers", "topic": "What co-production means.", "audience": Audience.PROVIDERS,
        "specification": specification.pk, "tender_due_on_0": "1", "tender_due_on_1": "10", "tender_due_on_2": "2026",
        "attendance_required": "on", "statement_numbers": ["2", "7"],
    })
    course = TrainingCourse.objects.get()
    assert response.status_code == 302 and course.statement_numbers == [2, 7]
    # Nothing held yet: the programme's timeline warns.
    page = _page(client.get(reverse("commissioning:programme_detail", args=[programme.pk])))
    assert "no training session has been held" in page.select_one(".govuk-warning-text").get_text()

    client.post(reverse("training:session_add", args=[programme.pk, course.pk]), {
        "date_0": "20", "date_1": "8", "date_2": "2026", "times": "10am to 12pm", "format": "in_person", "place": "Central Library",
        "accessibility": "Hearing loop", "materials": "The planning statements in Easy Read", "feedback_survey": survey.pk,
    })
    session = TrainingSession.objects.get()
    assert session.activity.kind == "training" and session.activity.happened_on == datetime.date(2026, 8, 20)

    rate = RecognitionRateFactory(name="Co-trainer", amount="20.00")
    client.post(_url("training:co_trainer_add", session), {"user": person.pk, "delivery_hours": "2", "preparation_hours": "1.5", "rate": rate.pk})
    claim = Claim.objects.get(claimant=person, activity=session.activity)
    # Preparation time is paid at the trainer rate too: 3.5 hours at £20.
    assert (claim.category, claim.amount, claim.units) == (ClaimCategory.PAYMENT, 70, 3.5)

    came, absent = OrganisationFactory(name="Brightday Support"), OrganisationFactory(name="Oak Care")
    for organisation in (came, absent):
        client.post(_url("training:booking_add", session), {"organisation": organisation.pk, "attendee": "", "places": "2"})
    booking = Booking.objects.get(organisation=came)
    client.post(_url("training:attendance", session), {"attended": [booking.pk]})

    page = _page(client.get(_url("training:session_detail", session)))
    text = page.get_text(" ", strip=True)
    assert person.display_name in text and "How was the training?" in text
    rows = [row.get_text(" ", strip=True) for row in page.select("tbody tr")]
    assert rows == ["Brightday Support 2 Came", "Oak Care 2 Did not come"]

    # Oak Care bids for the tender without having come.
    panel = PanelFactory(programme=programme, specification=specification, created_by=commissioner)
    BidderFactory(panel=panel, name="Oak Care", organisation=absent)
    BidderFactory(panel=panel, name="Brightday Support", organisation=came)
    spec_page = _page(client.get(reverse("specifications:specification_detail", args=[programme.pk, specification.pk])))
    note = spec_page.select_one(".govuk-inset-text").get_text(" ", strip=True)
    assert "Training held before the tender" in note
    assert "Organisations attended: Brightday Support." in note
    assert "Bidders whose organisation has not attended: Oak Care." in note
    assert not _page(client.get(reverse("commissioning:programme_detail", args=[programme.pk]))).select(".govuk-warning-text")


def test_the_group_reads_the_training_but_cannot_change_it(client_as, course, commissioner, person):
    session = _session(course, commissioner)
    client = client_as(person)
    page = _page(client.get(_url("training:session_detail", session)))
    assert not page.find("a", string="Book a place")
    assert client.get(_url("training:booking_add", session)).status_code == 403


def test_a_course_names_the_checklists_statements_and_its_sessions_use_their_easy_read_words(client_as, course, commissioner):
    session = _session(course, commissioner)
    client = client_as(commissioner)
    form = _page(client.get(reverse("training:course_add", args=[course.programme_id])))
    assert len(form.select('input[name="statement_numbers"]')) == 10
    page = _page(client.get(reverse("training:course_detail", args=[course.programme_id, course.pk]))).get_text(" ", strip=True)
    assert "Statement 1. I'm trusted to write my own care and support plan, with whatever help I need." in page
    assert "Statement 5." in page and "Statement 2." not in page
    material = _page(client.get(_url("training:session_detail", session))).get_text(" ", strip=True)
    assert "Statement 1. I can write my own plan. I get the help I need to do it." in material
    listed = _page(client.get(reverse("training:course_list", args=[course.programme_id])))
    assert listed.find("td", string="1, 5")


def test_a_course_names_only_published_statements(programme, commissioner):
    with pytest.raises(ValidationError) as error:
        services.course_create(programme=programme, by=commissioner, data={
            "title": "Planning", "topic": "Planning.", "audience": Audience.PRACTITIONERS, "statement_numbers": [11]})
    assert error.value.message_dict == {"statement_numbers": ["Select statements from the list"]}


def test_a_practitioner_sees_their_induction_led_by_people_who_use_services(client_as, programme, commissioner, person, practitioner):
    induction = services.course_create(programme=programme, by=commissioner, data={
        "title": "Welcome to adult social care", "topic": "Doing with, not doing to.", "audience": Audience.INDUCTION,
        "specification": None, "tender_due_on": None, "attendance_required": False, "statement_numbers": [4],
    })
    session = _session(induction, commissioner)
    services.co_trainer_add(session=session, user=person, delivery_hours=2, preparation_hours=1, rate=None, by=commissioner)
    booking = services.booking_add(session=session, attendee=practitioner, by=commissioner)
    services.attendance_record(session=session, attended_ids={booking.pk}, by=commissioner)
    # An induction session nobody who uses services co-delivers is not shown.
    _session(induction, commissioner, date=datetime.date(2026, 8, 21))

    page = _page(client_as(practitioner).get(reverse("accounts:role_home", kwargs={"role": "practitioner"})))
    items = [item.get_text(" ", strip=True) for item in page.find("h2", string="Induction led by people who use services").find_next("ul").select("li")]
    assert items == ["Welcome to adult social care , 20 August 2026: You came"]


def test_bad_input_on_every_training_form_keeps_answers_and_saves_nothing(client_as, programme, course, commissioner, person, practitioner):
    client = client_as(commissioner)
    session = _session(course, commissioner)
    count = lambda: (TrainingCourse.objects.count(), TrainingSession.objects.count(), CoTrainer.objects.count(),  # noqa: E731
                     Booking.objects.count(), list(Booking.objects.values_list("attended", flat=True)))
    assert_bad_input(client, reverse("training:course_add", args=[programme.pk]),
                     {"title": "Induction", "topic": "", "audience": "nobody", "tender_due_on_0": "1", "tender_due_on_1": "10", "tender_due_on_2": "2026"},
                     errors=["Enter what the training is about", "Select who the training is for from the list", "Select the tender the date is for",
                             "Select the statements the training covers"],
                     kept=["title"], unchanged=count)
    assert_bad_input(client, reverse("training:session_add", args=[programme.pk, course.pk]),
                     {"date_0": "31", "date_1": "2", "date_2": "2026", "times": "10am", "format": "", "place": ""},
                     errors=["Date of the session must be a real date", "Select whether the session is in person or online",
                             "Enter where the session is, or how to join online"],
                     kept=["times"], unchanged=count)
    assert_bad_input(client, _url("training:co_trainer_add", session), {"user": person.pk, "delivery_hours": "lots", "preparation_hours": "-1"},
                     errors=["Enter the hours delivering as a number, like 1.5", "Enter 0 hours or more"], unchanged=count)
    services.co_trainer_add(session=session, user=person, delivery_hours=2, preparation_hours=0, rate=None, by=commissioner)
    assert_bad_input(client, _url("training:co_trainer_add", session), {"user": person.pk, "delivery_hours": "2", "preparation_hours": "0"},
                     errors=[f"{person.display_name} is already a co-trainer for this session"], kept=["delivery_hours"], unchanged=count)
    organisation = OrganisationFactory(name="Brightday Support")
    assert_bad_input(client, _url("training:booking_add", session), {"organisation": organisation.pk, "attendee": practitioner.pk, "places": "2"},
                     errors=["Select an organisation or a member of staff, not both"], kept=["places"], unchanged=count)
    assert_bad_input(client, _url("training:booking_add", session), {"organisation": "", "attendee": "", "places": "0"},
                     errors=["Book at least 1 place"], unchanged=count)
    services.booking_add(session=session, organisation=organisation, by=commissioner)
    assert_bad_input(client, _url("training:attendance", session), {"attended": ["999999"]},
                     errors=["Select bookings from the list"], unchanged=count)
    later = _session(course, commissioner, date=datetime.date(2026, 9, 20))
    services.booking_add(session=later, organisation=organisation, by=commissioner)
    assert_bad_input(client, _url("training:attendance", later), {"attended": [str(later.bookings.get().pk)]},
                     errors=["You can record who came once the session has happened"], unchanged=count)


def test_the_spectrum_self_assessment_points_at_co_delivered_training(client_as, course, commissioner, person):
    from commissioning.involvement.selfassessment.services import round_save
    from commissioning.involvement.spectrum import NOT_STARTED, STEP_KEYS

    services.co_trainer_add(session=_session(course, commissioner), user=person, delivery_hours=2, preparation_hours=1, rate=None, by=commissioner)
    _session(course, commissioner, date=datetime.date(2026, 8, 25))
    assessment = round_save(by=commissioner, title="Autumn", assessed_on=TODAY, assessors=[commissioner], other_assessors="",
                            ratings={key: (NOT_STARTED, "") for key in STEP_KEYS})
    page = _page(client_as(commissioner).get(reverse("involvement:round_detail", kwargs={"round_id": assessment.pk})))
    row = next(row for row in page.select(".app-step-table tbody tr") if "co-deliver training" in row.th.get_text())
    assert row.select_one("a.govuk-link").get_text(strip=True) == (
        "Training: 1 of 2 sessions held were co-delivered by people who use services")


def test_materials_are_checked_on_upload_and_the_group_downloads_them(client_as, course, commissioner, person, provider):
    session = _session(course, commissioner)
    client = client_as(commissioner)
    assert_bad_input(client, _url("training:material_add", session),
                     {"title": "Slides", "file": SimpleUploadedFile("slides.pdf", b"not really a pdf", content_type="application/pdf")},
                     errors=["The selected file is not a real PDF file"], kept=["title"], unchanged=lambda: SessionMaterial.objects.count())
    response = client.post(_url("training:material_add", session), {
        "title": "Slides", "file": SimpleUploadedFile("al's notes.pdf", b"%PDF-1.7\n%slides\n", content_type="application/pdf")})
    assert response.status_code == 302
    material = SessionMaterial.objects.get()
    page = _page(client_as(person).get(_url("training:session_detail", session)))
    link = page.find("a", string="Slides (PDF)") or page.find("a", href=_url("training:material_file", session, material_id=material.pk))
    download = client_as(person).get(link["href"])
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert download.headers["Content-Disposition"] == f'attachment; filename="training-material-{material.pk}.pdf"'
    assert client_as(provider).get(link["href"]).status_code == 404
