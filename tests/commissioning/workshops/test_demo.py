from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.priorities.demo import seed_priorities_demo
from commissioning.workshops.demo import PAST_TITLE, UPCOMING_TITLE, seed_workshops_demo
from commissioning.workshops.models import Workshop
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_a_workshop_with_outcomes_and_one_coming_up(client):
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER), ("provider", Role.PROVIDER)]:
        UserFactory(email=f"{email}@demo.example", roles=[role])
    seed_commissioning_demo()
    seed_priorities_demo()
    seed_workshops_demo()
    seed_workshops_demo()  # idempotent
    past, upcoming = Workshop.objects.get(title=PAST_TITLE), Workshop.objects.get(title=UPCOMING_TITLE)
    assert {member.user.email for member in past.activity.participants.all()} == {"person@demo.example", "carer@demo.example"}
    assert past.activity.happened_on == past.date and past.ideas.count() == 4 and past.activity.priorities.count() == 2
    al = upcoming.invitations.get(member__user__email="person@demo.example")
    assert (al.reply, al.access_needs) == ("coming", ["quiet_space", "easy_read"])
    assert upcoming.invitations.get(member__user__email="carer@demo.example").reply == ""
    login_as(client, al.member.user)
    home = client.get(reverse("accounts:role_home", kwargs={"role": "person"})).content.decode()
    assert UPCOMING_TITLE in home
    page = client.get(reverse("workshops:workshop_detail", kwargs={"programme_id": past.programme_id, "workshop_id": past.pk})).content.decode()
    assert "Somewhere to go on Saturdays" in page
