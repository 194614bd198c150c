"""Demo data for `make run`: one account per role, so every capability shows at once.

Idempotent: running it again changes nothing that exists. Every feature adds its own
demo records here, for each demo account that should see them.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from checklist.demo import seed_checklist_demo
from commissioning.assets.demo import seed_assets_demo
from commissioning.budgeting.demo import seed_budgeting_demo
from commissioning.coassessment.demo import seed_coassessment_demo
from commissioning.demo import seed_commissioning_demo
from commissioning.involvement.demo import seed_involvement_demo
from commissioning.monitoring.demo import seed_monitoring_demo
from commissioning.panels.demo import seed_panels_demo
from commissioning.priorities.demo import seed_priorities_demo
from commissioning.specifications.demo import seed_specifications_demo
from commissioning.workshops.demo import seed_workshops_demo
from coproduction.accounts.models import Organisation, Role, Team, TeamMembership, User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.governance.demo import seed_governance_demo
from coproduction.notifications.demo import seed_notifications_demo
from coproduction.reports.models import ReportJob
from coproduction.reports.services import report_job_request

DEMO_PASSWORD = "demo-coproduction-2026"
DEMO_DETAIL = "demo data"

DEMO_ACCOUNTS = [
    # email, full name, preferred name, roles, organisation, team, manages team
    ("commissioner@demo.example", "Priya Shah", "Priya", [Role.COMMISSIONER], "Demo Council", "Commissioning", False),
    ("practitioner@demo.example", "Tom Okafor", "Tom", [Role.PRACTITIONER], "Demo Council", "North Adults Team", False),
    ("manager@demo.example", "Grace Lindqvist", "Grace", [Role.TEAM_MANAGER], "Demo Council", "North Adults Team", True),
    ("person@demo.example", "Alan Marsh", "Al", [Role.PERSON], None, None, False),
    ("carer@demo.example", "Maureen Marsh", "Mo", [Role.CARER], None, None, False),
    ("provider@demo.example", "Dev Patel", "Dev", [Role.PROVIDER], "Riverside Support Ltd", None, False),
    ("assessor@demo.example", "Rosa Benedetti", "Rosa", [Role.QUALITY_ASSESSOR, Role.PERSON], None, None, False),
    ("head@demo.example", "Nadia Okoye", "Nadia", [Role.HEAD_OF_SERVICE], "Demo Council", None, False),
    ("admin@demo.example", "Sam Whitfield", "Sam", [Role.ADMINISTRATOR], "Demo Council", None, False),
]

# Colleagues so the manager's team page has people in it.
TEAM_COLLEAGUES = [
    ("j.adeyemi@demo.example", "Joy Adeyemi", "North Adults Team"),
    ("k.wright@demo.example", "Kieran Wright", "North Adults Team"),
    ("l.chen@demo.example", "Li Chen", "South Adults Team"),
]

ORGANISATIONS = [
    ("Demo Council", Organisation.Kind.COUNCIL, ["Commissioning", "North Adults Team", "South Adults Team"]),
    ("Riverside Support Ltd", Organisation.Kind.PROVIDER, []),
    ("Greenway Community Hub", Organisation.Kind.COMMUNITY, []),
]


class Command(BaseCommand):
    help = "Load demo organisations, teams and one account per role (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        organisations, teams = {}, {}
        for name, kind, team_names in ORGANISATIONS:
            organisations[name], _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
            for team_name in team_names:
                teams[team_name], _ = Team.objects.get_or_create(organisation=organisations[name], name=team_name)

        created = 0
        for email, full_name, preferred, roles, org, team, manages in DEMO_ACCOUNTS:
            user, was_created = self._account(email, full_name, preferred, roles, organisations.get(org))
            created += was_created
            if team:
                TeamMembership.objects.get_or_create(user=user, team=teams[team], defaults={"is_manager": manages})
        for email, full_name, team in TEAM_COLLEAGUES:
            user, was_created = self._account(email, full_name, "", [Role.PRACTITIONER], organisations["Demo Council"])
            created += was_created
            TeamMembership.objects.get_or_create(user=user, team=teams[team])

        self._people(teams)
        self._plans()
        self._activity()
        seed_checklist_demo()
        # Commissioning: the programmes first, then what each app adds to them.
        seed_commissioning_demo()
        seed_priorities_demo()
        seed_specifications_demo()
        seed_workshops_demo()
        seed_budgeting_demo()
        seed_involvement_demo()
        seed_panels_demo()
        seed_assets_demo()
        seed_monitoring_demo()
        seed_coassessment_demo()
        seed_governance_demo()
        # Last: the messages the demo's own events would have sent.
        seed_notifications_demo()

        self.stdout.write(f"Demo data ready ({created} new accounts).")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for email, full_name, _, roles, *_ in DEMO_ACCOUNTS:
            labels = ", ".join(Role(role).label.lower() for role in roles)
            self.stdout.write(f"  {email:<28} {full_name} ({labels})")

    def _people(self, teams) -> None:
        """People who draw on care and support, at different stages, on Tom's caseload."""
        from datetime import date

        from coproduction.people.models import Person, Representative

        users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
        tom = users["practitioner@demo.example"]
        north = teams["North Adults Team"]
        for full_name, preferred, born, needs, capacity, account, practitioner, team in [
            ("Alan Marsh", "Al", date(1952, 4, 3), ["large_print", "support_person"], "has", "person@demo.example", tom, north),
            ("Rosa Benedetti", "Rosa", date(1979, 11, 20), ["easy_read"], "has", "assessor@demo.example", tom, north),
            ("Edith Clarke", "Edie", date(1938, 1, 15), ["hearing_loop"], "lacks", None, tom, north),
            ("Bashir Rahman", "", date(1990, 6, 9), ["interpreter"], "has", None, tom, north),
            ("Carys Evans", "", date(1967, 8, 30), ["bsl"], "not_assessed", None, None, north),
            ("Li Wei", "", date(1985, 2, 2), [], "has", None, None, teams["South Adults Team"]),
        ]:
            if Person.objects.filter(full_name=full_name).exists():
                continue
            Person.objects.create(
                full_name=full_name, preferred_name=preferred, date_of_birth=born, communication_needs=needs,
                interpreter_language="Sylheti" if "interpreter" in needs else "",
                best_time_and_place="Mornings, at home" if full_name != "Bashir Rahman" else "After 3pm, at the community hub",
                capacity=capacity,
                capacity_assessed_on=date(2026, 9, 1) if capacity != "not_assessed" else None,
                capacity_assessed_by="Tom Okafor, social worker" if capacity != "not_assessed" else "",
                team=team, practitioner=practitioner, user=users.get(account) if account else None,
            )
        alan, edith = Person.objects.get(full_name="Alan Marsh"), Person.objects.get(full_name="Edith Clarke")
        if not alan.representatives.exists():
            Representative.objects.create(
                person=alan, user=users["carer@demo.example"], name="Maureen Marsh", relationship="carer",
                basis="consent", basis_notes="Al agreed at our first visit on 2 September 2026", recorded_by=tom,
            )
        if not edith.representatives.exists():
            Representative.objects.create(
                person=edith, name="Jean Clarke", relationship="family", basis="best_interests",
                basis_notes="Daughter; consulted at home about what matters to Edie", recorded_by=tom,
            )

    def _plans(self) -> None:
        """Plans at different stages: agreed, a draft, an overdue review, someone lacking capacity."""
        from datetime import timedelta

        from django.utils import timezone

        from careplans.models import CarePlan, PlanComment
        from coproduction.people.models import Person

        tom = User.objects.get(email="practitioner@demo.example")
        today = timezone.localdate()

        def words(text, whose="person"):
            return {"text": text, "whose": whose}

        alan_content = {"sections": {
            "goals": {"status": "completed", "fields": {"goals": words("I want to get back to my allotment and grow my own veg again, and see my grandson on Saturdays.")}},
            "important": {"status": "completed", "fields": {
                "how_i_live": words("I like my own company in the morning. Don't rush me."),
                "enjoy": words("Gardening, the radio, a proper cup of tea. I can't stand daytime TV."),
                "people": words("Mo, my wife. My grandson Jack. My mate Dennis from the allotments."),
                "routines": words("Up at seven, tablets with breakfast, out by ten if my legs allow.")}},
            "support_decisions": {"status": "completed", "fields": {
                "support": words("Help with getting washed and dressed, and someone to drive me to the allotment."),
                "decisions": words("Talk to me, not to Mo about me. Write things down in big print.")}},
            "outcomes": {"status": "completed", "lists": {
                "outcomes": [{"id": "o1", "outcome": "Back at the allotment twice a week", "whose": "person"},
                             {"id": "o2", "outcome": "Mo gets a break on Tuesdays", "whose": "representative"}],
                "options": [
                    {"id": "p1", "option": "Personal assistant paid by a direct payment", "benefits": "Al chooses who and when", "risks": "Finding the right person takes time", "chosen": "yes", "why": "Al wants to choose who helps him", "whose": "practitioner"},
                    {"id": "p2", "option": "Day centre", "benefits": "Company, meals", "risks": "Not what Al enjoys", "chosen": "no", "why": "Al would rather be at the allotment", "whose": "person"}]}},
            "needs": {"status": "completed", "fields": {
                "needs": words("Personal care each morning; getting out into the community.", "practitioner"),
                "eligibility": words("Eligible: unable to achieve two or more outcomes, with a significant impact on wellbeing.", "practitioner")},
                "lists": {"support": [
                    {"id": "s1", "need": "Personal care", "who": "Personal assistant", "what": "Help to wash and dress", "when": "Every morning, 8 to 9", "kind": "paid", "whose": "practitioner"},
                    {"id": "s2", "need": "Getting out", "who": "Greenway Community Hub allotment group", "what": "Lift and company", "when": "Tuesdays and Fridays", "kind": "community", "whose": "practitioner"},
                    {"id": "s3", "need": "Company", "who": "Mo", "what": "Evenings and weekends", "when": "Most days", "kind": "informal", "whose": "representative"}]}},
            "budget": {"status": "completed", "fields": {"management": "direct_payment"}, "lists": {"items": [
                {"id": "b1", "what": "Personal assistant, 7 hours a week", "weekly": "126.00", "whose": "practitioner"},
                {"id": "b2", "what": "Allotment society membership", "weekly": "1.50", "whose": "person"}]}},
            "contingency": {"status": "completed", "fields": {"plan": words("If my PA can't come, ring Mo first, then the council's out-of-hours team.")},
                "lists": {"contacts": [{"id": "c1", "name": "Maureen Marsh", "relationship": "Wife", "phone": "07700 900123", "whose": "person"}]}},
            "involvement": {"status": "completed", "fields": {"how": words("We wrote it at my kitchen table over two visits."), "listened": "yes"}},
            "agreement": {"status": "completed", "fields": {"person_seen": "yes", "representative_seen": "yes", "copy_how": "in_person", "copy_format": "large_print", "copy_date": (today - timedelta(days=30)).isoformat(), "review_date": (today + timedelta(weeks=5)).isoformat()}},
        }}
        edith_content = {"sections": {
            "goals": {"status": "completed", "fields": {"goals": words("Edie wants to stay in her own home, with her cat, near her church.", "representative")}},
            "consultation": {"status": "completed", "lists": {"consulted": [
                {"id": "k1", "name": "Jean Clarke", "relationship": "Daughter", "how": "At Edie's home, with Edie there", "said": "Mum is happiest at home; mornings are her best time.", "whose": "representative"}]}},
            "agreement": {"status": "completed", "fields": {"person_seen": "yes", "copy_how": "in_person", "copy_format": "easy_read", "review_date": (today - timedelta(days=10)).isoformat()}},
        }}
        rosa_content = {"sections": {
            "goals": {"status": "in_progress", "fields": {"goals": words("Use what I've learned to help other people get the support they need.")}},
        }}
        for name, content, status, review_due in [
            ("Alan Marsh", alan_content, CarePlan.Status.AGREED, today + timedelta(weeks=5)),
            ("Edith Clarke", edith_content, CarePlan.Status.AGREED, today - timedelta(days=10)),
            ("Rosa Benedetti", rosa_content, CarePlan.Status.DRAFT, None),
        ]:
            person = Person.objects.get(full_name=name)
            if person.plans.exists():
                continue
            plan = CarePlan.objects.create(
                person=person, version=1, status=status, content=content, created_by=tom, review_due=review_due,
                agreed_at=timezone.now() - timedelta(days=30) if status == CarePlan.Status.AGREED else None,
                agreed_by=tom if status == CarePlan.Status.AGREED else None,
            )
            if name == "Alan Marsh":
                PlanComment.objects.create(plan=plan, section="goals", author=person.user, text="And Dennis says the leeks need me.")

    def _activity(self) -> None:
        """Some history, so the audit trail and "your data" have something to show."""
        if AuditEvent.objects.filter(detail=DEMO_DETAIL).exists():
            return
        users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
        admin, practitioner = users["admin@demo.example"], users["practitioner@demo.example"]
        for actor, action, subject in [
            (admin, AuditEvent.Action.VIEW, practitioner),
            (admin, AuditEvent.Action.CHANGE, practitioner),
            (admin, AuditEvent.Action.VIEW, users["j.adeyemi@demo.example"]),
            (admin, AuditEvent.Action.VIEW, users["person@demo.example"]),
        ]:
            audit_record(actor=actor, action=action, obj=subject, subject=subject, detail=DEMO_DETAIL)
        # A copy of Al's data, made by the worker as soon as `make run` starts it.
        person = users["person@demo.example"]
        report_job_request(kind=ReportJob.Kind.MY_DATA, requested_by=person, subject=person, subject_user=person)

    def _account(self, email, full_name, preferred, roles, organisation) -> tuple[User, bool]:
        user = User.objects.filter(email=email).first()
        if user is not None:
            return user, False
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=full_name,
            preferred_name=preferred,
            roles=list(roles),
            organisation=organisation,
        )
        return user, True
