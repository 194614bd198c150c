"""The demo shows co-delivered training before the day opportunities tender, with a co-trainer
paid through the ledger and who came, and Tom's induction on his home page."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.involvement.models import Claim
from commissioning.specifications.demo import seed_specifications_demo
from commissioning.training.demo import seed_training_demo
from commissioning.training.models import Booking, TrainingCourse
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_training_before_the_tender_and_an_induction(client):
    users = {}
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]), ("provider", [Role.PROVIDER]), ("head", [Role.HEAD_OF_SERVICE]),
                         ("procurement", [Role.COMMISSIONER]),
                         ("practitioner", [Role.PRACTITIONER]), ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON])]:
        users[email] = UserFactory(email=f"{email}@demo.example", roles=roles)
    seed_commissioning_demo()
    seed_specifications_demo()
    seed_training_demo()
    seed_training_demo()  # idempotent
    assert TrainingCourse.objects.count() == 2
    assert Booking.objects.filter(attended=True, organisation__isnull=False).count() == 2
    assert Claim.objects.filter(claimant=users["person"], activity__training_session__isnull=False).count() == 2
    course = TrainingCourse.objects.get(specification__isnull=False)
    login_as(client, users["commissioner"])
    spec_page = BeautifulSoup(client.get(reverse("specifications:specification_detail", kwargs={
        "programme_id": course.programme_id, "specification_id": course.specification_id})).content, "html.parser")
    assert "Organisations attended: Bright Days CIC, Riverside Support Ltd." in spec_page.get_text(" ", strip=True)
    login_as(client, users["practitioner"])
    home = BeautifulSoup(client.get(reverse("accounts:role_home", kwargs={"role": "practitioner"})).content, "html.parser")
    assert "You came" in home.find("h2", string="Induction led by people who use services").find_next("ul").get_text()
