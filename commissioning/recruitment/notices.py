"""What recruitment panel members hear: that they are on the panel, that their briefing pack is
ready in the format they asked for, and the outcome of their panel. Never a candidate's name:
candidates are spoken of by their reference."""

from datetime import datetime

from django.urls import reverse

from commissioning.involvement.formats import FORMAT_WORDS
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import Campaign, CampaignMember, Outcome


def _link(campaign: Campaign, name: str = "campaign_detail") -> str:
    return reverse(f"recruitment:{name}", kwargs={"campaign_id": campaign.pk})


def member_added(*, member: CampaignMember, by) -> int:
    """A new member hears they are on the panel (not the chair adding themselves)."""
    if member.user_id == getattr(by, "pk", None):
        return 0
    campaign = member.campaign
    return notify(
        recipients=member.user, topic=Topic.INVITATION,
        subject=f"You are on the interview panel for {campaign.post}",
        body="\n\n".join([
            f"You have been asked to be on the panel recruiting a {campaign.post} for {campaign.team}, as "
            f"{member.short_role.lower()}. The panel agrees the values that matter for the job and the interview "
            "questions together, and each member's view counts the same.",
            f"Applications close on {campaign.closing_date:%-d %B %Y}. Your briefing pack will follow.",
        ]),
        link=_link(campaign), key=f"recruitment-member:{member.pk}",
    )


def briefing_ready(*, campaign: Campaign, members: list[CampaignMember], sent_at: datetime) -> int:
    created = 0
    for member in members:
        created += notify(
            recipients=member.user, topic=Topic.PAPERS,
            subject=f"Your briefing pack is ready: interview panel for {campaign.post}",
            body="\n\n".join([
                f"Your briefing pack for the interview panel for {campaign.post} is ready, in "
                f"{FORMAT_WORDS.get(member.briefing_format, 'standard print')}. It explains the job, how the panel "
                "works, how scoring works and the words we use.",
                "Sign in to read it. You can choose another format on the page.",
            ]),
            link=_link(campaign, "briefing"), key=f"recruitment-briefing:{member.pk}:{sent_at:%Y%m%d%H%M%S%f}",
        )
    return created


def outcome_decided(*, campaign: Campaign, outcome: Outcome) -> int:
    """Every member hears what came of their panel, by the candidate's reference."""
    recipients = [member.user for member in CampaignMember.objects.filter(campaign=campaign).select_related("user")]
    words = "appointed" if outcome.appointment == Outcome.Appointment.APPOINTED else "did not appoint"
    return notify(
        recipients=recipients, topic=Topic.PAPERS,
        subject=f"The outcome of your interview panel for {campaign.post}",
        body="\n\n".join([
            f"The panel recommended candidate {outcome.candidate_reference}. The appointing manager {words} them.",
            "Thank you for your time and your judgement. Sign in to read the panel's outcome.",
        ]),
        link=_link(campaign), key=f"recruitment-outcome:{campaign.pk}",
    )
