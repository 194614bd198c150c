"""Who may see and do what with peer research. The programme's group sees its research and its
findings; peer researchers in the group record interviews and theme findings; commissioners
start projects."""

import rules

from commissioning.rules import is_commissioner, is_group_member

# Object: the programme.
rules.add_perm("research.view_research", is_group_member | is_commissioner)
rules.add_perm("research.add_project", is_commissioner)
rules.add_perm("research.record", is_group_member | is_commissioner)
