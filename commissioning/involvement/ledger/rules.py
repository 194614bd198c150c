"""Who may see and make recognition and expenses claims. A person sees and makes only their own
claims; the organiser (a commissioner, who can manage the programme) enters claims for people,
approves or queries them, and sees spend."""

import rules

from commissioning.rules import is_commissioner

from ..rules import is_head_of_service


@rules.predicate
def is_claimant(user, claim) -> bool:
    return claim is not None and claim.claimant_id == user.pk


@rules.predicate
def claim_is_open(user, claim) -> bool:
    return claim is not None and claim.status in ("submitted", "queried")


# The person's own ledger and making a claim for an activity they took part in.
rules.add_perm("involvement.view_own_claims", rules.is_authenticated)
rules.add_perm("involvement.make_claim", rules.is_authenticated)
# Changing a claim: its claimant, until it is approved.
rules.add_perm("involvement.change_claim", rules.is_authenticated & is_claimant & claim_is_open)
# A programme's claims (object: the programme): entering, approving, querying.
rules.add_perm("involvement.manage_claims", is_commissioner)
# Spend per programme and activity; heads of service see it too, to plan budgets.
rules.add_perm("involvement.view_spend", is_commissioner | is_head_of_service)
# Payment files for finance, and the council's rates.
rules.add_perm("involvement.export_payments", is_commissioner)
rules.add_perm("involvement.manage_rates", is_commissioner)
