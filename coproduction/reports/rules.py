"""Who may see a report job. A report is only ever seen by the person who asked for it."""

import rules


@rules.predicate
def is_job_requester(user, job) -> bool:
    return job is not None and job.requested_by_id == user.id


rules.add_perm("reports.view_reportjob", rules.is_authenticated & is_job_requester)
# Everyone signed in may have a copy of what the service holds about them.
rules.add_perm("reports.request_my_data", rules.is_authenticated)
