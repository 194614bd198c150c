"""Who may run imports from the case management system and edit its column mappings: the
council's administrators (its integration team)."""

import rules

from coproduction.accounts.rules import is_administrator

rules.add_perm("casesystem.manage_imports", is_administrator)
