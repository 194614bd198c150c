"""The person agrees their plan in their own name; the practitioner records agreement given another way."""

import subprocess
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from careplans.models import CarePlan, PlanResponse
from coproduction.people.models import Representative
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.careplans.factories import CarePlanFactory, PersonFactory, RepresentativeFactory
from tests.harness.bad_input import assert_bad_input


@pytest.fixture
def subject(team, practitioner, person):
    return PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh", preferred_name="Al")


def own_url(person):
    return reverse("careplans:plan_agree_own", kwargs={"person_id": person.pk})


def plan_url(person):
    return reverse("careplans:plan_detail", kwargs={"person_id": person.pk})


def test_the_person_agrees_their_plan_on_screen_and_the_pdf_prints_it(client_as, person, subject, practitioner, django_capture_on_commit_callbacks):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, complete=True)
    client = client_as(person)
    mine = BeautifulSoup(client.get(plan_url(subject)).content, "html.parser")
    assert mine.find("a", string="Agree your plan, or say what you would change")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(own_url(subject), {"answer": "agree", "text": "Maybe Saturdays too, later on"})
    plan.refresh_from_db()
    assert plan.status == "agreed" and plan.agreed_how == "on_screen" and plan.agreed_by == person
    assert plan.agreed_by_name == "Alan Marsh" and plan.agreed_on == date.today()
    # Al is told in his own words; the team sees who agreed it, by name.
    shown = BeautifulSoup(client.get(plan_url(subject)).content, "html.parser")
    assert shown.select_one("#agreed-how").get_text(" ", strip=True) == f"You agreed it on screen, in your own account, on {date.today():%-d %B %Y}."
    assert "What you would still like to change: Maybe Saturdays too, later on" in shown.get_text(" ", strip=True)
    staff = BeautifulSoup(client_as(practitioner).get(plan_url(subject)).content, "html.parser").select_one("#agreed-how").get_text(" ", strip=True)
    assert staff == f"Agreed by Alan Marsh on screen, in their own account, on {date.today():%-d %B %Y}."
    client.post(reverse("careplans:plan_pdf", kwargs={"person_id": subject.pk}))
    job = ReportJob.objects.get(requested_by=person)
    report_services.report_job_render(job=job)
    text = " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())
    assert "You agreed it on screen, in your own account" in text and "Maybe Saturdays too, later on" in text


def test_not_agreeing_yet_needs_a_reason_and_the_practitioner_sees_it(client_as, person, subject, practitioner):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, complete=True)
    client = client_as(person)
    assert_bad_input(
        client, own_url(subject), {"answer": "not_yet", "text": ""},
        errors=["Tell us why you do not agree yet"], unchanged=lambda: PlanResponse.objects.count(),
    )
    client.post(own_url(subject), {"answer": "not_yet", "text": "The budget does not cover Saturdays"})
    plan.refresh_from_db()
    assert plan.is_draft
    seen = BeautifulSoup(client_as(practitioner).get(plan_url(subject)).content, "html.parser").select_one("#not-yet").get_text(" ", strip=True)
    assert "Alan Marsh does not agree yet" in seen and "The budget does not cover Saturdays" in seen
    assert "You said you do not agree yet" in BeautifulSoup(client.get(plan_url(subject)).content, "html.parser").select_one("#not-yet").get_text()


def test_a_plan_with_sections_incomplete_cannot_be_agreed_on_screen(client_as, person, subject, practitioner):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)  # only section 1 written
    client = client_as(person)
    page = BeautifulSoup(client.get(own_url(subject)).content, "html.parser")
    assert "4. The outcomes I want, and the options we considered" in page.select_one("#not-complete").get_text()
    assert [radio["value"] for radio in page.select("input[name=answer]")] == ["not_yet"]
    response = assert_bad_input(
        client, own_url(subject), {"answer": "agree"}, errors=["Select a valid choice. agree is not one of the available choices."],
        unchanged=lambda: CarePlan.objects.get(pk=plan.pk).status,
    )
    assert response.status_code == 200


def test_a_consented_representative_agrees_in_their_own_name(client_as, carer, subject, practitioner):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, complete=True)
    RepresentativeFactory(person=subject, user=carer, name="Maureen Marsh", basis=Representative.Basis.LEGAL_AUTHORITY, recorded_by=practitioner)
    client_as(carer).post(own_url(subject), {"answer": "agree"})
    plan.refresh_from_db()
    assert plan.status == "agreed" and plan.agreed_by_name == "Maureen Marsh" and plan.agreed_by == carer


def test_a_best_interests_representative_cannot_agree_for_the_person(client_as, carer, team, practitioner):
    edie = PersonFactory(team=team, capacity="lacks", full_name="Edith Clarke")
    CarePlanFactory(person=edie, version=1, status="draft", created_by=practitioner, complete=True)
    RepresentativeFactory(person=edie, user=carer, basis=Representative.Basis.BEST_INTERESTS, recorded_by=practitioner)
    assert client_as(carer).post(own_url(edie), {"answer": "agree"}).status_code == 403
    assert edie.plans.get().is_draft


def test_the_practitioner_records_a_best_interests_decision_with_who_was_consulted(client_as, practitioner, team):
    edie = PersonFactory(team=team, capacity="lacks", full_name="Edith Clarke", preferred_name="Edie")
    plan = CarePlanFactory(person=edie, version=1, status="draft", created_by=practitioner, complete=True)
    client = client_as(practitioner)
    url = reverse("careplans:plan_agree", kwargs={"person_id": edie.pk})
    today = date.today()
    data = {"how": "best_interests", "agreed_by_name": "Tom Okafor", "agreed_on_0": today.day, "agreed_on_1": today.month, "agreed_on_2": today.year}
    assert_bad_input(
        client, url, data, errors=["Enter who was consulted about the best-interests decision"], kept=["agreed_by_name"],
        unchanged=lambda: CarePlan.objects.get(pk=plan.pk).status,
    )
    client.post(url, {**data, "consulted": "Jean Clarke, daughter: Mum is happiest at home"})
    plan.refresh_from_db()
    assert plan.status == "agreed" and plan.agreed_how == "best_interests"
    page = BeautifulSoup(client.get(plan_url(edie)).content, "html.parser").select_one("main").get_text(" ", strip=True)
    assert "Agreed as a best-interests decision by Tom Okafor" in page and "Who was consulted: Jean Clarke, daughter" in page


def test_a_best_interests_decision_is_not_offered_for_someone_with_capacity(client_as, practitioner, subject):
    CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, complete=True)
    page = BeautifulSoup(client_as(practitioner).get(reverse("careplans:plan_agree", kwargs={"person_id": subject.pk})).content, "html.parser")
    assert [radio["value"] for radio in page.select("input[name=how]")] == ["paper", "verbal", "interpreter", "advocate"]
