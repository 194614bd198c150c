"""Subject access requests: only administrators find a person, ask for the export and open it.
Any administrator may open any request's files, so the work survives one of them being away."""

import rules

from coproduction.accounts.rules import is_administrator as _is_administrator

SUBJECT_ACCESS_KINDS = ("subject_access_pdf", "subject_access_zip")


@rules.predicate
def is_subject_access_job(user, job) -> bool:
    return job is not None and job.kind in SUBJECT_ACCESS_KINDS


rules.add_perm("governance.manage_subject_access", _is_administrator)
rules.add_perm("governance.view_subject_access_job", _is_administrator & is_subject_access_job)
