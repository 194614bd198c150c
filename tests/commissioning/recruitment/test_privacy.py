"""A candidate's name reaches the HR officer alone: never a lay member's page, message or the decisions log."""

from django.urls import reverse

from commissioning.models import Decision
from commissioning.recruitment import services
from coproduction.accounts.models import Role
from coproduction.notifications.models import Message
from tests.commissioning.recruitment.pages import NAMES, url


def test_a_candidates_name_never_reaches_a_lay_members_page_or_message(client_as, campaign, panel, agreed, users):
    values, (first, second) = agreed["values"], agreed["candidates"]
    for who in (Role.PERSON, Role.TEAM_MANAGER):
        services.conflicts_declare(member=panel[who], known={}, by=users[who])
        panel[who].refresh_from_db()
        services.scores_submit(member=panel[who], candidate=first, entered={v.pk: (3, "Fine.") for v in values}, by=users[who])
    services.moderation_record(member=panel[Role.TEAM_MANAGER], candidate=first, entered={v.pk: (3, "Agreed.") for v in values},
                               by=users[Role.TEAM_MANAGER])
    services.briefing_send(campaign=campaign, by=users[Role.TEAM_MANAGER])
    services.recommend(campaign=campaign, candidate=first, text="Best scores.", by=users[Role.TEAM_MANAGER])
    services.appointment_record(campaign=campaign, appointment="appointed", reason="Good.", by=users[Role.HEAD_OF_SERVICE])
    pages = [url(name, campaign) for name in ("campaign_detail", "briefing", "conflicts")]
    pages += [url(name, campaign, candidate_id=c.pk) for c in (first, second) for name in ("score", "candidate_scores")]
    pages += [url("value_discuss", campaign, value_id=v.pk) for v in values]
    pages += [reverse("recruitment:campaign_list"), reverse("accounts:home"),
              reverse("commissioning:decision_list", kwargs={"programme_id": campaign.programme_id})]
    pages += [reverse("commissioning:decision_detail", kwargs={"programme_id": campaign.programme_id, "decision_id": d.pk})
              for d in Decision.objects.filter(programme=campaign.programme)]
    for who in (Role.PERSON, Role.CARER):
        client = client_as(users[who])
        for page in pages:
            response = client.get(page, follow=True)
            text = response.content.decode()
            assert not any(name in text for name in NAMES), f"A candidate's name reached {who} on {page}"
        messages = Message.objects.filter(recipient=users[who])
        assert messages.exists()
        assert not any(name in f"{m.subject} {m.body}" for m in messages for name in NAMES)
    # The HR officer sees them.
    assert NAMES[0] in client_as(users[Role.ADMINISTRATOR]).get(url("campaign_detail", campaign)).content.decode()
