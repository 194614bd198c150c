"""What care plans tell people: reviews coming up and overdue, and a plan agreed or changed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from careplans import services
from careplans.models import CarePlan, Review
from coproduction.people.models import Representative
from careplans.notices import review_reminders
from careplans.tasks import review_reminders_daily
from coproduction.accounts.models import Role
from coproduction.notifications.selectors import messages_for
from tests.careplans.factories import (
    CarePlanFactory,
    complete_content,
    PersonFactory,
    RepresentativeFactory,
    ReviewFactory,
)
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.queries import count_queries
from tests.harness.worker import celery_worker

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def windows(settings):
    settings.REVIEW_DUE_PRACTITIONER_DAYS = 14
    settings.REVIEW_DUE_PERSON_DAYS = 28


def inbox(user) -> list[tuple[str, str]]:
    return sorted((message.topic, message.subject) for message in messages_for(user=user))


def agreed_plan(team, *, due_in: int | None, with_account: bool = True, **plan):
    """An agreed plan for a new person with their own practitioner (and account), due in so many days."""
    practitioner = UserFactory(roles=[Role.PRACTITIONER.value], teams=[team])
    user = UserFactory(roles=[Role.PERSON.value]) if with_account else None
    person = PersonFactory(team=team, practitioner=practitioner, user=user)
    due = TODAY + timedelta(days=due_in) if due_in is not None else None
    return CarePlanFactory(person=person, version=plan.pop("version", 1), status=plan.pop("status", "agreed"),
                           created_by=practitioner, review_due=due, **plan)


DUE = ("review_due", "A plan review is due")
PERSON_DUE = ("review_due", "Your plan review is coming up")
OVERDUE = ("review_overdue", "A plan review is overdue")


def test_the_daily_task_tells_exactly_the_reviews_that_are_due(team, team_manager):
    in_13, in_14, in_15 = (agreed_plan(team, due_in=days) for days in (13, 14, 15))
    in_28, in_29 = agreed_plan(team, due_in=28), agreed_plan(team, due_in=29)
    today = agreed_plan(team, due_in=0)
    overdue = agreed_plan(team, due_in=-1)
    long_overdue = agreed_plan(team, due_in=-200)
    # Reviews already held: one decided to change the plan (its new version sets the next
    # date), one is being held now. Neither is due.
    changed = agreed_plan(team, due_in=-3)
    ReviewFactory(plan=changed, held_on=TODAY - timedelta(days=4), decision=Review.Decision.CHANGE, finished_at=timezone.now())
    under_way = agreed_plan(team, due_in=5)
    ReviewFactory(plan=under_way, held_on=TODAY, finished_at=None)
    # Continued at a review: the next date is next year, nothing now.
    continued = agreed_plan(team, due_in=300)
    ReviewFactory(plan=continued, held_on=TODAY - timedelta(days=65), decision=Review.Decision.CONTINUE, finished_at=timezone.now())
    closed = agreed_plan(team, due_in=None)  # closed at a review: no date
    replaced = agreed_plan(team, due_in=-10, status=CarePlan.Status.SUPERSEDED)
    draft = agreed_plan(team, due_in=3, status=CarePlan.Status.DRAFT)

    review_reminders_daily()

    def practitioner_of(plan):
        return plan.person.practitioner

    assert [m.subject[:len(DUE[1])] for m in messages_for(user=practitioner_of(in_14))] == [DUE[1]]
    assert {plan.pk for plan in CarePlan.objects.all() if any(
        m.topic == "review_due" for m in messages_for(user=practitioner_of(plan)))} == {in_13.pk, in_14.pk, today.pk}
    assert {plan.pk for plan in CarePlan.objects.all() if plan.person.user and inbox(plan.person.user)} == {
        in_13.pk, in_14.pk, in_15.pk, in_28.pk, today.pk}
    assert all(inbox(plan.person.user) == [PERSON_DUE] for plan in (in_13, in_14, in_15, in_28, today))
    for plan in (overdue, long_overdue):
        assert inbox(practitioner_of(plan)) == [OVERDUE]
    for plan in (in_29, changed, under_way, continued, closed, replaced, draft):
        assert inbox(practitioner_of(plan)) == [] and inbox(plan.person.user) == []
    # The team's manager hears of the overdue reviews only.
    assert inbox(team_manager) == [OVERDUE, OVERDUE]

    message = messages_for(user=practitioner_of(in_14)).get()
    assert f"on {in_14.review_due.day} {in_14.review_due:%B %Y}" in message.body and "in 14 days" in message.body
    assert message.link.endswith(reverse("careplans:plan_detail", kwargs={"person_id": in_14.person_id}))
    assert in_14.person.full_name not in message.subject + message.body  # who it is: after signing in


def test_a_second_run_sends_nothing_new_and_a_missed_day_is_caught_up(team):
    plan = agreed_plan(team, due_in=16)
    assert review_reminders(today=TODAY) == 1  # the person, at 28 days
    assert review_reminders(today=TODAY) == 0
    assert inbox(plan.person.practitioner) == []
    # The task did not run when the review was 14 days away; the next day it still tells.
    assert review_reminders(today=TODAY + timedelta(days=3)) == 1
    assert review_reminders(today=TODAY + timedelta(days=4)) == 0
    assert inbox(plan.person.practitioner) == [DUE[:1] + (f"A plan review is due on {plan.review_due.day} {plan.review_due:%B %Y}",)]
    # Overdue: once per review date, however many days it stays overdue.
    assert review_reminders(today=TODAY + timedelta(days=17)) == 1
    assert review_reminders(today=TODAY + timedelta(days=30)) == 0
    # Continued at a review: the new date is a new reminder when it comes.
    review = ReviewFactory(plan=plan, held_on=TODAY + timedelta(days=30), finished_at=None, created_by=plan.person.practitioner)
    services.review_finish(review=review, progress=[], decision=Review.Decision.CONTINUE, notes="", by=plan.person.practitioner)
    plan.refresh_from_db()
    assert review_reminders(today=plan.review_due - timedelta(days=14)) == 2  # the practitioner, and the person
    assert len(inbox(plan.person.practitioner)) == 3


def test_representatives_hear_while_their_access_stands(team):
    plan = agreed_plan(team, due_in=20, with_account=False)  # the person has no account: no message for them
    consenting = RepresentativeFactory(person=plan.person, basis=Representative.Basis.CONSENT)
    withdrawn = RepresentativeFactory(person=plan.person, basis=Representative.Basis.CONSENT)
    best_interests = RepresentativeFactory(person=plan.person, basis=Representative.Basis.BEST_INTERESTS)
    attorney = RepresentativeFactory(person=plan.person, basis=Representative.Basis.LEGAL_AUTHORITY)
    RepresentativeFactory(person=plan.person, user=None, name="A neighbour")  # no account: nothing to send to
    services.representative_withdraw(representative=withdrawn, by=plan.person.practitioner)
    someone_elses = RepresentativeFactory(basis=Representative.Basis.CONSENT)

    assert review_reminders() == 3
    for representative in (consenting, best_interests, attorney):
        assert inbox(representative.user) == [("review_due", "A plan review is coming up")]
        body = messages_for(user=representative.user).get().body
        assert "someone you support" in body and plan.person.full_name not in body
    assert inbox(withdrawn.user) == []
    assert inbox(someone_elses.user) == []


def agree(plan, practitioner, review_date):
    plan.refresh_from_db()
    sections = plan.content["sections"]
    for key, complete in complete_content(review_date.isoformat())["sections"].items():
        if key == "agreement" or sections.get(key, {}).get("status") != "completed":
            sections[key] = complete
    plan.save()
    return services.plan_agree(plan=plan, by=practitioner, how="verbal", agreed_by_name=plan.person.full_name)


def test_a_plan_agreed_tells_the_person_and_representatives_where_to_see_what_changed(
    team, practitioner, person, client_as, django_capture_on_commit_callbacks
):
    subject = PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh")
    maureen = RepresentativeFactory(person=subject, basis=Representative.Basis.CONSENT)
    former = RepresentativeFactory(person=subject, basis=Representative.Basis.CONSENT)
    services.representative_withdraw(representative=former, by=practitioner)
    first = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    agree(first, practitioner, TODAY + timedelta(weeks=8))
    assert inbox(person) == [("plan_changed", "Your plan has been agreed")]
    assert messages_for(user=person).get().link.endswith(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk}))

    draft = services.plan_start(person=subject, by=practitioner)
    services.plan_section_save(plan=draft, key="goals", fields={"goals": {"text": "Swimming on Fridays", "whose": "person"}},
                               completed=True, by=practitioner)
    with django_capture_on_commit_callbacks(execute=True):
        agree(draft, practitioner, TODAY + timedelta(weeks=52))

    compare = reverse("careplans:plan_versions", kwargs={"person_id": subject.pk}) + "?from=1&to=2"
    latest = messages_for(user=person).first()
    assert latest.subject == "Your plan has changed"
    assert latest.link.endswith(compare)
    assert "see what changed" in latest.body
    rep_message = messages_for(user=maureen.user).first()
    assert rep_message.subject == "A plan you help with has changed" and rep_message.link.endswith(compare)
    assert inbox(former.user) == []
    # No plan content and no name in what may travel by email: the reader signs in.
    for message in (latest, rep_message):
        text = message.subject + message.body
        for private in ("Swimming", "allotment", "Alan", "Marsh"):
            assert private not in text
    # The link works for them, and shows the change.
    page = client_as(maureen.user).get(compare)
    assert page.status_code == 200 and "Swimming on Fridays" in page.text


def test_a_plan_not_agreed_tells_nobody(team, practitioner, person):
    subject = PersonFactory(team=team, practitioner=practitioner, user=person)
    draft = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    with pytest.raises(Exception):
        services.plan_agree(plan=draft, by=practitioner, how="paper", agreed_by_name="Al")  # the sections are not done
    assert inbox(person) == []


def test_the_daily_task_runs_the_same_queries_however_many_plans(team, team_manager):
    agreed_plan(team, due_in=90)
    assert count_queries(review_reminders)[0] == 1  # nothing due: one query finds that
    for days in (14, 20, -5):
        plan = agreed_plan(team, due_in=days)
        RepresentativeFactory(person=plan.person)
    review_reminders()  # the first run tells; the counted runs find the same and add nothing

    def grow():
        for _ in range(10):
            agreed_plan(team, due_in=90)
            agreed_plan(team, due_in=None)
            agreed_plan(team, due_in=-3, status=CarePlan.Status.SUPERSEDED)
            changed = agreed_plan(team, due_in=-2)
            ReviewFactory(plan=changed, decision=Review.Decision.CHANGE, finished_at=timezone.now())

    review_reminders()
    before, sent, _ = count_queries(review_reminders)
    assert sent == 0
    grow()
    after, sent, sql = count_queries(review_reminders)
    assert sent == 0
    assert after == before, "\n".join(sql)


@pytest.mark.django_db(transaction=True)
def test_agreeing_a_plan_emails_the_person_a_link_and_nothing_of_the_plan(client_as, team, practitioner, person, mailbox, settings):  # noqa: F811
    settings.SITE_URL = "https://coproduction.example.gov.uk"
    subject = PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh")
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, complete=True)
    services.plan_section_save(plan=plan, key="agreement", completed=True, by=practitioner,
                               fields={"copy_how": "post", "copy_format": "large_print",
                                       "review_date": (TODAY + timedelta(weeks=8)).isoformat()})
    with celery_worker():
        response = client_as(practitioner).post(
            reverse("careplans:plan_agree", kwargs={"person_id": subject.pk}),
            {"how": "paper", "agreed_by_name": "Alan Marsh", "agreed_on_0": TODAY.day, "agreed_on_1": TODAY.month, "agreed_on_2": TODAY.year},
        )
        assert response.status_code == 302
        (email,) = mailbox.wait_for(1)
    assert email["To"] == person.email
    assert email["Subject"] == "Your plan has been agreed"
    text = mailbox.text(email)
    assert settings.SITE_URL + reverse("careplans:plan_detail", kwargs={"person_id": subject.pk}) in text
    for private in ("allotment", "Alan", "Marsh"):
        assert private not in text
