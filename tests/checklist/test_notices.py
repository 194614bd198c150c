"""A checklist survey opening tells each person it asks, with a link straight to their checklist."""

import base64
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from checklist import services
from checklist.notices import rounds_opened_daily
from checklist.tasks import round_invitations, round_invitations_daily
from coproduction.accounts.models import Role
from coproduction.celery import app
from coproduction.notifications.selectors import messages_for
from tests.careplans.factories import PersonFactory
from tests.checklist.factories import current_set, submitted_checklist
from tests.coproduction.accounts.factories import UserFactory

TODAY = timezone.localdate()


@pytest.fixture
def people(team, other_team, person):
    current_set()
    return {
        "al": PersonFactory(team=team, user=person),
        "elsewhere": PersonFactory(team=other_team, user=UserFactory(roles=[Role.PERSON.value])),
        "no_account": PersonFactory(team=team),
        "left": PersonFactory(team=team, user=UserFactory(roles=[Role.PERSON.value], is_active=False)),
    }


def take_queued(task) -> list[list]:
    """Take this task's messages off this run's real Redis queue, as a worker would: their arguments."""
    taken = []
    with app.connection_for_write() as connection:
        client, queue = connection.default_channel.client, app.conf.task_default_queue
        for raw in client.lrange(queue, 0, -1):
            message = json.loads(raw)
            if message["headers"]["task"] == task.name:
                client.lrem(queue, 1, raw)
                taken.append(json.loads(base64.b64decode(message["body"]))[0])
    return taken


def subjects(user) -> list[str]:
    return [message.subject for message in messages_for(user=user)]


def test_opening_a_round_tells_the_people_of_that_team_with_a_link_to_their_checklist(
    people, team, team_manager, practitioner, client_as, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        survey = services.survey_round_open(title="Spring survey", team=team, opens_on=TODAY, closes_on=TODAY + timedelta(days=21),
                                            by=team_manager)
    al = people["al"].user
    assert subjects(al) == []  # not in the manager's request: a worker writes them
    assert take_queued(round_invitations) == [[survey.pk]]  # only the round's id crosses the broker
    assert round_invitations(survey.pk) == 1
    message = messages_for(user=al).get()
    assert (message.topic, message.subject) == ("checklist", "A checklist is ready for you to fill in")
    closes = TODAY + timedelta(days=21)
    assert f"by {closes.day} {closes:%B %Y}" in message.body
    assert message.link.endswith(reverse("checklist:start"))
    assert subjects(people["elsewhere"].user) == [] and subjects(people["left"].user) == []
    assert subjects(practitioner) == [] and subjects(team_manager) == []
    # The link opens their own checklist for this survey, ready to start.
    page = client_as(al).get(reverse("checklist:start"))
    assert page.status_code == 200 and f"part of the survey “{survey.title}”" in page.text
    # Opening another round is another message; the same round never twice.
    assert rounds_opened_daily() == 0


def test_a_round_opening_later_is_told_on_its_first_day_and_to_the_whole_council(people, administrator, django_capture_on_commit_callbacks):
    opens = TODAY + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        services.survey_round_open(title="Summer survey", team=None, opens_on=opens, closes_on=opens + timedelta(days=14), by=administrator)
    assert take_queued(round_invitations) == []  # not open yet: nothing to do now
    assert subjects(people["al"].user) == []
    assert round_invitations_daily() == 0  # today: not open yet
    assert rounds_opened_daily(today=opens - timedelta(days=1)) == 0
    # The task missed the first two days: the third still tells, once.
    assert rounds_opened_daily(today=opens + timedelta(days=2)) == 2
    assert rounds_opened_daily(today=opens + timedelta(days=3)) == 0
    assert subjects(people["al"].user) == subjects(people["elsewhere"].user) == ["A checklist is ready for you to fill in"]


def test_someone_who_already_answered_the_round_is_not_asked_again(people, team, team_manager):
    survey = services.survey_round_open(title="Spring survey", team=team, opens_on=TODAY + timedelta(days=1),
                                        closes_on=TODAY + timedelta(days=21), by=team_manager)
    submitted_checklist(person=people["al"], survey_round=survey)
    assert rounds_opened_daily(today=TODAY + timedelta(days=1)) == 0
    assert subjects(people["al"].user) == []
