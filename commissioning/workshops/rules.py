"""Who may see and do what with a programme's workshops. The group sees its programme's
workshops; only invited people and organisers see how to join; only the invited person and
the organisers (commissioners) see that person's access needs. Predicates read only what the
selectors loaded (`workshop.viewer_invitation`), so they cost no queries.
Keep in step with commissioning.workshops.selectors."""

import rules

from commissioning.rules import current_programme_ids, is_commissioner

# Commissioners run programmes, so they organise the workshops in them.
is_organiser = is_commissioner


@rules.predicate
def is_in_workshop_group(user, workshop) -> bool:
    return workshop is not None and workshop.programme_id in current_programme_ids(user)


@rules.predicate
def is_invited(user, workshop) -> bool:
    invitation = getattr(workshop, "viewer_invitation", None)
    return invitation is not None and invitation.member.user_id == user.pk


@rules.predicate
def is_own_invitation(user, invitation) -> bool:
    return invitation is not None and invitation.member.user_id == user.pk


# Anyone signed in may list their own invitations (the list may be empty).
rules.add_perm("workshops.view_own_invitations", rules.is_authenticated)
rules.add_perm("workshops.view_workshop", is_in_workshop_group | is_organiser)
rules.add_perm("workshops.manage_workshop", is_organiser)
# Replying: an invited person who is still in the group.
rules.add_perm("workshops.reply", is_invited & is_in_workshop_group)
rules.add_perm("workshops.view_joining_details", is_invited | is_organiser)
# A person's access needs: their own, and the organisers' (every organiser read is audited).
rules.add_perm("workshops.view_access_needs", is_own_invitation | is_organiser)
rules.add_perm("workshops.view_all_access_needs", is_organiser)
