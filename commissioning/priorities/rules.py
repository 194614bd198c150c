"""Who may do what with priorities, outcomes and evidence. Pages inside a programme check the
commissioning permissions first (view_programme to read, take_part to propose, comment and
support, manage_programme to agree the shortlist and edit the outcomes framework); these
predicates decide the rest against the record itself."""

import rules

from commissioning.rules import is_commissioner


@rules.predicate
def is_evidence_recorder(user, evidence) -> bool:
    return evidence is not None and evidence.recorded_by_id == user.pk


@rules.predicate
def is_story_teller(user, evidence) -> bool:
    return evidence is not None and evidence.teller_id is not None and evidence.teller_id == user.pk


# Withdrawing a story (or removing other evidence): the teller, whoever recorded it, or a
# commissioner acting on the teller's request.
rules.add_perm("priorities.withdraw_evidence", is_commissioner | is_evidence_recorder | is_story_teller)
