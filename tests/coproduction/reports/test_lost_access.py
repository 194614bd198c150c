"""Someone who loses access to what a report is about loses the report with it: on their very
next request its progress page and its download are refused (403: the job is theirs, so they
may know it exists, but they may not have it), and a report not yet made is stopped and never
made. One test for each way of losing access."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from commissioning import services as commissioning_services
from commissioning.monitoring import services as monitoring_services
from coproduction.accounts.services import account_update
from coproduction.governance.consent.services import give_consent
from coproduction.governance.models import Consent
from coproduction.governance.sar.services import sar_request
from coproduction.notifications.selectors import messages_for
from coproduction.people.models import Representative
from coproduction.reports import services
from coproduction.reports.models import ReportJob
from coproduction.reports.tasks import report_job_render
from tests.careplans.factories import CarePlanFactory, PersonFactory, RepresentativeFactory
from tests.commissioning.monitoring.conftest import (  # noqa: F401  (fixtures)
    contract,
    indicators,
    meeting,
    programme,
    provider_org,
)
from tests.commissioning.specifications.factories import SpecificationFactory


@pytest.fixture
def al(person, team, practitioner):
    subject = PersonFactory(user=person, team=team, practitioner=practitioner, full_name="Alan Marsh", preferred_name="Al")
    CarePlanFactory(person=subject, version=1, status="agreed", created_by=practitioner)
    return subject


@pytest.fixture
def maureen(al, carer, practitioner) -> Representative:
    """Al's carer, seeing his plan with his consent."""
    representative = RepresentativeFactory(person=al, user=carer, name="Maureen Marsh", recorded_by=practitioner)
    give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=practitioner, representative=representative, given_by="person")
    return representative


def detail(job) -> str:
    return reverse("reports:job_detail", kwargs={"job_id": job.pk})


def download(job) -> str:
    return reverse("reports:job_download", kwargs={"job_id": job.pk})


def ask(client, url: str, data: dict | None = None) -> ReportJob:
    """Ask for a report through its page; the job the page went on to show."""
    response = client.post(url, data or {})
    assert response.status_code == 302, response.status_code
    return ReportJob.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[-1])


def made(job) -> ReportJob:
    """As the worker leaves a finished job (the file's content is not under test here)."""
    job.file.save(f"reports/{job.pk}.{job.extension}", ContentFile(b"%PDF-1.7\n%made before\n"), save=False)
    job.status, job.progress = ReportJob.Status.DONE, 100
    job.save()
    return job


def answers(client, job) -> tuple[int, int, int]:
    """The progress page, its polled fragment and the download."""
    return (
        client.get(detail(job)).status_code,
        client.get(detail(job), HTTP_HX_REQUEST="true").status_code,
        client.get(download(job)).status_code,
    )


def test_a_carer_loses_the_plan_pdf_and_the_one_being_made_once_consent_is_withdrawn(client_as, person, carer, al, maureen):
    carer_client = client_as(carer)
    plan_pdf = reverse("careplans:plan_pdf", kwargs={"person_id": al.pk})
    ready = services.report_job_render(job=ask(carer_client, plan_pdf))  # a real PDF, made before
    pending = ask(carer_client, plan_pdf, {"large_print": "1"})
    assert answers(carer_client, ready) == (200, 200, 200)
    assert answers(carer_client, pending)[:2] == (200, 200)

    consent = Consent.objects.get(representative=maureen)
    client_as(person).post(reverse("governance:consent_withdraw", kwargs={"consent_id": consent.pk}), {"reason": ""})

    assert answers(carer_client, ready) == (403, 403, 403)
    assert answers(carer_client, pending) == (403, 403, 403)
    pending.refresh_from_db()
    assert pending.status == ReportJob.Status.VOIDED
    # The worker takes its message later: it makes nothing, keeps nothing and tells nobody.
    report_job_render(str(pending.pk))
    pending.refresh_from_db()
    assert pending.status == ReportJob.Status.VOIDED and not pending.file
    assert not default_storage.exists(f"reports/{pending.pk}.pdf")
    assert list(messages_for(user=carer)) == []
    # Their list of reports no longer offers the stopped one.
    listing = carer_client.get(reverse("reports:my_data")).text
    assert detail(pending) not in listing and "Stopped" in listing


def test_a_practitioner_who_leaves_the_team_loses_the_plan_pdf(client_as, practitioner, administrator, al, team):
    client = client_as(practitioner)
    plan_pdf = reverse("careplans:plan_pdf", kwargs={"person_id": al.pk})
    ready, pending = made(ask(client, plan_pdf)), ask(client, plan_pdf)
    assert answers(client, ready) == (200, 200, 200)

    account_update(user=practitioner, data={"roles": practitioner.roles, "teams": []}, by=administrator)

    assert answers(client, ready) == (403, 403, 403)
    pending.refresh_from_db()
    assert pending.status == ReportJob.Status.VOIDED
    # Back in the team: the finished report is theirs again; the stopped one stays stopped.
    account_update(user=practitioner, data={"roles": practitioner.roles, "teams": [team]}, by=administrator)
    assert answers(client, ready) == (200, 200, 200)
    assert "stopped before it was made" in client.get(detail(pending)).text


