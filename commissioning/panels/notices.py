"""What procurement panel members hear: that they are on the panel and its dates, that their
briefing pack is ready (in the format they asked for), and that the dates changed. Every
member hears about dates, including one who declared an interest in a bidder: an interest
keeps them from scoring that bidder, not from the panel. Nothing about bids or scores."""

import hashlib
from datetime import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse

from commissioning.involvement.formats import FORMAT_WORDS
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import Panel, PanelMember


def _link(panel: Panel, name: str = "panel_detail") -> str:
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})


def _dates(panel: Panel) -> str:
    timetable = panel.timetable.strip()
    return f"The panel's dates:\n{timetable}" if timetable else "The panel's dates are not set yet: we will tell you when they are."


def member_added(*, member: PanelMember, by) -> int:
    """A new member hears they are on the panel, with its dates (not the chair adding themselves)."""
    if member.user_id == getattr(by, "pk", None):
        return 0
    panel = member.panel
    return notify(
        recipients=member.user,
        topic=Topic.PANEL,
        subject=f"You are on the panel: {panel.title}",
        body="\n\n".join([
            f"You have been asked to be a member of the procurement panel \u201c{panel.title}\u201d. Every member "
            "scores the bids as an equal.",
            _dates(panel),
            "Before you see any bid, sign in and say whether you have an interest in any of the bidders. "
            "Your briefing pack will follow.",
        ]),
        link=_link(panel),
        key=f"panel-member:{member.pk}",
    )


def briefing_ready(*, panel: Panel, members: list[PanelMember], formats: dict[int, str], sent_at: datetime) -> int:
    """Each member sent the pack hears it is ready, in their format. Sending the pack again
    (say after the timetable changed) tells them again."""
    users = get_user_model().objects.in_bulk([member.user_id for member in members])
    by_format: dict[str, list] = {}
    for member in members:
        by_format.setdefault(formats.get(member.user_id, "standard"), []).append(users[member.user_id])
    created = 0
    for document_format, recipients in by_format.items():
        created += notify(
            recipients=recipients,
            topic=Topic.PANEL,
            subject=f"Your briefing pack is ready: {panel.title}",
            body="\n\n".join([
                f"Your briefing pack for the procurement panel \u201c{panel.title}\u201d is ready, in "
                f"{FORMAT_WORDS.get(document_format, 'standard print')}. It explains what the panel is for, how "
                "scoring works and the words we use.",
                _dates(panel),
                "Sign in to read it, or to download it as a PDF to print.",
            ]),
            link=_link(panel, "briefing"),  # the page opens in the format the pack was sent in
            key=f"panel-briefing:{panel.pk}:{sent_at:%Y%m%d%H%M%S%f}",
        )
    return created


def dates_changed(*, panel: Panel) -> int:
    """Called before a changed panel is saved: when its timetable differs from the one stored,
    every member hears the new dates."""
    stored = Panel.objects.filter(pk=panel.pk).values_list("timetable", flat=True).first()
    timetable = panel.timetable.strip()
    if stored is None or stored.strip() == timetable or not timetable:
        return 0
    recipients = [member.user for member in PanelMember.objects.filter(panel=panel).select_related("user").order_by("pk")]
    digest = hashlib.sha256(timetable.encode()).hexdigest()[:16]
    return notify(
        recipients=recipients,
        topic=Topic.PANEL,
        subject=f"The panel's dates have changed: {panel.title}",
        body="\n\n".join([
            f"The dates for the procurement panel \u201c{panel.title}\u201d have changed.",
            _dates(panel),
            "If you cannot make a date, please tell the chair as soon as you can.",
        ]),
        link=_link(panel),
        key=f"panel-dates:{panel.pk}:{digest}",
    )
