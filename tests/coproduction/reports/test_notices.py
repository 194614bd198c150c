"""A report ready to download is told to the requester only when they have left its page."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from coproduction.notifications.selectors import messages_for
from coproduction.reports.models import ReportJob
from coproduction.reports.tasks import report_job_render
from tests.coproduction.reports.factories import ReportJobFactory


@pytest.fixture(autouse=True)
def watched_for(settings):
    # Longer than any machine takes to make the report: only the test's own clock, moved on
    # past the window, decides that the requester has left.
    settings.REPORT_WATCHED_SECONDS = 600
    return settings.REPORT_WATCHED_SECONDS


def make(job) -> ReportJob:
    report_job_render(str(job.pk))  # the task itself, in this process: real WeasyPrint
    job.refresh_from_db()
    return job


def look_at_progress(client, job):
    response = client.get(reverse("reports:job_detail", kwargs={"job_id": job.pk}), HTTP_HX_REQUEST="true")
    assert response.status_code == 200


def test_a_requester_watching_the_page_sees_it_there_and_gets_no_message(client_as, person):
    job = ReportJobFactory(requested_by=person)
    look_at_progress(client_as(person), job)
    assert make(job).status == ReportJob.Status.DONE
    assert list(messages_for(user=person)) == []


def test_a_requester_who_left_the_page_is_told_it_is_ready(client_as, person, watched_for):
    job = ReportJobFactory(requested_by=person)
    with time_machine.travel(timezone.now(), tick=True) as clock:
        look_at_progress(client_as(person), job)
        clock.shift(watched_for + 1)  # no poll since: they closed the tab or went elsewhere
        assert make(job).status == ReportJob.Status.DONE
    message = messages_for(user=person).get()
    assert (message.topic, message.subject) == ("report_ready", "Your report is ready to download")
    assert "(Your data)" in message.body and person.full_name not in message.body
    assert message.link.endswith(reverse("reports:job_detail", kwargs={"job_id": job.pk}))
    # Run again (a redelivered task): still one message.
    make(job)
    assert messages_for(user=person).count() == 1


def test_someone_else_looking_does_not_count_as_the_requester_watching(client_as, person, team_manager):
    job = ReportJobFactory(requested_by=team_manager, kind=ReportJob.Kind.MY_DATA)
    other = client_as(person).get(reverse("reports:job_detail", kwargs={"job_id": job.pk}), HTTP_HX_REQUEST="true")
    assert other.status_code == 404
    make(job)
    assert [m.subject for m in messages_for(user=team_manager)] == ["Your report is ready to download"]
    assert list(messages_for(user=person)) == []


def test_a_report_that_could_not_be_made_is_told_too(person):
    job = ReportJobFactory(requested_by=person, subject_id="0")  # its subject is gone: rendering fails
    assert make(job).status == ReportJob.Status.FAILED
    message = messages_for(user=person).get()
    assert message.subject == "Your report could not be made"
    assert "try again" in message.body
