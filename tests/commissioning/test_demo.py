from django.urls import reverse

from commissioning.demo import CARERS_BREAKS, DAY_OPPORTUNITIES, seed_commissioning_demo
from commissioning.models import Activity, Decision, Programme
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_two_programmes_moved_on_with_coproduction_and_a_revised_decision(client):
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER), ("provider", Role.PROVIDER)]:
        UserFactory(email=f"{email}@demo.example", roles=[role])
    seed_commissioning_demo()
    seed_commissioning_demo()  # idempotent
    day, breaks = Programme.objects.get(title=DAY_OPPORTUNITIES), Programme.objects.get(title=CARERS_BREAKS)
    for programme in (day, breaks):
        assert programme.current_stage.position > 1 and programme.key_dates.exists()
        assert Activity.objects.filter(programme=programme, stage__position__lt=programme.current_stage.position, participants__isnull=False).exists()
        assert Decision.objects.filter(programme=programme, revises__isnull=False).count() == 1
    assert Activity.objects.count() == 6 and Decision.objects.count() == 6
    moved = day.decisions.get(title="Moved to the stage “Design the service together”")
    assert "Why: The group agreed the business case" in moved.decision and moved.decided_by
    al = login_as(client, day.members.get(user__email="person@demo.example").user)
    log = al.get(reverse("commissioning:decision_list", kwargs={"programme_id": day.pk})).text
    assert "This replaces" in log and "Revised on 17 September 2026" in log
