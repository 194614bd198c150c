"""The retention schedule, its runs and erasure requests are for administrators."""

import rules

from coproduction.accounts.rules import is_administrator as _is_administrator

rules.add_perm("governance.view_retention", _is_administrator)
rules.add_perm("governance.apply_erasure", _is_administrator)
