"""Who may see and do what with co-delivered training. The programme's group sees its training;
commissioners plan courses and sessions, add co-trainers, take bookings and record who came."""

import rules

from commissioning.rules import is_commissioner, is_group_member

# Object: the programme.
rules.add_perm("training.view_training", is_group_member | is_commissioner)
rules.add_perm("training.manage_training", is_commissioner)