def test_a_team_manager_no_longer_managing_the_team_loses_its_checklist_report(client_as, team_manager, administrator, team):
    client = client_as(team_manager)
    ready = made(ask(client, reverse("checklist:report"), {"team": team.pk, "period": "12m"}))
    pending = ask(client, reverse("checklist:report"), {"team": team.pk, "period": "12m", "kind": "csv"})
    assert answers(client, ready) == (200, 200, 200)

    # Still in the team, no longer its manager.
    account_update(user=team_manager, data={"roles": team_manager.roles, "teams": [team], "managed_teams": []}, by=administrator)

    assert answers(client, ready) == (403, 403, 403)
    pending.refresh_from_db()
    assert pending.status == ReportJob.Status.VOIDED


def test_a_member_who_leaves_the_programme_loses_the_specification_pdf(client_as, person, commissioner, programme):  # noqa: F811
    specification = SpecificationFactory(programme=programme, title="Day opportunities from 2027", created_by=commissioner)
    client = client_as(person)
    version_pdf = reverse("specifications:version_pdf", kwargs={"programme_id": programme.pk, "specification_id": specification.pk})
    ready, pending = made(ask(client, version_pdf)), ask(client, version_pdf)
    assert answers(client, ready) == (200, 200, 200)

    member = programme.members.get(user=person)
    commissioning_services.member_leave(member=member, left_on=timezone.localdate(), by=commissioner)

    assert answers(client, ready) == (403, 403, 403)
    pending.refresh_from_db()
    assert pending.status == ReportJob.Status.VOIDED


def test_a_member_taken_off_a_monitoring_meeting_loses_its_papers(client_as, provider, commissioner, meeting):  # noqa: F811
    client = client_as(provider)
    papers_pdf = reverse("monitoring:papers_pdf", kwargs={
        "programme_id": meeting.contract.programme_id, "contract_id": meeting.contract_id, "meeting_id": meeting.pk,
    })
    ready, pending = made(ask(client, papers_pdf)), ask(client, papers_pdf)
    assert answers(client, ready) == (200, 200, 200)

    monitoring_services.member_remove(member=meeting.members.get(user=provider), by=commissioner)

    assert answers(client, ready) == (403, 403, 403)
    pending.refresh_from_db()
    assert pending.status == ReportJob.Status.VOIDED


def test_an_account_switched_off_gets_neither_page_and_its_pending_report_stops(client_as, practitioner, administrator, al, team):
    client = client_as(practitioner)
    plan_pdf = reverse("careplans:plan_pdf", kwargs={"person_id": al.pk})
    ready, pending = made(ask(client, plan_pdf)), ask(client, plan_pdf)

    account_update(user=practitioner, data={"roles": practitioner.roles, "teams": [team], "is_active": False}, by=administrator)

    # No longer signed in at all: sent to the sign-in page, with nothing of the report.
    login = reverse("accounts:login")
    for response in (client.get(detail(ready)), client.get(download(ready))):
        assert response.status_code == 302 and response.url.startswith(login)
    pending.refresh_from_db()
    assert pending.status == ReportJob.Status.VOIDED


def test_a_report_is_not_kept_if_access_ended_while_it_was_being_made(client_as, carer, al, maureen):
    pending = ask(client_as(carer), reverse("careplans:plan_pdf", kwargs={"person_id": al.pk}))
    # Access ended by a way that did not stop the job (nothing is told of it here).
    Representative.objects.filter(pk=maureen.pk).update(withdrawn_on=timezone.now())

    report_job_render(str(pending.pk))

    pending.refresh_from_db()
    assert pending.status == ReportJob.Status.VOIDED and not pending.file
    assert not default_storage.exists(f"reports/{pending.pk}.pdf")
    assert list(messages_for(user=carer)) == []


def test_a_subject_access_export_outlives_its_requesters_access(administrator, al):
    """Any administrator may open a subject access export, so it is not stopped when the one
    who asked for it is switched off."""
    pdf_job = sar_request(about=al, requested_by=administrator)
    account_update(user=administrator, data={"roles": administrator.roles, "is_active": False}, by=administrator)
    assert set(ReportJob.objects.filter(requested_by=administrator).values_list("status", flat=True)) == {ReportJob.Status.QUEUED}
    assert pdf_job.kind == ReportJob.Kind.SUBJECT_ACCESS_PDF
