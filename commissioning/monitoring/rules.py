"""Who may see and do what in monitoring and quality checking. Commissioners run it; the
programme's co-production group follows its contracts; a provider sees only its own
organisation's contracts, and a visit report only once commissioners have reviewed it; a
meeting's papers go only to its members; a quality assessor sees only the visits they are
assigned to. Whether a record can still change (a submitted report, put-forward minutes) is a
fact about the record, checked in services."""

import rules

from commissioning.rules import current_programme_ids, is_commissioner, is_group_member
from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role
from coproduction.core.rules_cache import cached_for_request

is_provider_user = has_role(Role.PROVIDER)
is_assessor_user = has_role(Role.QUALITY_ASSESSOR)


def provider_programme_ids(user) -> frozenset[int]:
    """Programmes where the user's own organisation holds a contract (providers only)."""
    if not (user.is_authenticated and Role.PROVIDER in user.roles and user.organisation_id):
        return frozenset()

    def load():
        from .models import Contract

        return frozenset(Contract.objects.filter(provider_id=user.organisation_id).order_by().values_list("programme_id", flat=True))

    return cached_for_request(user, "monitoring.provider_programme_ids", load)


def meeting_roles(user) -> dict[int, tuple[int, str]]:
    """meeting id -> (contract id, role) for every monitoring meeting the user is a member of."""
    if not user.is_authenticated:
        return {}

    def load():
        from .models import MeetingMember

        rows = MeetingMember.objects.filter(user=user).order_by().values_list("meeting_id", "meeting__contract_id", "role")
        return {meeting_id: (contract_id, role) for meeting_id, contract_id, role in rows}

    return cached_for_request(user, "monitoring.meeting_roles", load)


def assigned_visits(user) -> dict[int, int]:
    """visit id -> programme id for every quality visit the user is assigned to."""
    if not (user.is_authenticated and Role.QUALITY_ASSESSOR in user.roles):
        return {}

    def load():
        from .models import QualityVisit

        return dict(QualityVisit.objects.filter(assessors=user).order_by().values_list("pk", "contract__programme_id"))

    return cached_for_request(user, "monitoring.assigned_visits", load)


@rules.predicate
def is_contract_provider(user, contract) -> bool:
    return (
        contract is not None and user.is_authenticated and Role.PROVIDER in user.roles
        and user.organisation_id is not None and user.organisation_id == contract.provider_id
    )


def _follows_all_contracts(user, programme_id: int) -> bool:
    """Group members follow every contract in their programme, except providers' staff: a
    provider sees only its own organisation's contracts, even when it sits in the group."""
    return programme_id in current_programme_ids(user) and Role.PROVIDER not in user.roles


@rules.predicate
def is_contract_group_member(user, contract) -> bool:
    return contract is not None and _follows_all_contracts(user, contract.programme_id)


@rules.predicate
def sits_on_a_contract_meeting(user, contract) -> bool:
    return contract is not None and any(contract_id == contract.pk for contract_id, _ in meeting_roles(user).values())


@rules.predicate
def has_contract_in_programme(user, programme) -> bool:
    return programme is not None and programme.pk in provider_programme_ids(user)


@rules.predicate
def has_visit_in_programme(user, programme) -> bool:
    return programme is not None and programme.pk in assigned_visits(user).values()


@rules.predicate
def is_meeting_member(user, meeting) -> bool:
    return meeting is not None and meeting.pk in meeting_roles(user)


@rules.predicate
def is_meeting_representative(user, meeting) -> bool:
    from .models import MeetingMember

    if meeting is None or meeting.pk not in meeting_roles(user):
        return False
    return meeting_roles(user)[meeting.pk][1] in MeetingMember.REPRESENTATIVE_ROLES


@rules.predicate
def is_visit_assessor(user, visit) -> bool:
    return visit is not None and visit.pk in assigned_visits(user)


@rules.predicate
def visit_is_reviewed(user, visit) -> bool:
    return visit is not None and visit.status == "reviewed"


@rules.predicate
def visit_contract_provider(user, visit) -> bool:
    return visit is not None and is_contract_provider.test(user, visit.contract)


@rules.predicate
def visit_group_member(user, visit) -> bool:
    return visit is not None and _follows_all_contracts(user, visit.contract.programme_id)


@rules.predicate
def is_action_owner(user, action) -> bool:
    return action is not None and action.owner_id == user.id


# The programme's "Contracts" tab: commissioners, the group, and providers holding a contract
# in it (they see only their own contracts listed).
rules.add_perm("monitoring.view_contract_list", is_commissioner | is_group_member | has_contract_in_programme)
rules.add_perm("monitoring.add_contract", is_commissioner)
# A contract's page, its returns over time and its open actions.
rules.add_perm(
    "monitoring.view_contract", is_commissioner | is_contract_group_member | is_contract_provider | sits_on_a_contract_meeting,
)
rules.add_perm("monitoring.change_contract", is_commissioner)
# The provider sends its own figures each quarter.
rules.add_perm("monitoring.enter_return", is_contract_provider)
# Meetings: the papers and the record go to the meeting's members only.
rules.add_perm("monitoring.view_meeting", is_commissioner | is_meeting_member)
rules.add_perm("monitoring.manage_meeting", is_commissioner)
# The format each member gets their papers in says something about their health (large print,
# Easy Read): only those who organise the meeting and send the papers see it. Each member sees
# their own.
rules.add_perm("monitoring.view_members_formats", is_commissioner)
# What each member's involvement profile says helps them take part (step-free access, a quiet
# space, Easy Read): for those who organise the meeting only, every read audited.
rules.add_perm("monitoring.view_access_needs", is_commissioner)
rules.add_perm("monitoring.give_representatives_view", is_commissioner | is_meeting_representative)
rules.add_perm("monitoring.agree_minutes", is_meeting_member)
# The quality framework of a programme.
rules.add_perm(
    "monitoring.view_framework",
    is_commissioner | is_group_member | has_contract_in_programme | has_visit_in_programme,
)
rules.add_perm("monitoring.change_framework", is_commissioner)
# Quality visits: assessors see only their own; the provider and the group see a report once
# commissioners have reviewed it.
rules.add_perm(
    "monitoring.view_visit",
    is_commissioner | is_visit_assessor | (visit_is_reviewed & (visit_contract_provider | visit_group_member)),
)
rules.add_perm("monitoring.add_visit", is_commissioner)
rules.add_perm("monitoring.record_findings", is_visit_assessor)
rules.add_perm("monitoring.review_visit", is_commissioner)
rules.add_perm("monitoring.respond_to_visit", visit_is_reviewed & visit_contract_provider)
# Actions from meetings and visits: the owner marks their own done.
rules.add_perm("monitoring.complete_action", is_commissioner | is_action_owner)
# Each role's own list across programmes.
rules.add_perm("monitoring.view_my_monitoring", rules.is_authenticated)
