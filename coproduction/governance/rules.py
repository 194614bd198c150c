"""Who may do what in information governance: one predicate per decision."""

import rules  # noqa: F401

# BEGIN subject access rules
# Subject access requests: only administrators find a person, ask for the export and open it.
# Any administrator may open any request's files, so the work survives one of them being away.
from coproduction.accounts.rules import is_administrator as _is_administrator  # noqa: E402

SUBJECT_ACCESS_KINDS = ("subject_access_pdf", "subject_access_zip")


@rules.predicate
def is_subject_access_job(user, job) -> bool:
    return job is not None and job.kind in SUBJECT_ACCESS_KINDS


rules.add_perm("governance.manage_subject_access", _is_administrator)
rules.add_perm("governance.view_subject_access_job", _is_administrator & is_subject_access_job)
# END subject access rules
# BEGIN consent rules
# The consent register: staff who work with a person see and act on it from the person's
# record; everyone sees and withdraws the consents that are theirs. An involvement profile is
# the account holder's alone, so it never appears in a person's register for staff.
from coproduction.people.rules import can_work_with_person as _can_work_with_person  # noqa: E402


@rules.predicate
def consent_is_about_own_record(user, consent) -> bool:
    """The person themselves, or the account holder (their own story or profile)."""
    if consent is None or not user.is_authenticated:
        return False
    if consent.user_id is not None:
        return consent.user_id == user.pk
    return consent.person_id is not None and consent.person.user_id == user.pk


@rules.predicate
def consent_concerns_this_representative(user, consent) -> bool:
    """The representative it is about: their own access, or a story they agreed to on the person's behalf."""
    return (
        consent is not None and user.is_authenticated and consent.representative_id is not None
        and consent.representative.user_id == user.pk
    )


@rules.predicate
def works_with_consents_person(user, consent) -> bool:
    return consent is not None and consent.person_id is not None and _can_work_with_person(user, consent.person)


rules.add_perm("governance.view_consent_register", rules.is_authenticated & _can_work_with_person)
rules.add_perm("governance.view_own_consents", rules.is_authenticated)
rules.add_perm(
    "governance.withdraw_consent",
    rules.is_authenticated & (consent_is_about_own_record | consent_concerns_this_representative | works_with_consents_person),
)
# END consent rules

# BEGIN retention and access review rules
# The retention schedule, its runs, erasure requests and inactive accounts are for
# administrators. Who opened a person's record is for administrators and the managers of the
# person's team. Importing accounts_review connects the sign-in signal that notes session keys.
from coproduction.accounts.rules import is_administrator as _is_administrator  # noqa: E402
from coproduction.accounts.rules import is_team_manager as _is_team_manager  # noqa: E402

from . import accounts_review as _accounts_review  # noqa: E402,F401


@rules.predicate
def manages_persons_team(user, person) -> bool:
    return person is not None and person.team_id in user.managed_team_ids


rules.add_perm("governance.view_retention", _is_administrator)
rules.add_perm("governance.apply_erasure", _is_administrator)
rules.add_perm("governance.view_access_review", _is_administrator | (_is_team_manager & manages_persons_team))
rules.add_perm("governance.review_inactive_accounts", _is_administrator)
# END retention and access review rules
