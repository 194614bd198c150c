"""The person agrees a finished review's outcome the same way as their plan."""

import subprocess
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from careplans import services
from careplans.models import PlanResponse, Review
from coproduction.people.models import Representative
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.careplans.factories import CarePlanFactory, PersonFactory, RepresentativeFactory, complete_content
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


@pytest.fixture
def agreed(team, practitioner, person):
    al = PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh", preferred_name="Al")
    return CarePlanFactory(person=al, version=1, status="agreed", created_by=practitioner, content=complete_content("2026-01-10"),
                           review_due=date.today() + timedelta(days=10))


def finished_review(plan, practitioner, *, held_on=date(2026, 11, 20)) -> Review:
    review = services.review_start(plan=plan, held_on=held_on, took_part="Al, Mo and Tom", by=practitioner)
    return services.review_finish(review=review, progress=[], decision="continue", notes="It suits him", by=practitioner)


def url(name, review):
    return reverse(f"careplans:{name}", kwargs={"person_id": review.plan.person_id, "review_id": review.pk})


def plan_page(client, plan):
    return BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": plan.person_id})).content, "html.parser")


def test_the_person_agrees_the_reviews_outcome_on_screen_and_it_shows_on_my_plan_and_the_pdf(client_as, person, practitioner, agreed):
    review = finished_review(agreed, practitioner)
    al = client_as(person)
    link = plan_page(al, agreed).find("a", href=url("review_agree_own", review))
    assert link.get_text(strip=True) == "Agree what was decided at your review, or say what you would change"
    al.post(url("review_agree_own", review), {"answer": "agree", "text": "Saturdays too, one day"})
    review.refresh_from_db()
    assert (review.agreed_how, review.agreed_by, review.agreed_by_name, review.agreed_on) == ("on_screen", person, "Alan Marsh", date.today())
    for client, said in ((al, "You agreed what was decided on screen, in your own account"), (client_as(practitioner), "Agreed by Alan Marsh on screen, in their own account")):
        shown = plan_page(client, agreed).select_one(f"#review-{review.pk}-agreed").get_text(" ", strip=True)
        assert shown == f"{said}, on {date.today():%-d %B %Y}."
    al.post(reverse("careplans:plan_pdf", kwargs={"person_id": agreed.person_id}))
    job = ReportJob.objects.get(requested_by=person)
    report_services.report_job_render(job=job)
    text = " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())
    assert "Review on 20 November 2026" in text and "You agreed what was decided on screen, in your own account" in text
    assert "Saturdays too, one day" in text


def test_not_agreeing_a_reviews_outcome_yet_needs_a_reason_the_practitioner_sees(client_as, person, practitioner, agreed):
    review = finished_review(agreed, practitioner)
    al = client_as(person)
    assert_bad_input(
        al, url("review_agree_own", review), {"answer": "not_yet", "text": "  "},
        errors=["Tell us why you do not agree yet"], unchanged=lambda: PlanResponse.objects.count(),
    )
    al.post(url("review_agree_own", review), {"answer": "not_yet", "text": "We did not talk about Saturdays"})
    review.refresh_from_db()
    assert review.agreed_at is None
    seen = plan_page(client_as(practitioner), agreed).select_one(f"#not-yet-review-{review.pk}").get_text(" ", strip=True)
    assert "Alan Marsh does not agree yet" in seen and "We did not talk about Saturdays" in seen
    # A "not yet" about a review is not one about the plan.
    assert plan_page(al, agreed).select_one("#not-yet") is None


def test_an_unfinished_review_cannot_be_agreed(client_as, person, practitioner, agreed):
    review = services.review_start(plan=agreed, held_on=date(2026, 11, 20), by=practitioner)
    assert_bad_input(
        client_as(person), url("review_agree_own", review), {"answer": "agree", "text": ""},
        errors=["The review’s outcome can be agreed once the review is finished"],
        unchanged=lambda: Review.objects.filter(agreed_at__isnull=False).count(),
    )
    assert_bad_input(
        client_as(practitioner), url("review_agree", review),
        {"how": "paper", "agreed_by_name": "Alan Marsh", "agreed_on_0": "1", "agreed_on_1": "12", "agreed_on_2": "2026"},
        errors=["The review’s outcome can be agreed once the review is finished"], kept=["agreed_by_name"],
        unchanged=lambda: Review.objects.filter(agreed_at__isnull=False).count(),
    )


