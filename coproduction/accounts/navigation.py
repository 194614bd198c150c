"""The service navigation: one list, filtered by the rules, so nobody sees a link
to something they may not use. Later apps add their entries here.

An item's permission must depend on the account's roles alone: which items show is worked out
once per set of roles (context_processors.py), and tests/coproduction/accounts/test_navigation.py
checks that each permission gives the same answer for an account with teams, a managed team
and people it represents as for a bare one with the same roles. The view behind each link still
checks its own rules, so the navigation only decides which links to show."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None  # None: every signed-in user
    # URL namespaces under which this item shows as the current section.
    sections: tuple[str, ...] = ()


NAV_ITEMS: list[NavItem] = [
    NavItem("Home", "accounts:home", None, sections=("accounts:home", "accounts:role_home")),
    NavItem("My plan", "careplans:my_plan", "careplans.view_own_plan", sections=("careplans:my_plan",)),
    NavItem("Caseload", "careplans:caseload", "careplans.view_caseload", sections=("careplans", "governance:consent_register")),
    NavItem("Team dashboard", "checklist:dashboard", "checklist.view_dashboard", sections=("checklist:dashboard", "checklist:teams", "checklist:rounds", "checklist:round_add", "checklist:round_detail", "checklist:team_stories", "checklist:story_share")),
    NavItem("Checklist", "checklist:statements", "checklist.view_statements", sections=tuple(
        f"checklist:{name}" for name in (
            "statements", "start", "start_for_person", "person_compare", "reflect", "reflection", "practitioner_reflection", "fill",
            "fill_one", "check", "discard", "detail", "goals", "goal_add", "goal_detail", "shared_stories", "statement_sets", "statement_set_publish",
            "practice_groups", "practice_group_add", "practice_group_detail", "practice_group_member_add", "practice_group_statement",
            "practice_group_share", "practice_action_add",
        )
    )),
    NavItem(
        "Commissioning", "commissioning:programme_list", "commissioning.view_programme_list",
        sections=("commissioning", "priorities", "budgeting", "workshops", "specifications"),
    ),
    NavItem("Boards", "boards:board_list", "boards.add_board", sections=("boards",)),
    NavItem("Recruitment", "recruitment:campaign_list", "recruitment.add_campaign", sections=("recruitment",)),
    NavItem("Networks", "networks:network_list", "networks.add_network", sections=("networks",)),
    NavItem("Local assets", "assets:search", None, sections=("assets",)),
    NavItem("Your data", "reports:my_data", "reports.request_my_data", sections=("reports", "governance:my_consents")),
    NavItem("Audit trail", "audit:event_list", "audit.view_auditevent", sections=("audit",)),
    NavItem("Subject access", "governance:sar_search", "governance.manage_subject_access", sections=tuple(
        f"governance:{name}" for name in ("sar_search", "sar_person", "sar_account", "sar_detail")
    )),
    NavItem("Retention", "governance:retention_schedule", "governance.view_retention", sections=tuple(
        f"governance:{name}" for name in ("retention_schedule", "retention_due", "retention_runs", "erasure_list", "erasure_add", "erasure_detail")
    )),
    NavItem("Manage accounts", "accounts:user_list", "accounts.view_user", sections=(
        "accounts:user_list", "accounts:user_add", "accounts:user_edit", "accounts:team_list",
        "governance:inactive_accounts", "governance:inactive_account_disable",
    )),
]
