from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from careplans.models import CarePlan, OutcomeProgress, Review, ReviewItem, ReviewTheme
from tests.careplans.factories import CarePlanFactory, PersonFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries

OUTCOMES = {"sections": {"outcomes": {"status": "completed", "lists": {"outcomes": [
    {"id": "a1", "outcome": "Back at the allotment", "whose": "person"},
    {"id": "a2", "outcome": "Swimming on Fridays", "whose": "person"},
]}}}}


@pytest.fixture
def agreed(team, practitioner):
    person = PersonFactory(team=team, practitioner=practitioner, full_name="Alan Marsh")
    return CarePlanFactory(person=person, version=1, status="agreed", created_by=practitioner, content=OUTCOMES, review_due=date.today() - timedelta(days=3))


def test_a_review_records_statements_progress_and_a_decision(client_as, practitioner, agreed):
    client = client_as(practitioner)
    url = reverse("careplans:review", kwargs={"person_id": agreed.person_id})
    client.post(url, {"held_on_0": "20", "held_on_1": "11", "held_on_2": "2026"})
    theme = ReviewTheme.objects.get(name="Getting out and about")
    for kind, text in [("working", "My PA takes me to the allotment"), ("not_working", "The bus is unreliable"), ("important_future", "I'd like to try swimming")]:
        client.post(
            reverse("careplans:review_item_add", kwargs={"person_id": agreed.person_id}),
            {"item-kind": kind, "item-perspective": "person", "item-text": text, "item-theme": theme.pk},
        )
    assert list(ReviewItem.objects.values_list("kind", flat=True)) == ["important_future", "not_working", "working"]
    client.post(
        reverse("careplans:review_finish", kwargs={"person_id": agreed.person_id}),
        {"finish-progress_0": "achieved", "finish-progress_1": "not_yet", "finish-decision": "continue"},
    )
    review = Review.objects.get()
    assert review.finished_at and review.decision == "continue"
    assert list(OutcomeProgress.objects.values_list("outcome", "progress")) == [("Back at the allotment", "achieved"), ("Swimming on Fridays", "not_yet")]
    agreed.refresh_from_db()
    assert agreed.review_due == date(2026, 11, 20) + timedelta(weeks=52)


def test_a_review_that_changes_the_plan_starts_a_new_draft(client_as, practitioner, agreed):
    client = client_as(practitioner)
    client.post(reverse("careplans:review", kwargs={"person_id": agreed.person_id}), {"held_on_0": "20", "held_on_1": "11", "held_on_2": "2026"})
    client.post(
        reverse("careplans:review_finish", kwargs={"person_id": agreed.person_id}),
        {"finish-progress_0": "progressing", "finish-progress_1": "progressing", "finish-decision": "change"},
    )
    draft = CarePlan.objects.get(person=agreed.person, status="draft")
    assert draft.version == 2 and draft.based_on == agreed


def test_finishing_without_progress_or_a_decision_explains_and_saves_nothing(client_as, practitioner, agreed):
    client = client_as(practitioner)
    client.post(reverse("careplans:review", kwargs={"person_id": agreed.person_id}), {"held_on_0": "20", "held_on_1": "11", "held_on_2": "2026"})
    assert_bad_input(
        client,
        reverse("careplans:review_finish", kwargs={"person_id": agreed.person_id}),
        {"finish-progress_0": "achieved", "finish-decision_notes": "We ran out of time"},
        errors=["Select the progress with “Swimming on Fridays”", "Select what you decided"],
        kept=["finish-decision_notes"],
        unchanged=lambda: (OutcomeProgress.objects.count(), Review.objects.filter(finished_at__isnull=False).count()),
    )


def test_a_statement_without_words_is_explained(client_as, practitioner, agreed):
    client = client_as(practitioner)
    client.post(reverse("careplans:review", kwargs={"person_id": agreed.person_id}), {"held_on_0": "20", "held_on_1": "11", "held_on_2": "2026"})
    assert_bad_input(
        client,
        reverse("careplans:review_item_add", kwargs={"person_id": agreed.person_id}),
        {"item-kind": "working", "item-perspective": "person", "item-text": ""},
        errors=["Enter what they said"],
        unchanged=lambda: ReviewItem.objects.count(),
    )


def test_overdue_reviews_come_first_on_the_caseload_and_on_the_home_page(client_as, practitioner, agreed, team):
    CarePlanFactory(person=PersonFactory(team=team, full_name="Aaron Able"), version=1, status="agreed", created_by=practitioner, review_due=date.today() + timedelta(days=30))
    client = client_as(practitioner)
    rows = BeautifulSoup(client.get(reverse("careplans:caseload")).content, "html.parser").select("#caseload-table tbody tr")
    assert rows[0].td.a.get_text(strip=True) == "Alan Marsh" and "Overdue" in rows[0].get_text()
    assert "Overdue" not in rows[1].get_text()
    home = client.get(reverse("accounts:role_home", kwargs={"role": "practitioner"}))
    assert "1 review overdue in your teams" in home.text


def test_the_caseload_runs_the_same_queries_with_ten_or_a_hundred_people_with_plans(client_as, practitioner, team):
    def people_with_plans(count):
        for _ in range(count):  # each with their own account, as most will have
            person = PersonFactory(team=team, user=UserFactory())
            CarePlanFactory(person=person, version=1, status="agreed", created_by=practitioner, review_due=date.today())

    people_with_plans(10)
    client = client_as(practitioner)

    def ninety_more():
        people_with_plans(90)

    # OTP device, team ids, count, page (plan status and review date as subqueries), audit insert.
    assert_fixed_queries(lambda: client.get(reverse("careplans:caseload")), budget=5, grow=ninety_more)


def test_administrators_keep_the_councils_list_of_themes(client_as, administrator):
    client = client_as(administrator)
    client.post(reverse("careplans:review_themes"), {"name": "Faith and belief"})
    theme = ReviewTheme.objects.get(name="Faith and belief")
    client.post(reverse("careplans:review_themes"), {"toggle": theme.pk})
    theme.refresh_from_db()
    assert not theme.active
    assert_bad_input(
        client, reverse("careplans:review_themes"), {"name": "Transport"},
        errors=["There is already a theme with this name"], kept=["name"], unchanged=lambda: ReviewTheme.objects.count(),
    )


def test_starting_a_review_needs_a_real_date(client_as, practitioner, agreed):
    assert_bad_input(
        client_as(practitioner),
        reverse("careplans:review", kwargs={"person_id": agreed.person_id}),
        {"held_on_0": "31", "held_on_1": "", "held_on_2": "2026"},
        errors=["Enter the date of the review"],
        unchanged=lambda: Review.objects.count(),
    )


def test_the_review_form_offers_no_blank_radio(client_as, practitioner, agreed):
    client = client_as(practitioner)
    url = reverse("careplans:review", kwargs={"person_id": agreed.person_id})
    client.post(url, {"held_on_0": "20", "held_on_1": "11", "held_on_2": "2026"})
    page = BeautifulSoup(client.get(url).content, "html.parser")
    for name in ("item-kind", "item-perspective"):
        radios = page.select(f"input[type=radio][name={name}]")
        assert radios and all(radio["value"] for radio in radios)
    assert "---------" not in page.get_text()
