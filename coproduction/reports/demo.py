"""Demo history, so the audit trail and "your data" have something to show."""

from coproduction.accounts.models import User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.demo import demo_seeder

from .models import ReportJob
from .services import report_job_request

DEMO_DETAIL = "demo data"


@demo_seeder(30)
def seed_activity_demo() -> None:
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

