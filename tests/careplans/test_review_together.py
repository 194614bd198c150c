"""Reviews the person takes part in: getting ready for it, and finished reviews that stay visible."""

import subprocess
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from careplans.models import PreparedStatement, ReviewItem
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


def prepare_url(plan):
    return reverse("careplans:review_prepare", kwargs={"person_id": plan.person_id})


def hold_review(client, plan, *, decision="continue"):
    client.post(reverse("careplans:review", kwargs={"person_id": plan.person_id}),
                {"held_on_0": "20", "held_on_1": "11", "held_on_2": "2026", "took_part": "Al, Mo and Tom"})
    client.post(reverse("careplans:review_finish", kwargs={"person_id": plan.person_id}),
                {"finish-progress_0": "progressing", "finish-decision": decision, "finish-decision_notes": "It suits him"})


def test_the_person_gets_ready_and_the_practitioner_sees_it_when_the_review_starts(client_as, person, practitioner, agreed):
    al = client_as(person)
    al.post(prepare_url(agreed), {"kind": "working", "text": "My PA gets me to the allotment"})
    al.post(prepare_url(agreed), {"kind": "important_future", "text": "Swimming with Jack"})
    mine = BeautifulSoup(al.get(prepare_url(agreed)).content, "html.parser")
    assert mine.select_one("#prepared-working").get_text(strip=True) == "My PA gets me to the allotment"
    tom = client_as(practitioner)
    tom.post(reverse("careplans:review", kwargs={"person_id": agreed.person_id}), {"held_on_0": "20", "held_on_1": "11", "held_on_2": "2026"})
    page = BeautifulSoup(tom.get(reverse("careplans:review", kwargs={"person_id": agreed.person_id})).content, "html.parser")
    ready = page.select_one("#getting-ready").get_text(" ", strip=True)
    assert "My PA gets me to the allotment" in ready and "Swimming with Jack" in ready
    assert set(ReviewItem.objects.values_list("perspective", "text")) == {
        ("person", "My PA gets me to the allotment"), ("person", "Swimming with Jack")}
    assert not PreparedStatement.objects.filter(review__isnull=True).exists()  # brought to this review, not the next


def test_getting_ready_needs_words_and_what_they_are_about(client_as, person, agreed):
    assert_bad_input(
        client_as(person), prepare_url(agreed), {"text": ""},
        errors=["Select what it is about", "Write what you want to say"], unchanged=lambda: PreparedStatement.objects.count(),
    )


def test_a_best_interests_representative_does_not_write_the_persons_statements(client_as, carer, agreed, practitioner):
    RepresentativeFactory(person=agreed.person, user=carer, basis=Representative.Basis.BEST_INTERESTS, recorded_by=practitioner)
    assert client_as(carer).post(prepare_url(agreed), {"kind": "working", "text": "Fine"}).status_code == 403
    assert not PreparedStatement.objects.exists()


def test_a_finished_review_stays_on_the_plan_the_persons_page_my_plan_and_the_pdf(client_as, person, practitioner, agreed, settings, django_capture_on_commit_callbacks):
    settings.CAREPLAN_REVIEW_INTERVAL_WEEKS = 52
    client_as(person).post(prepare_url(agreed), {"kind": "not_working", "text": "The bus is unreliable"})
    tom = client_as(practitioner)
    hold_review(tom, agreed)
    agreed.refresh_from_db()
    next_review = date(2026, 11, 20) + timedelta(weeks=52)
    assert agreed.review_due == next_review
    for client, url in [
        (tom, reverse("careplans:plan_detail", kwargs={"person_id": agreed.person_id})),
        (tom, reverse("careplans:person_detail", kwargs={"person_id": agreed.person_id})),
        (client_as(person), reverse("careplans:plan_detail", kwargs={"person_id": agreed.person_id})),
    ]:
        shown = BeautifulSoup(client.get(url).content, "html.parser").select_one("#reviews").get_text(" ", strip=True)
        assert "Review on 20 November 2026" in shown and "Al, Mo and Tom" in shown and "The bus is unreliable" in shown
        assert "Back at the allotment twice a week: Getting there" in shown
        assert f"Next review {next_review:%-d %B %Y}" in shown
    mine = client_as(person).get(reverse("careplans:plan_detail", kwargs={"person_id": agreed.person_id})).text
    assert "Your reviews" in mine and "you, in your own words" in mine
    # One next review date: the agreement's first date (10 January) is not shown beside it.
    assert "10 January 2026" not in mine
    client_as(person).post(reverse("careplans:plan_pdf", kwargs={"person_id": agreed.person_id}))
    job = ReportJob.objects.get(requested_by=person)
    report_services.report_job_render(job=job)
    text = " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())
    assert "Review on 20 November 2026" in text and "The bus is unreliable" in text
    assert f"Review due {next_review:%-d %B %Y}" in text and "10 January 2026" not in text


def test_the_plan_page_with_reviews_runs_the_same_queries_however_many(client_as, person, practitioner, agreed):
    client = client_as(person)
    url = reverse("careplans:plan_detail", kwargs={"person_id": agreed.person_id})
    tom = client_as(practitioner)
    hold_review(tom, agreed)

    def more_reviews():
        for _ in range(5):
            hold_review(tom, agreed)

    # Representing, person, latest plan, audit insert, comments, local assets, reviews, their
    # statements, their progress, what was said about agreeing them, the conversation about what
    # matters.
    assert_fixed_queries(lambda: client.get(url), budget=11, grow=more_reviews)


def test_the_review_page_with_statements_the_person_wrote_runs_fixed_queries(client_as, person, practitioner, agreed):
    from careplans import services

    tom = client_as(practitioner)
    url = reverse("careplans:review", kwargs={"person_id": agreed.person_id})
    services.review_statement_prepare(plan=agreed, kind="working", text="The lift", by=person)
    services.review_start(plan=agreed, held_on=date(2026, 11, 20), by=practitioner)

    def more_written_before():
        review = agreed.reviews.get()
        for number in range(10):
            statement = services.review_statement_prepare(plan=agreed, kind="not_working", text=f"Thing {number}", by=person)
            statement.item = ReviewItem.objects.create(review=review, kind="not_working", perspective="person", text=statement.text)
            statement.review = review
            statement.save()

    # OTP device, team ids, representing, person, agreed plan, open review, audit insert,
    # statements with where each came from, active themes for the statement form.
    page = assert_fixed_queries(lambda: tom.get(url), budget=9, grow=more_written_before)
    assert "Thing 9" in BeautifulSoup(page.content, "html.parser").select_one("#getting-ready").get_text()
