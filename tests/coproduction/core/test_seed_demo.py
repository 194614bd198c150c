import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from careplans.models import CarePlan, Review
from careplans.plan_content import incomplete_sections
from commissioning.models import Activity, KeyDate
from commissioning.monitoring.models import MonitoringMeeting, QualityVisit
from commissioning.workshops.models import Workshop
from coproduction.accounts.models import ProviderGroupMapping, ProviderIdentity, Role, User
from coproduction.audit.models import AuditEvent
from coproduction.core.bank_holidays import is_bank_holiday
from coproduction.core.management.commands.seed_demo import DEMO_PASSWORD
from coproduction.people.models import Person
from coproduction.reports.models import ReportJob
from tests.harness.demo import seed_demo

# Eighteen days before Christmas: the demo's "Tea and a chat", eighteen days ahead, fell on it.
EIGHTEEN_DAYS_BEFORE_CHRISTMAS = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker) -> str:
    """The demo data, seeded once for the module, and what seed_demo printed; each test runs in a
    savepoint of it, so whatever a test writes is gone before the next one."""
    with django_db_blocker.unblock(), transaction.atomic():
        printed = seed_demo(at=EIGHTEEN_DAYS_BEFORE_CHRISTMAS)
        yield printed
        transaction.set_rollback(True)


def _readme_accounts() -> dict[str, str]:
    """The README's table of demo accounts: email to name."""
    readme = (settings.BASE_DIR / "README.md").read_text()
    return dict(re.findall(r"^\| `([^`]+@demo\.example)` \| ([^|]+?) \|", readme, flags=re.MULTILINE))


def test_seed_demo_gives_every_role_an_account_and_is_idempotent(seeded, client):
    call_command("seed_demo", stdout=io.StringIO())
    demo = User.objects.filter(email__endswith="@demo.example")
    assert {role for user in demo for role in user.roles} == {role.value for role in Role}
    assert AuditEvent.objects.filter(detail="demo data").count() == 4
    # Tom and Grace can also sign in with their Demo Council accounts (make run-sso), once each.
    assert sorted(ProviderIdentity.objects.values_list("user__email", flat=True)) == ["manager@demo.example", "practitioner@demo.example"]
    assert sorted(ProviderGroupMapping.objects.values_list("role", "team__name")) == [
        ("practitioner", "North Adults Team"), ("team_manager", "North Adults Team"),
    ]
    assert ReportJob.objects.filter(requested_by__email="person@demo.example").count() == 1
    # Al, Rosa, Edie and Bashir, and four of the people whose checklist answers fill the dashboard.
    assert Person.objects.filter(practitioner__email="practitioner@demo.example").count() == 8
    # Maureen sees Al's plan; his nephew Pat could until Al withdrew his consent.
    al_reps = Person.objects.get(user__email="person@demo.example").representatives
    assert al_reps.get(withdrawn_on__isnull=True).user.email == "carer@demo.example"
    assert al_reps.filter(withdrawn_on__isnull=False).count() == 1
    statuses = dict(CarePlan.objects.values_list("person__full_name", "status"))
    assert {name: statuses[name] for name in ("Alan Marsh", "Edith Clarke", "Rosa Benedetti")} == {
        "Alan Marsh": "agreed", "Edith Clarke": "agreed", "Rosa Benedetti": "draft",
    }
    # Al agreed his plan and his last review's outcome on screen; Edie's plan is a best-interests
    # decision with who was consulted; Al's plan has a conversation about what matters and an
    # option found on the local map.
    al_plan = CarePlan.objects.get(person__full_name="Alan Marsh")
    assert al_plan.agreed_how == "on_screen" and al_plan.reviews.get().agreed_how == "on_screen"
    assert "Jean Clarke" in CarePlan.objects.get(person__full_name="Edith Clarke").best_interests_consulted
    # An agreed plan has every section that applies complete, as agreeing one requires.
    for plan in CarePlan.objects.filter(status="agreed").select_related("person"):
        assert not incomplete_sections(plan, plan.person), f"{plan.person.full_name}'s agreed plan has sections not complete"
    assert al_plan.person.conversation.what_matters
    assert any(option.get("link") for option in al_plan.section_data("outcomes")["lists"]["options"])
    # His home postcode is in Kendal, so local options are found near him; his record (the case
    # system's extract too) says he wants Easy Read.
    assert al_plan.person.postcode == "LA9 4DL" and "easy_read" in al_plan.person.communication_needs
    # The carer sees Al's plan; Edie's review is overdue on Tom's caseload.
    carer = Client()
    carer.post("/accounts/login/", {"username": "carer@demo.example", "password": DEMO_PASSWORD})
    alan = Person.objects.get(full_name="Alan Marsh")
    page = carer.get(f"/people/{alan.pk}/plan/")
    assert "back to my allotment" in page.text
    assert "Alan Marsh" in carer.get("/home/carer/").text
    response = client.post("/accounts/login/", {"username": "person@demo.example", "password": DEMO_PASSWORD})
    assert response.headers["Location"] == "/home/"


def test_seed_demo_prints_every_account_the_readme_lists_and_each_signs_in(seeded):
    readme = _readme_accounts()
    assert "procurement@demo.example" in readme and len(readme) >= 10
    printed = {line.split()[0]: line for line in seeded.splitlines() if "@demo.example" in line}
    assert set(printed) == set(readme)
    for email, name in readme.items():
        assert name in printed[email], email
        browser = Client()
        response = browser.post("/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert browser.session["_auth_user_id"] == str(User.objects.get(email=email).pk)


def test_no_demo_event_or_meeting_falls_at_a_weekend_or_on_a_bank_holiday(seeded):
    days = {
        **{f"workshop {title}": day for title, day in Workshop.objects.values_list("title", "date")},
        **{f"monitoring meeting {title}": day for title, day in MonitoringMeeting.objects.values_list("title", "date")},
        **{f"quality visit planned {pk}": day for pk, day in QualityVisit.objects.values_list("pk", "planned_on")},
        **{f"quality visit {pk}": day for pk, day in QualityVisit.objects.values_list("pk", "visited_on") if day},
        **{f"activity {title}": day for title, day in Activity.objects.values_list("title", "happened_on") if day},
        **{f"key date {label}": day for label, day in KeyDate.objects.values_list("label", "date")},
        **{f"review {pk}": day for pk, day in Review.objects.values_list("pk", "held_on")},
    }
    assert any(name.startswith("workshop Tea and a chat") for name in days)
    assert {name: day for name, day in days.items() if day.weekday() >= 5 or is_bank_holiday(day)} == {}
