"""Who may search the audit trail. Scoping (which events) is in audit.selectors."""

import rules

from coproduction.accounts.rules import is_administrator, is_team_manager

can_search_audit = is_administrator | is_team_manager
rules.add_perm("audit.view_auditevent", can_search_audit)
