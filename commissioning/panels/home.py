"""A panel member's own panels: "Your panels" on their home page, whatever their role (a
procurement officer, a person who uses services, a carer...), and their part on the
programme's overview, each with what they are asked to do now. One query each."""

from django.db.models import Case, Value, When
from django.urls import reverse

from commissioning.sections import YourPart, register_your_part
from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .models import Panel, PanelMember

PANEL_SIZE = 5


def ask_of(member: PanelMember) -> str:
    """What the member is asked to do on the panel now, in plain English ("" for nothing)."""
    status = member.panel.status
    if status == Panel.Status.PREPARING:
        return "" if member.has_declared else "Say whether you have an interest in any bidder"
    if status == Panel.Status.SCORING:
        return "Score the bids"
    if status == Panel.Status.MODERATING:
        return "Agree the scores with the panel at moderation"
    return ""


def _url(panel: Panel) -> str:
    return reverse("panels:panel_detail", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})


def _memberships(user: User):
    # Panels still at work first, then those awarded; newest first within each.
    awarded_last = Case(When(panel__status=Panel.Status.AWARDED, then=Value(1)), default=Value(0))
    return PanelMember.objects.filter(user=user).select_related("panel", "panel__programme").order_by(
        awarded_last, "-panel__created_at", "-panel__pk"
    )


def _home_panel(user: User) -> dict:
    found = list(_memberships(user)[: PANEL_SIZE + 1])
    rows = [(member, _url(member.panel), ask_of(member)) for member in found[:PANEL_SIZE]]
    return {"panels": rows, "more": len(found) > PANEL_SIZE}


def _your_part(user: User, programme) -> list[YourPart]:
    members = _memberships(user).filter(panel__programme=programme)
    return [
        YourPart(f"You are on the procurement panel “{member.panel.title}” ({member.panel.get_status_display().lower()})",
                 _url(member.panel), ask_of(member))
        for member in members
    ]


register_home_panel(roles=list(Role), template="panels/partials/_home_panels.html", context=_home_panel, order=32)
register_your_part(_your_part)
