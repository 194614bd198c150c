from coproduction.core.personal_data import exempt, register

from .models import (
    Alliance,
    AllianceShare,
    LibraryItem,
    Network,
    NetworkMeeting,
    NetworkMeetingPaper,
    NetworkMeetingPlace,
    NetworkMember,
    Post,
    Thread,
    WayOfWorking,
    WayOfWorkingAgreement,
)

register(
    NetworkMember,
    title="Networks you belong to",
    user_paths=["user"],
    fields=[("Network", "network__name"), ("What you bring", "kind"), ("You moderate it", "is_moderator"),
            ("Joined", "joined_on"), ("Left", "left_on")],
    order_by=["network__name"],
)
register(
    Thread,
    title="Discussions you started in a network",
    user_paths=["started_by"],
    fields=[("Network", "network__name"), ("Discussion", "title"), ("Started", "started_at")],
    order_by=["-started_at"],
)
register(
    Post,
    title="Your messages in network discussions",
    user_paths=["author"],
    fields=[("Network", "thread__network__name"), ("Discussion", "thread__title"), ("Message", "text"),
            ("Sent", "posted_at"), ("Hidden by a moderator", "hidden_at")],
    order_by=["-posted_at"],
)
register(
    WayOfWorkingAgreement,
    title="Ways of working you agreed",
    user_paths=["member__user"],
    fields=[("Network", "way_of_working__network__name"), ("Version", "way_of_working__version"), ("Agreed", "agreed_at")],
    order_by=["-agreed_at"],
)
register(
    NetworkMeetingPlace,
    title="Network meetings: your papers and the minutes you agreed",
    user_paths=["member__user"],
    fields=[("Network", "meeting__network__name"), ("Meeting", "meeting__title"), ("Date", "meeting__date"),
            ("Papers format", "papers_format"), ("Came", "attended"), ("Agreed the minutes", "minutes_agreed_at")],
    order_by=["-meeting__date"],
)
exempt(Network, reason="a network's name and aim; names only the staff member who set it up")
exempt(WayOfWorking, reason="the network's agreed way of working; names only the member who wrote the version")
exempt(LibraryItem, reason="information shared with every member as part of the network's work")
exempt(NetworkMeeting, reason="a meeting's arrangements and minutes; members are in NetworkMeetingPlace")
exempt(NetworkMeetingPaper, reason="papers for a meeting, added as part of the network's work")
exempt(Alliance, reason="an agreement between organisations; names only the staff member who recorded it")
exempt(AllianceShare, reason="an organisation's share of an alliance's risk and reward")
