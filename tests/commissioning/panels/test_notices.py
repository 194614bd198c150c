"""What panel members are told: that they are on the panel and its dates, that their briefing
pack is ready in their format, and new dates, even a member with a declared interest."""

from urllib.parse import urlsplit

from django.urls import reverse

from commissioning.panels import services
from commissioning.panels.models import PanelMember
from coproduction.notifications.selectors import messages_for
from coproduction.notifications.topics import Topic
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.commissioning.panels.factories import ConflictFactory, PanelMemberFactory


def _url(panel, name):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})


def _details(panel, **changes):
    return {name: getattr(panel, name) for name in services.PANEL_DETAIL_FIELDS} | changes


def test_a_new_member_is_told_they_are_on_the_panel_with_its_dates(panel, person, commissioner):
    member = services.member_add(panel=panel, user=person, role=PanelMember.Role.LIVED_EXPERIENCE, by=commissioner)
    [message] = messages_for(user=person)
    assert message.topic == Topic.PANEL and message.subject == "You are on the panel: Day opportunities tender panel"
    assert "The panel's dates:\nScoring in May." in message.body
    assert "say whether you have an interest in any of the bidders" in message.body
    assert urlsplit(message.link).path == _url(panel, "panel_detail")
    assert member.user == person
    assert not messages_for(user=commissioner).exists()  # the chair set the panel up: nothing to tell


def test_a_briefing_pack_ready_tells_each_member_sent_it_in_their_format(client_as, commissioner, carer, panel, lived):
    InvolvementProfileFactory(user=lived.user, preferred_format="easy_read")
    maureen = PanelMemberFactory(panel=panel, user=carer, role=PanelMember.Role.CARER)
    not_sent = PanelMemberFactory(panel=panel, role=PanelMember.Role.COMMISSIONER)
    assert client_as(commissioner).post(_url(panel, "briefing_send"), {"members": [lived.pk, maureen.pk]}).status_code == 302

    easy_read = messages_for(user=lived.user).get()
    assert easy_read.subject == "Your briefing pack is ready: Day opportunities tender panel"
    assert "is ready, in Easy Read." in easy_read.body and "Scoring in May." in easy_read.body
    assert "is ready, in standard print." in messages_for(user=carer).get().body
    assert not messages_for(user=not_sent.user).exists()

    page = client_as(lived.user).get(urlsplit(easy_read.link).path)
    assert page.status_code == 200 and "Easy Read" in page.content.decode()


def test_sending_the_pack_again_tells_the_member_again(commissioner, panel, lived):
    services.briefing_send(panel=panel, members=[lived], formats={}, by=commissioner)
    services.briefing_send(panel=panel, members=[lived], formats={}, by=commissioner)
    assert messages_for(user=lived.user).filter(subject__startswith="Your briefing pack is ready").count() == 2


def test_new_dates_reach_every_member_including_one_with_a_declared_interest(commissioner, panel, lived, bidders, carer):
    conflicted = PanelMemberFactory(panel=panel, user=carer, role=PanelMember.Role.CARER)
    ConflictFactory(member=conflicted, bidder=bidders[0])
    services.panel_update(panel=panel, data=_details(panel, purpose="To choose who runs day services."), by=commissioner)
    assert not messages_for(user=carer).exists()  # only the purpose changed: nothing about dates

    services.panel_update(panel=panel, data=_details(panel, timetable="Reading bids: 3 to 14 May.\nScoring: 17 May."), by=commissioner)
    for user in (lived.user, carer, commissioner):
        [message] = messages_for(user=user)
        assert message.subject == "The panel's dates have changed: Day opportunities tender panel"
        assert "Reading bids: 3 to 14 May.\nScoring: 17 May." in message.body
    # Saving the same dates again tells nobody twice.
    services.panel_update(panel=panel, data=_details(panel), by=commissioner)
    assert messages_for(user=carer).count() == 1
    assert "Bright Days" not in messages_for(user=carer).get().body  # nothing about bids or bidders
