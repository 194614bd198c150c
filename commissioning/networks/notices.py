"""What a network's members hear about its meetings: that the papers are ready, in the format each
asked for, with when and where the meeting is. Nothing from the network's discussions."""

from django.urls import reverse

from commissioning.involvement.formats import papers_ready_tell

from .models import NetworkMeeting, NetworkMeetingPlace


def papers_sent(*, meeting: NetworkMeeting, places: list[NetworkMeetingPlace]) -> int:
    """Each member with an account hears their papers are ready, with a link opening them in their format."""
    network = meeting.network
    path = reverse("networks:papers_pack", kwargs={"network_id": meeting.network_id, "meeting_id": meeting.pk})
    return sum(papers_ready_tell(
        user=place.member.user, papers_format=place.papers_format,
        subject=f"Papers for the {network.name} meeting on {meeting.date:%-d %B %Y}",
        opening=f"The papers for the {network.name} meeting “{meeting.title}” on {meeting.date:%A %-d %B %Y} are ready",
        lines=[f"Where: {' '.join(meeting.place.split())}"],
        path=path, key=f"network-papers:{meeting.pk}:{place.member_id}:{place.papers_sent_at:%Y%m%d%H%M%S%f}",
    ) for place in places)
