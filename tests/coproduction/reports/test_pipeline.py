"""The PDF report pipeline end to end: a real worker, real Redis, real WeasyPrint."""

import subprocess
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from coproduction.audit.models import AuditEvent
from coproduction.reports import services
from coproduction.reports.models import ReportJob
from coproduction.reports.pdf import static_only_url_fetcher_class
from tests.coproduction.reports.factories import ReportJobFactory
from tests.harness.worker import celery_worker, wait_for


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


@pytest.mark.django_db(transaction=True)
def test_my_data_pdf_is_made_by_a_worker_and_downloads_with_my_details(client_as, person, team_manager):
    client = client_as(person)
    response = client.post(reverse("reports:my_data"))
    job = ReportJob.objects.get(requested_by=person)
    assert response.headers["Location"] == reverse("reports:job_detail", kwargs={"job_id": job.pk})
    assert "Waiting to start" in client.get(response.headers["Location"]).text

    with celery_worker():
        wait_for(lambda: ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.DONE).exists())

    page = client.get(reverse("reports:job_detail", kwargs={"job_id": job.pk}))
    assert "Your PDF is ready" in page.text
    download = client.get(reverse("reports:job_download", kwargs={"job_id": job.pk}))
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    text = pdf_text(b"".join(download.streaming_content))
    assert f"Your data: {person.full_name}" in text
    assert person.email in text
    assert "Who has seen or changed your records" in text
    assert AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.DOWNLOAD).count() == 1
    assert AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.EXPORT, subject=person).count() == 1
    # Someone else cannot tell the job exists.
    assert client_as(team_manager).get(reverse("reports:job_download", kwargs={"job_id": job.pk})).status_code == 404


def test_the_status_partial_polls_until_the_job_ends(client_as, person):
    job = ReportJobFactory(requested_by=person, status=ReportJob.Status.RUNNING, progress=40)
    client = client_as(person)
    fragment = client.get(reverse("reports:job_detail", kwargs={"job_id": job.pk}), HTTP_HX_REQUEST="true")
    html = BeautifulSoup(fragment.content, "html.parser")
    assert html.find("html") is None  # a fragment, not a page
    status = html.select_one("#job-status")
    assert status["hx-trigger"] == "every 2s"
    assert html.select_one("progress")["value"] == "40"
    assert html.find("a", string="refresh the page") is not None  # the no-JavaScript path
    job.status = ReportJob.Status.FAILED
    job.error = "This report took too long to make. Try again later."
    job.save()
    fragment = client.get(reverse("reports:job_detail", kwargs={"job_id": job.pk}), HTTP_HX_REQUEST="true")
    html = BeautifulSoup(fragment.content, "html.parser")
    assert not html.select_one("#job-status").has_attr("hx-trigger")  # polling stops
    assert "This report took too long to make" in html.get_text()


def test_rendering_the_same_job_twice_gives_the_same_file(person):
    job = ReportJobFactory(requested_by=person)
    services.report_job_render(job=job)
    first_name, first = job.file.name, job.file.read()
    job.file.close()
    job.status = ReportJob.Status.QUEUED  # as if the message were delivered again
    services.report_job_render(job=job)
    job.refresh_from_db()
    assert job.file.name == first_name
    assert job.file.read() == first
    assert job.page_count >= 1 and job.progress == 100


def test_the_pdf_is_tagged_pdf_ua(person):
    job = services.report_job_render(job=ReportJobFactory(requested_by=person))
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info
    assert f"Title:           Your data: {person.full_name}" in info


def test_reports_fetch_only_our_own_static_files():
    fetcher = static_only_url_fetcher_class()()
    css = fetcher.fetch("https://report.invalid/static/print/report.css")
    assert b"@page" in css.read()
    for url in ("https://example.org/tracker.png", "file:///etc/passwd", "https://report.invalid/static/../settings.py"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_job_whose_message_was_lost_is_queued_again(person, django_capture_on_commit_callbacks):
    lost = ReportJobFactory(requested_by=person)
    ReportJob.objects.filter(pk=lost.pk).update(updated_at=timezone.now() - timedelta(minutes=10))
    fresh = ReportJobFactory(requested_by=person)
    assert services.report_jobs_requeue_stuck() == 1
    lost.refresh_from_db()
    assert lost.updated_at > timezone.now() - timedelta(minutes=1)
    fresh.refresh_from_db()
    assert fresh.status == ReportJob.Status.QUEUED


def test_a_job_that_kept_killing_its_worker_is_given_up(person):
    job = ReportJobFactory(requested_by=person, status=ReportJob.Status.RUNNING, attempts=3)
    ReportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    services.report_jobs_requeue_stuck()
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert "could not be made" in job.error


@pytest.mark.django_db(transaction=True)
def test_only_the_job_id_crosses_the_broker(person):
    from coproduction.celery import app

    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue(app.conf.task_default_queue)
        queue.clear()  # a message an earlier test on this worker left unread is not ours
        job = services.report_job_request(kind="my_data", requested_by=person, subject=person, subject_user=person)
        message = queue.get(timeout=10)
        message.ack()
        queue.close()
    args, kwargs, _ = message.decode()
    assert (args, kwargs) == ([str(job.pk)], {})
    assert message.headers["task"] == "coproduction.reports.tasks.report_job_render"
    assert person.email not in message.body.decode(errors="ignore")


def test_when_a_report_was_asked_for_reads_as_one_sentence(client_as, person):
    from datetime import datetime

    job = ReportJobFactory(requested_by=person, created_at=timezone.make_aware(datetime(2026, 12, 7, 15, 37)))
    page = client_as(person).get(reverse("reports:job_detail", kwargs={"job_id": job.pk}))
    assert "Asked for at 3:37pm on 7 December 2026." in page.content.decode()
