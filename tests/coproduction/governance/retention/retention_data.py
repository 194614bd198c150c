"""Records either side of the retention schedule, shared by the retention tests."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from careplans.models import CarePlan, Review
from coproduction.audit.models import AuditEvent
from coproduction.notifications.models import Message
from coproduction.reports.models import ReportJob
from tests.careplans.factories import (
    CarePlanFactory,
    OutcomeProgressFactory,
    PersonFactory,
    PlanCommentFactory,
    RepresentativeFactory,
    ReviewFactory,
    ReviewItemFactory,
)
from tests.checklist.factories import submitted_checklist
from tests.commissioning.coassessment.factories import WtfcExerciseFactory, WtfcStatementFactory
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.coproduction.accounts.factories import UserFactory


def years_ago(years: float):
    return timezone.now() - timedelta(days=int(365.25 * years))


def care_record(*, team, closed: bool = True, last_contact_years: float = 9, name: str = "Edna Closed", account=None):
    """A person whose plan was agreed and reviewed `last_contact_years` ago, closed at that review or not."""
    when = years_ago(last_contact_years)
    person = PersonFactory(team=team, full_name=name, preferred_name=name.split()[0], user=account,
                           communication_notes="Rings her daughter on Sundays", postcode="LA9 4DL")
    plan = CarePlanFactory(person=person, version=1, status=CarePlan.Status.AGREED)
    review = ReviewFactory(plan=plan, held_on=when.date(), decision=Review.Decision.CLOSE if closed else "",
                           decision_notes="Moved to live with her daughter in Leeds", finished_at=when if closed else None)
    ReviewItemFactory(review=review, text="Edna loves the Tuesday lunch club")
    OutcomeProgressFactory(review=review, outcome="Edna back at the allotment", notes="Most weeks")
    PlanCommentFactory(plan=plan, text="Edna says Tuesdays are best")
    submitted_checklist(person=person, plan=plan, on=when.date(), comment="Edna's story about the bus")
    RepresentativeFactory(person=person, user=None, name="Jean Daughter", basis_notes="Edna asked for Jean to help")
    # updated_at is set on save; put it back to the time of the last contact.
    CarePlan.objects.filter(pk=plan.pk).update(updated_at=when)
    return person


def involvement_profile(*, months_idle: int):
    when = timezone.now() - timedelta(days=months_idle * 31)
    profile = InvolvementProfileFactory(user=UserFactory(roles=["person"], last_login=when),
                                        contact_notes="Call after 10am")
    type(profile).objects.filter(pk=profile.pk).update(updated_at=when)
    return profile




def finished_report(days_old: int):
    from tests.coproduction.reports.factories import ReportJobFactory

    job = ReportJobFactory(status=ReportJob.Status.DONE, finished_at=timezone.now() - timedelta(days=days_old), page_count=1)
    job.file.save(f"reports/{job.pk}.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return job


def message(*, months_old: int):
    return Message.objects.create(
        recipient=UserFactory(), topic=Message._meta.get_field("topic").choices[0][0], subject="Your review is coming up",
        body="Hello", key=f"test:{months_old}:{timezone.now().timestamp()}",
        created_at=timezone.now() - timedelta(days=months_old * 31),
    )


def wtfc_statement(*, years_old: float):
    exercise = WtfcExerciseFactory(created_at=years_ago(years_old))
    return WtfcStatementFactory(exercise=exercise, text="The bus to the day centre never comes")


def recruitment_candidate(*, months_since_closing: int):
    from tests.commissioning.recruitment.factories import CampaignFactory, CandidateFactory

    campaign = CampaignFactory(closing_date=timezone.localdate() - timedelta(days=months_since_closing * 31))
    return CandidateFactory(campaign=campaign, name="Casey Applicant")


def network_post(*, months_quiet: int):
    from commissioning.networks.models import Thread
    from tests.commissioning.networks.factories import PostFactory

    post = PostFactory(text="Some nights I sit in the car before going back in")
    Thread.objects.filter(pk=post.thread_id).update(last_post_at=timezone.now() - timedelta(days=months_quiet * 31))
    return post


def guest_invitation(*, months_after_event: int):
    from tests.commissioning.workshops.factories import GuestInvitationFactory, WorkshopFactory

    event_on = timezone.localdate() - timedelta(days=months_after_event * 31)
    return GuestInvitationFactory(workshop=WorkshopFactory(date=event_on), name="Joan Webb", how_to_reach="7 Station Road")


def audit_entry(*, years_old: float, actor=None):
    return AuditEvent.objects.create(at=years_ago(years_old), actor=actor, action=AuditEvent.Action.VIEW)


def build_schedule_world(team) -> dict:
    """One record of each type past its period, and one of each not yet due."""
    return {
        "due": {
            "care_records": care_record(team=team, last_contact_years=9),
            "involvement_profiles": involvement_profile(months_idle=30),
            "report_files": finished_report(45),
            "messages": message(months_old=30),
            "wtfc_statements": wtfc_statement(years_old=4),
            "recruitment_candidates": recruitment_candidate(months_since_closing=8),
            "network_posts": network_post(months_quiet=30),
            "guest_invitations": guest_invitation(months_after_event=8),
            "audit_entries": audit_entry(years_old=8),
        },
        "kept": {
            "recent_closed": care_record(team=team, last_contact_years=5, name="Rose Recent"),
            "open_old": care_record(team=team, closed=False, last_contact_years=10, name="Olive Open"),
            "involvement_profiles": involvement_profile(months_idle=6),
            "report_files": finished_report(5),
            "messages": message(months_old=3),
            "wtfc_statements": wtfc_statement(years_old=1),
            "recruitment_candidates": recruitment_candidate(months_since_closing=2),
            "network_posts": network_post(months_quiet=3),
            "guest_invitations": guest_invitation(months_after_event=2),
            "audit_entries": audit_entry(years_old=2),
        },
    }
