"""Who may see a report job. A report is only ever seen by the person who asked for it, and only
while they may still see what it is about: each kind names the permission that decides, so
someone who loses access (a consent withdrawn, a team or programme left, an account switched
off) loses the report with it, on their next request."""

import rules
from django.conf import settings

from .kinds import REPORT_KINDS


@rules.predicate
def is_job_requester(user, job) -> bool:
    return job is not None and job.requested_by_id == user.id


@rules.predicate
def may_see_report_subject(user, job) -> bool:
    """The permission the job's kind names, asked now about the job's subject."""
    kind = REPORT_KINDS.get(job.kind) if job is not None else None
    subject = job.subject if kind is not None else None
    if subject is None:  # an unknown kind, or what it was about is gone
        return False
    return user.has_perm(kind.view_perm, kind.perm_object(subject))


@rules.predicate
def is_own_account(user, subject) -> bool:
    return subject is not None and subject._meta.label == settings.AUTH_USER_MODEL and subject.pk == user.pk


rules.add_perm("reports.view_reportjob", rules.is_active & is_job_requester & may_see_report_subject)
# Everyone signed in may have a copy of what the service holds about them.
rules.add_perm("reports.request_my_data", rules.is_authenticated)
rules.add_perm("reports.view_my_data", rules.is_authenticated & is_own_account)
