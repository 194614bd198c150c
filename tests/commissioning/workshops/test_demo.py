import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.priorities.demo import seed_priorities_demo
from commissioning.workshops.demo import PAST_TITLE, UPCOMING_TITLE, seed_workshops_demo
from commissioning.workshops.models import Workshop
from coproduction.accounts.models import Role
from coproduction.core.bank_holidays import is_bank_holiday
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def _demo_members():
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER), ("provider", Role.PROVIDER)]:
        UserFactory(email=f"{email}@demo.example", roles=[role])


def test_the_demo_has_a_workshop_with_outcomes_and_one_coming_up(client):
    _demo_members()
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


@pytest.mark.parametrize("today", [
    datetime.date(2026, 12, 7),  # 18 days on is Christmas Day
    datetime.date(2025, 12, 7),  # 18 days on is Christmas Day, a Thursday, and the Thursday after is New Year's Day
    datetime.date(2028, 1, 18),  # 21 days back is Tuesday 28 December 2027, Boxing Day's substitute
    datetime.date(2027, 4, 19),  # 21 days back is Easter Monday
    datetime.date(2026, 12, 30),  # 18 days on is a Sunday
])
def test_the_demo_workshops_fall_on_the_days_they_describe_and_never_on_a_bank_holiday(today):
    _demo_members()
    with time_machine.travel(datetime.datetime.combine(today, datetime.time(9), tzinfo=ZoneInfo("Europe/London"))):
        seed_commissioning_demo()
        seed_workshops_demo()
    past, upcoming = Workshop.objects.get(title=PAST_TITLE), Workshop.objects.get(title=UPCOMING_TITLE)
    # The workshop on a Tuesday, when Oakfield's minibus runs; the chat on a Thursday, the carers' group's day.
    assert (past.date.strftime("%A"), upcoming.date.strftime("%A")) == ("Tuesday", "Thursday")
    assert not is_bank_holiday(past.date) and not is_bank_holiday(upcoming.date)
    # Still about three weeks back and two and a half ahead, each at most a fortnight further.
    assert datetime.timedelta(days=21) <= today - past.date <= datetime.timedelta(days=21 + 14)
    assert datetime.timedelta(days=18) <= upcoming.date - today <= datetime.timedelta(days=18 + 14)
