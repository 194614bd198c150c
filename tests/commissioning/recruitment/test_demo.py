"""The demo shows a social worker recruited with local people: agreed values and questions,
scored candidates and the panel's recommendation, linked from the Spectrum self-assessment."""

from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.involvement.spectrum import records_for_steps
from commissioning.recruitment.demo import NAMES, POST, seed_recruitment_demo
from commissioning.recruitment.models import Campaign, ModeratedScore
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_a_campaign_from_values_to_recommendation(client):
    users = {}
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]),
                         ("provider", [Role.PROVIDER]), ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON]),
                         ("head", [Role.HEAD_OF_SERVICE]), ("procurement", [Role.COMMISSIONER]), ("manager", [Role.TEAM_MANAGER]),
                         ("practitioner", [Role.PRACTITIONER]), ("admin", [Role.ADMINISTRATOR])]:
        users[email] = UserFactory(email=f"{email}@demo.example", roles=roles)
    seed_commissioning_demo()
    seed_recruitment_demo()
    seed_recruitment_demo()  # idempotent
    campaign = Campaign.objects.get(post=POST)
    assert campaign.values_agreed and campaign.outcome.candidate_reference == "C2"
    assert ModeratedScore.objects.filter(candidate__campaign=campaign).count() == 9
    assert any(url_name == "recruitment:campaign_list" for _, url_name in records_for_steps()["whole_process"])
    login_as(client, users["person"])
    page = client.get(reverse("recruitment:campaign_detail", kwargs={"campaign_id": campaign.pk})).content.decode()
    assert "Candidate C2" in page and not any(name in page for name in NAMES)
