"""The demo shows a social worker recruited with local people: agreed values and questions,
scored candidates and the panel's recommendation, linked from the Spectrum self-assessment."""

from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.involvement.spectrum import records_for_steps
from commissioning.recruitment.demo import NAMES, POST, seed_recruitment_demo
from commissioning.recruitment.models import Campaign, ModeratedScore
from coproduction.accounts.models import Role
from tests.commissioning.decisions_log import log_text
from tests.commissioning.recruitment.factories import CampaignMemberFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def demo_world() -> dict:
    """The demo's accounts, its day opportunities programme and its recruitment campaign."""
    users = {}
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]),
                         ("provider", [Role.PROVIDER]), ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON]),
                         ("head", [Role.HEAD_OF_SERVICE]), ("procurement", [Role.COMMISSIONER]), ("manager", [Role.TEAM_MANAGER]),
                         ("practitioner", [Role.PRACTITIONER]), ("admin", [Role.ADMINISTRATOR])]:
        users[email] = UserFactory(email=f"{email}@demo.example", roles=roles)
    seed_commissioning_demo()
    seed_recruitment_demo()
    return users


def test_the_demo_has_a_campaign_from_values_to_recommendation(client):
    users = demo_world()
    seed_recruitment_demo()  # idempotent
    campaign = Campaign.objects.get(post=POST)
    assert campaign.values_agreed and campaign.outcome.candidate_reference == "C2"
    assert ModeratedScore.objects.filter(candidate__campaign=campaign).count() == 9
    assert any(url_name == "recruitment:campaign_list" for _, url_name in records_for_steps()["whole_process"])
    login_as(client, users["person"])
    page = client.get(reverse("recruitment:campaign_detail", kwargs={"campaign_id": campaign.pk})).content.decode()
    assert "Candidate C2" in page and not any(name in page for name in NAMES)


def test_a_group_member_off_the_panel_sees_its_decisions_without_a_link_to_the_campaign(client):
    users = demo_world()
    campaign = Campaign.objects.select_related("outcome__decision").get(post=POST)
    campaign_url = reverse("recruitment:campaign_detail", kwargs={"campaign_id": campaign.pk})
    decision = campaign.outcome.decision
    log_url = reverse("commissioning:decision_list", kwargs={"programme_id": campaign.programme_id})
    decision_url = reverse("commissioning:decision_detail", kwargs={"programme_id": campaign.programme_id, "decision_id": decision.pk})
    # Dev, a provider in the group, is not on the interview panel: the campaign's page is closed to him.
    login_as(client, users["provider"])
    assert client.get(campaign_url).status_code == 404
    for page in (log_url, decision_url):
        text = client.get(page).content.decode()
        assert decision.title in text and campaign.activity.title in text
        assert f'href="{campaign_url}"' not in text
    # Al sits on the panel: the same pages link to it, and it opens.
    login_as(client, users["person"])
    for page in (log_url, decision_url):
        assert f'href="{campaign_url}"' in client.get(page).content.decode()
    assert client.get(campaign_url).status_code == 200


def test_the_decisions_log_asks_about_every_campaign_in_one_query(client):
    users = demo_world()
    programme = Campaign.objects.get(post=POST).programme
    added = [CampaignMemberFactory(campaign__programme=programme, user=users["person"]).campaign for _ in range(5)]
    login_as(client, users["provider"])
    # Programme, own groups, stages, count, page, activities that informed them, own campaigns.
    text = log_text(client, programme, [], budget=7, more=lambda: added)
    for campaign in added:  # listed, none a link
        assert campaign.activity.title in text
        assert reverse("recruitment:campaign_detail", kwargs={"campaign_id": campaign.pk}) not in text
