"""Demo commissioning programmes for `manage.py seed_demo`. Idempotent."""

from commissioning.models import MemberRole, Programme
from commissioning.services import programme_create
from coproduction.accounts.models import User

DAY_OPPORTUNITIES = "Day opportunities for adults with learning disabilities 2027"
CARERS_BREAKS = "Short breaks for carers 2026"


def seed_commissioning_demo() -> None:
    commissioner = User.objects.get(email="commissioner@demo.example")
    person = User.objects.get(email="person@demo.example")
    carer = User.objects.get(email="carer@demo.example")
    provider = User.objects.get(email="provider@demo.example")
    if not Programme.objects.filter(title=DAY_OPPORTUNITIES).exists():
        programme = programme_create(
            lead=commissioner,
            title=DAY_OPPORTUNITIES,
            summary="Working with people who use day services, their families and local groups to decide what day "
            "opportunities should look like from 2027, and who should provide them.",
        )
        programme.members.create(user=commissioner, member_role=MemberRole.COMMISSIONER, added_by=commissioner)
        programme.members.create(user=person, member_role=MemberRole.LIVED_EXPERIENCE, added_by=commissioner)
        programme.members.create(user=carer, member_role=MemberRole.CARER, added_by=commissioner)
        programme.members.create(user=provider, member_role=MemberRole.PROVIDER, added_by=commissioner)
        programme.current_stage = programme.stages.get(position=4)
        programme.save(update_fields=["current_stage"])
    if not Programme.objects.filter(title=CARERS_BREAKS).exists():
        programme = programme_create(
            lead=commissioner,
            title=CARERS_BREAKS,
            summary="Carers told us they cannot plan a break. Together we are reviewing the short breaks service.",
            visibility=Programme.Visibility.PUBLIC,
        )
        programme.members.create(user=commissioner, member_role=MemberRole.COMMISSIONER, added_by=commissioner)
        programme.members.create(user=carer, member_role=MemberRole.CARER, added_by=commissioner)
        programme.current_stage = programme.stages.get(position=7)
        programme.save(update_fields=["current_stage"])
