"""The consent register: staff who work with a person see and act on it from the person's
record; everyone sees and withdraws the consents that are theirs. An involvement profile is
the account holder's alone, so it never appears in a person's register for staff."""

import rules

from coproduction.people.rules import can_work_with_person as _can_work_with_person


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
