"""Helpers the recruitment tests share: the candidates' names, member roles, page addresses and
a full set of scores as a form posts them."""

from django.urls import reverse

from commissioning.recruitment.models import CampaignMember

NAMES = ("Jordan Quillfeather", "Sasha Brightwater")
R = CampaignMember.Role


def url(name: str, campaign, **extra) -> str:
    return reverse(f"recruitment:{name}", kwargs={"campaign_id": campaign.pk, **extra})


def scores_post(values, score=3, reason="A clear example.") -> dict:
    data = {}
    for value in values:
        data[f"score_{value.pk}"], data[f"reason_{value.pk}"] = str(score), reason
    return data
