"""The service navigation: one list, filtered by the rules, so nobody sees a link
to something they may not use. Later apps add their entries here."""

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
    NavItem("Caseload", "careplans:caseload", "careplans.view_caseload", sections=("careplans",)),
    NavItem("Your data", "reports:my_data", "reports.request_my_data", sections=("reports",)),
    NavItem("Audit trail", "audit:event_list", "audit.view_auditevent", sections=("audit",)),
    NavItem("Manage accounts", "accounts:user_list", "accounts.view_user", sections=("accounts:user_list", "accounts:user_add", "accounts:user_edit", "accounts:team_list")),
]
