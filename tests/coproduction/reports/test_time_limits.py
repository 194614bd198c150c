"""Each report job runs within a time limit its kind sizes from what it will hold, and a job cut
off at its limit is tried again from the work it saved, never from zero: with a real worker,
real Redis and real WeasyPrint. Nothing here waits for a time or asserts one: the worker is
waited for by condition, and a job runs out of time because the test moves its own clock."""

import math

import pytest
import time_machine
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import task_prerun
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from coproduction.reports import services
from coproduction.reports.kinds import REPORT_KINDS, ReportKind, TimeLimit
from coproduction.reports.models import ReportJob
from tests.coproduction.audit.factories import AuditEventFactory
from tests.coproduction.reports.test_pipeline import pdf_text
from tests.harness.worker import celery_worker, wait_for


@pytest.fixture
def limits_given():
    """The (hard, soft) limits each job's task was started with, as the worker received them."""
    given: dict[str, tuple] = {}

    def record(task_id=None, task=None, args=(), **kwargs):
        if task.name == "coproduction.reports.tasks.report_job_render":
            given[args[0]] = tuple(task.request.timelimit)

    task_prerun.connect(record, weak=False)
    yield given
    task_prerun.disconnect(record)


def finished(job: ReportJob) -> ReportJob:
    wait_for(lambda: ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.DONE).exists())
    job.refresh_from_db()
    return job


@pytest.mark.django_db(transaction=True)
def test_a_bigger_export_is_given_the_longer_limit_its_size_needs(client_as, person, practitioner, limits_given):
    # Two hundred looks at the practitioner's records: rows their "your data" must list.
    AuditEventFactory.create_batch(200, subject=practitioner)
    for user in (person, practitioner):
        assert client_as(user).post(reverse("reports:my_data")).status_code == 302
    small, big = (ReportJob.objects.get(requested_by=user) for user in (person, practitioner))

    with celery_worker():
        small, big = finished(small), finished(big)

    assert big.measured_rows >= small.measured_rows + 200
    sizing = REPORT_KINDS[ReportJob.Kind.MY_DATA].time_limit
    for job in (small, big):
        assert job.time_limit == sizing.base + math.ceil(sizing.per_row * job.measured_rows)
        # The worker ran each job with its own limit: hard, and soft a grace period before it.
        assert limits_given[str(job.pk)] == (job.time_limit, job.time_limit - services.TIME_LIMIT_GRACE)
    assert big.time_limit >= small.time_limit + 200 * sizing.per_row


@pytest.fixture
def slow_gathering():
    """A kind whose gathering (the real "your data" one) runs past its limit the first time: the
    test's clock moves on past the job's limit while it gathers. Counts how often it gathers."""
    gathered: list[int] = []
    real = REPORT_KINDS[ReportJob.Kind.MY_DATA]

    with time_machine.travel(timezone.now(), tick=True) as clock:

        def build_context(job, progress):
            context = real.build_context(job, progress)
            gathered.append(job.attempts)
            if len(gathered) == 1:
                clock.shift(job.time_limit + 1)
            return context

        REPORT_KINDS["slow_gathering"] = ReportKind(
            real.template, real.title, build_context, view_perm=real.view_perm, time_limit=TimeLimit(base=30),
        )
        yield gathered
    del REPORT_KINDS["slow_gathering"]


@pytest.mark.django_db(transaction=True)
def test_a_job_cut_off_at_its_limit_is_retried_from_its_saved_work_and_finishes(client_as, person, slow_gathering):
    job = services.report_job_request(kind="slow_gathering", requested_by=person, subject=person, subject_user=person)
    assert job.time_limit == 30

    with celery_worker():
        job = finished(job)

    # Gathered once, on the first attempt; the second made the PDF from what the first saved.
    assert slow_gathering == [1]
    assert job.attempts == 2 and job.error == ""
    assert job.time_limit == 60  # the retry had twice the time
    assert not default_storage.exists(job.work_name)  # the saved work goes once the report is made
    download = client_as(person).get(reverse("reports:job_download", kwargs={"job_id": job.pk}))
    text = pdf_text(b"".join(download.streaming_content))
    assert f"Your data: {person.full_name}" in text and person.email in text


def test_a_job_cut_off_on_its_last_attempt_fails_with_a_plain_message(person):
    job = services.report_job_request(kind=ReportJob.Kind.MY_DATA, requested_by=person, subject=person, subject_user=person)
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING, attempts=services.MAX_ATTEMPTS)

    assert services.report_job_cut_off(job=job) is False

    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert job.error.startswith("This report took too long to make, even when tried again.")


def test_a_job_whose_worker_died_every_time_is_not_started_again(person):
    """A message delivered again after its worker died carries on only while attempts remain."""
    job = services.report_job_request(kind=ReportJob.Kind.MY_DATA, requested_by=person, subject=person, subject_user=person)
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING, attempts=services.MAX_ATTEMPTS)
    job.refresh_from_db()

    services.report_job_render(job=job)

    job.refresh_from_db()
    assert (job.status, job.attempts) == (ReportJob.Status.FAILED, services.MAX_ATTEMPTS)
    assert job.error == services.GAVE_UP


def test_a_message_delivered_again_after_its_worker_died_carries_on_from_the_saved_work(person, slow_gathering):
    job = services.report_job_request(kind="slow_gathering", requested_by=person, subject=person, subject_user=person)
    with pytest.raises(SoftTimeLimitExceeded):
        services.report_job_render(job=job)
    # Its worker died there, so nothing queued it again: the broker delivers the same message.
    job = ReportJob.objects.get(pk=job.pk)
    assert default_storage.exists(job.work_name)

    services.report_job_render(job=job)

    job.refresh_from_db()
    assert slow_gathering == [1]
    assert (job.status, job.attempts) == (ReportJob.Status.DONE, 2)
    assert not default_storage.exists(job.work_name)


def test_no_kind_is_given_longer_than_the_broker_waits_before_delivering_a_message_again(person):
    job = services.report_job_request(kind=ReportJob.Kind.MY_DATA, requested_by=person, subject=person, subject_user=person)
    rows, seconds = TimeLimit(base=30, per_row=1.0, rows=lambda job: 1_000_000).measure(job)
    assert (rows, seconds) == (1_000_000, settings.REPORT_TIME_LIMIT_MAX)
    assert settings.REPORT_TIME_LIMIT_MAX < settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
