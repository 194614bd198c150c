from django.urls import reverse

from commissioning.sections import YourPart, register_your_part
from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .selectors import invitations_for_person

PANEL_SIZE = 3


def _invitations_panel(user: User) -> dict:
    # One query: the next few, and one more to know whether to say "see all".
    upcoming = list(invitations_for_person(user=user)[: PANEL_SIZE + 1])
    return {"invitations": upcoming[:PANEL_SIZE], "more": len(upcoming) > PANEL_SIZE}


# Anyone can be in a co-production group, whatever their role.
register_home_panel(roles=list(Role), template="workshops/partials/_home_invitations.html", context=_invitations_panel, order=30)


def _your_part(user: User, programme) -> list[YourPart]:
    """The person's upcoming invitations in this programme, each asking for a reply until given."""
    return [
        YourPart(
            f"You are invited to “{invitation.workshop.title}” on {invitation.workshop.date:%-d %B %Y}",
            reverse("workshops:workshop_detail", kwargs={"programme_id": programme.pk, "workshop_id": invitation.workshop_id}),
            "" if invitation.reply else "Say whether you can come",
        )
        for invitation in invitations_for_person(user=user).filter(workshop__programme=programme)
    ]


register_your_part(_your_part)