def test_the_practitioner_records_an_agreement_given_on_paper(client_as, person, practitioner, agreed):
    review = finished_review(agreed, practitioner)
    tom = client_as(practitioner)
    assert_bad_input(
        tom, url("review_agree", review), {"agreed_by_name": "Alan Marsh"},
        errors=["Select how the review’s outcome was agreed"], kept=["agreed_by_name"],
        unchanged=lambda: Review.objects.filter(agreed_at__isnull=False).count(),
    )
    tom.post(url("review_agree", review), {
        "how": "paper", "agreed_by_name": "Alan Marsh", "agreed_on_0": "1", "agreed_on_1": "12", "agreed_on_2": "2026", "notes": "Signed at home",
    })
    review.refresh_from_db()
    assert (review.agreed_how, review.agreed_by, review.agreed_on) == ("paper", practitioner, date(2026, 12, 1))
    shown = plan_page(client_as(person), agreed).select_one(f"#review-{review.pk}-agreed").get_text(" ", strip=True)
    assert shown.startswith("Agreed by Alan Marsh on paper, on 1 December 2026. Recorded by")


def test_best_interests_for_a_review_names_who_was_consulted(client_as, practitioner, carer, team):
    edie = PersonFactory(team=team, practitioner=practitioner, capacity="lacks", full_name="Edith Clarke", preferred_name="Edie")
    RepresentativeFactory(person=edie, user=carer, basis=Representative.Basis.BEST_INTERESTS, recorded_by=practitioner)
    plan = CarePlanFactory(person=edie, version=1, status="agreed", created_by=practitioner, content=complete_content())
    review = finished_review(plan, practitioner)
    # Her daughter, involved in her best interests, cannot agree for her.
    assert client_as(carer).get(url("review_agree_own", review)).status_code in (403, 404)
    tom = client_as(practitioner)
    data = {"how": "best_interests", "agreed_by_name": "Tom Okafor", "agreed_on_0": "1", "agreed_on_1": "12", "agreed_on_2": "2026"}
    assert_bad_input(
        tom, url("review_agree", review), data, errors=["Enter who was consulted about the best-interests decision"],
        kept=["agreed_by_name"], unchanged=lambda: Review.objects.filter(agreed_at__isnull=False).count(),
    )
    tom.post(url("review_agree", review), {**data, "consulted": "Jean Clarke, her daughter: Mum is happiest at home"})
    shown = plan_page(client_as(carer), plan).select_one(f"#review-{review.pk}").get_text(" ", strip=True)
    assert "Agreed as a best-interests decision by Tom Okafor" in shown and "Jean Clarke, her daughter" in shown


def test_a_consented_representative_agrees_a_reviews_outcome_in_their_own_name(client_as, carer, practitioner, agreed):
    RepresentativeFactory(person=agreed.person, user=carer, name="Maureen Marsh", recorded_by=practitioner)
    review = finished_review(agreed, practitioner)
    client_as(carer).post(url("review_agree_own", review), {"answer": "agree"})
    review.refresh_from_db()
    assert (review.agreed_by_name, review.agreed_by) == ("Maureen Marsh", carer)


def test_a_review_already_agreed_is_not_agreed_twice(client_as, person, practitioner, agreed):
    review = finished_review(agreed, practitioner)
    al = client_as(person)
    al.post(url("review_agree_own", review), {"answer": "agree"})
    page = BeautifulSoup(al.post(url("review_agree_own", review), {"answer": "agree"}).content, "html.parser")
    assert "The review’s outcome is already agreed" in page.select_one(".govuk-error-summary").get_text()


def test_the_review_agreement_page_runs_fixed_queries(client_as, person, practitioner, agreed):
    review = finished_review(agreed, practitioner)

    def more_said():
        for number in range(10):
            services.review_not_agreed_yet(review=review, by=person, reason=f"Reason {number}")

    # Representing, person, review with its plan, its latest "not yet", statements, progress.
    client = client_as(person)
    assert_fixed_queries(lambda: client.get(url("review_agree_own", review)), budget=6, grow=more_said)
