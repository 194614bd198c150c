"""A report ready to download, told to the requester only if they have left its page.

The progress page polls every two seconds while the report is being made, and each look by
the requester records the time of that look (a cache key kept for REPORT_WATCHED_SECONDS:
nothing else is stored about the visit). When the job ends, a requester who looked within the
last REPORT_WATCHED_SECONDS is still watching and sees the result on the page; anyone else
gets a message. Without JavaScript the page does not poll, so the
requester hears unless they refreshed it in the last few seconds.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import ReportJob


def _watched_key(job: ReportJob) -> str:
    return f"reports:watched:{job.pk}"


def report_job_watched(*, job: ReportJob, user) -> None:
    """The requester is looking at the job's page now."""
    if job.requested_by_id == user.pk and not job.is_finished:
        cache.set(_watched_key(job), time.time(), timeout=settings.REPORT_WATCHED_SECONDS)


def requester_left(job: ReportJob) -> bool:
    """No look at the page within the window: they closed the tab or went elsewhere."""
    last_look = cache.get(_watched_key(job))
    return last_look is None or time.time() - last_look > settings.REPORT_WATCHED_SECONDS


def report_job_finished(*, job: ReportJob) -> int:
    """Tell the requester the report is ready (or could not be made), unless they are watching."""
    job = ReportJob.objects.select_related("requested_by").get(pk=job.pk)
    if not job.is_finished or job.status == ReportJob.Status.VOIDED or not requester_left(job):
        return 0  # a stopped report is not theirs to hear about any more
    label = job.get_kind_display()
    link = reverse("reports:job_detail", kwargs={"job_id": job.pk})
    if job.status == ReportJob.Status.DONE:
        return notify(
            recipients=job.requested_by, topic=Topic.REPORT_READY, key=f"report-ready:{job.pk}", link=link,
            subject="Your report is ready to download",
            body=f"The report you asked for ({label}) is ready. Sign in to download it.",
        )
    return notify(
        recipients=job.requested_by, topic=Topic.REPORT_READY, key=f"report-failed:{job.pk}", link=link,
        subject="Your report could not be made",
        body=f"The report you asked for ({label}) could not be made. Sign in to try again, or ask for help if it keeps happening.",
    )
