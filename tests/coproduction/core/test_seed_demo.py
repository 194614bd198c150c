from django.core.management import call_command
from django.test import Client

from careplans.models import CarePlan
from coproduction.people.models import Person
from coproduction.accounts.models import Role, User
from coproduction.audit.models import AuditEvent
from coproduction.core.management.commands.seed_demo import DEMO_PASSWORD
from coproduction.reports.models import ReportJob


def test_seed_demo_gives_every_role_an_account_and_is_idempotent(client):
    call_command("seed_demo")
    call_command("seed_demo")
    demo = User.objects.filter(email__endswith="@demo.example")
    assert {role for user in demo for role in user.roles} == {role.value for role in Role}
    assert AuditEvent.objects.filter(detail="demo data").count() == 4
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
    # The carer sees Al's plan; Edie's review is overdue on Tom's caseload.
    carer = Client()
    carer.post("/accounts/login/", {"username": "carer@demo.example", "password": DEMO_PASSWORD})
    alan = Person.objects.get(full_name="Alan Marsh")
    page = carer.get(f"/people/{alan.pk}/plan/")
    assert "back to my allotment" in page.text
    assert "Alan Marsh" in carer.get("/home/carer/").text
    response = client.post("/accounts/login/", {"username": "person@demo.example", "password": DEMO_PASSWORD})
    assert response.headers["Location"] == "/home/"
