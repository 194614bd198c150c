"""Demo records for information governance: consents, a subject access request, an access review."""

from coproduction.core.demo import demo_seeder


@demo_seeder(150)
def seed_governance_demo() -> None:
    seed_consent_demo()
    seed_sar_demo()
    seed_retention_demo()


def seed_consent_demo() -> None:
    """Al's consents (Maureen seeing his plan, his review statements; his involvement profile's
    is seeded by commissioning.involvement.demo) and one withdrawn: his nephew Pat, who could see the plan until Al changed his mind."""
    from datetime import timedelta

    from django.utils import timezone

    from coproduction.people.models import Person, Representative
    from coproduction.accounts.models import User

    from .consent.wording import wording_for
    from .models import Consent

    al = Person.objects.filter(user__email="person@demo.example").select_related("user").first()
    tom = User.objects.filter(email="practitioner@demo.example").first()
    if al is None or tom is None:
        return
    now = timezone.now()

    def add(*, purpose, key, event, when, by, **fields):
        if Consent.objects.filter(subject_key=key, event=event).exists():
            return
        version, wording = wording_for(purpose)
        Consent.objects.create(purpose=purpose, subject_key=key, event=event, recorded_at=now - timedelta(days=when),
                               recorded_by=by, wording_version=version, wording=wording, **fields)

    maureen = al.representatives.filter(user__email="carer@demo.example").first()
    if maureen is not None:
        add(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, key=f"representative:{maureen.pk}", event="given", when=80,
            by=tom, person=al, representative=maureen, given_by="person", notes=maureen.basis_notes)
    add(purpose=Consent.Purpose.REVIEW_STATEMENTS, key=f"review_statements:person:{al.pk}", event="given", when=80,
        by=tom, person=al, given_by="person", notes="Al said yes when we talked about his first review.")
    pat, _ = Representative.objects.get_or_create(
        person=al, name="Pat Marsh", defaults={
            "relationship": "family", "basis": "consent", "basis_notes": "Al's nephew; Al agreed on the phone",
            "recorded_by": tom, "recorded_on": now - timedelta(days=70),
            "withdrawn_on": now - timedelta(days=12), "withdrawn_by": tom,
        },
    )
    key = f"representative:{pat.pk}"
    add(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, key=key, event="given", when=70, by=tom, person=al,
        representative=pat, given_by="person", notes=pat.basis_notes)
    add(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, key=key, event="withdrawn", when=12, by=tom, person=al,
        representative=pat, notes="Al told me at his review that he would rather Pat did not see his plan now.")


def seed_sar_demo() -> None:
    """A subject access request about Al, asked for by Sam (administrator). Only queued here: the
    worker that `make run` starts makes the PDF and ZIP within seconds, as for a real request."""
    from django.contrib.contenttypes.models import ContentType

    from coproduction.people.models import Person
    from coproduction.accounts.models import User
    from coproduction.reports.models import ReportJob

    from .sar.services import sar_request

    al = Person.objects.filter(user__email="person@demo.example").select_related("user").first()
    sam = User.objects.filter(email="admin@demo.example").first()
    if al is None or sam is None:
        return
    about_al = {"subject_type": ContentType.objects.get_for_model(Person), "subject_id": str(al.pk)}
    if ReportJob.objects.filter(kind=ReportJob.Kind.SUBJECT_ACCESS_PDF, **about_al).exists():
        return
    sar_request(about=al, requested_by=sam)


def seed_retention_demo() -> None:
    """An account nobody has used since the summer, and Tom's and Grace's reads of Al's record
    for the access review. (The care record closed nine years ago, which tonight's dry run
    shows due for anonymising, is seeded by careplans.demo.)"""
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from coproduction.people.models import Person
    from coproduction.accounts.models import User
    from coproduction.audit.models import AuditEvent

    al = Person.objects.filter(user__email="person@demo.example").first()
    tom = User.objects.filter(email="practitioner@demo.example").first()
    grace = User.objects.filter(email="manager@demo.example").first()
    if al is None or tom is None:
        return
    now = timezone.now()
    User.objects.get_or_create(
        email="derek.oldfield@demo.example",
        defaults={"full_name": "Derek Oldfield", "roles": ["provider"], "last_login": now - timedelta(days=130),
                  "date_joined": now - timedelta(days=500)},
    )
    person_type = ContentType.objects.get_for_model(Person)
    if not AuditEvent.objects.filter(target_type=person_type, target_id=str(al.pk), actor=tom).exists():
        AuditEvent.objects.bulk_create([
            AuditEvent(at=now - timedelta(days=days), actor=actor, action=AuditEvent.Action.VIEW, target_type=person_type,
                       target_id=str(al.pk), subject=al.user)
            for days, actor in ((21, tom), (14, tom), (6, grace or tom), (2, tom))
        ])
