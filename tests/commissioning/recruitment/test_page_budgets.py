"""The campaign list and a campaign's page read a fixed number of queries with ten times the data."""

from django.urls import reverse

from commissioning.recruitment import services
from coproduction.accounts.models import Role
from tests.commissioning.recruitment.pages import R, url


def test_campaign_list_and_page_read_a_fixed_number_of_queries(client_as, campaign, panel, agreed, users, django_assert_max_num_queries):
    client = client_as(users[Role.ADMINISTRATOR])
    client.get(url("campaign_detail", campaign))  # warm the session
    with django_assert_max_num_queries(40) as small_list:
        client.get(reverse("recruitment:campaign_list"))
    with django_assert_max_num_queries(40) as small_page:
        client.get(url("campaign_detail", campaign))
    for n in range(10):
        services.candidate_add(campaign=campaign, name=f"Extra {n}", by=users[Role.ADMINISTRATOR])
        value = services.PostValue.objects.create(campaign=campaign, title=f"V{n}", meaning="m", proposed_by=users[Role.PERSON])
        services.InterviewQuestion.objects.create(campaign=campaign, value=value, text="q", proposed_by=users[Role.PERSON])
        other = services.campaign_create(programme=campaign.programme, by=users[Role.TEAM_MANAGER], data={
            "post": f"Post {n}", "team": "T", "closing_date": campaign.closing_date, "about": "a"})
        services.member_add(campaign=other, user=users[Role.ADMINISTRATOR], role=R.HR_OFFICER, by=users[Role.TEAM_MANAGER])
    with django_assert_max_num_queries(len(small_list.captured_queries)):
        client.get(reverse("recruitment:campaign_list"))
    with django_assert_max_num_queries(len(small_page.captured_queries)):
        client.get(url("campaign_detail", campaign))
