"""The demo shows peer research with interviews and themed findings that the day opportunities
specification's sections cite, and that its priorities rest on."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.priorities.demo import seed_priorities_demo
from commissioning.priorities.models import Priority
from commissioning.research.demo import seed_research_demo
from commissioning.research.models import Finding, Interview
from commissioning.specifications.demo import seed_specifications_demo
from commissioning.specifications.models import Specification
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_peer_research_cited_by_the_specification(client):
    users = {}
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]), ("provider", [Role.PROVIDER]), ("head", [Role.HEAD_OF_SERVICE]),
                         ("procurement", [Role.COMMISSIONER]),
                         ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON])]:
        users[email] = UserFactory(email=f"{email}@demo.example", roles=roles)
    seed_commissioning_demo()
    seed_specifications_demo()
    seed_priorities_demo()
    seed_research_demo()
    seed_research_demo()  # idempotent
    assert (Interview.objects.count(), Finding.objects.count()) == (6, 3)
    specification = Specification.objects.get()
    login_as(client, users["person"])
    page = BeautifulSoup(client.get(reverse("specifications:specification_detail", kwargs={
        "programme_id": specification.programme_id, "specification_id": specification.pk})).content, "html.parser")
    cited = [link.get_text() for link in page.select_one("#section-outcomes").find("h3", string="Findings that informed this section").find_next("ul").select("a")]
    assert [text.split(": ")[-1] for text in cited] == ["Doing real things", "Choice and familiar staff"]

    weekends = Priority.objects.get(title="More to do at weekends")
    page = BeautifulSoup(client.get(reverse("priorities:priority_detail", kwargs={
        "programme_id": weekends.programme_id, "priority_id": weekends.pk})).content, "html.parser")
    rests_on = [link.get_text() for link in page.select("#research-findings li a")]
    assert rests_on == ["Getting out and about", "Doing real things"]
