"""A subject access export end to end: one person with records in every app, a real worker,
the ZIP unpacked and the PDF read back. Each app's data is there; nobody else's is."""

import datetime
import io
import json
import subprocess
import zipfile

import pytest
from django.urls import reverse

from coproduction.audit.models import AuditEvent
from coproduction.governance.consent.services import consent_record
from coproduction.governance.models import Consent
from coproduction.reports.models import ReportJob
from tests.careplans.factories import (
    CarePlanFactory,
    PersonFactory,
    PlanCommentFactory,
    ReviewFactory,
)
from tests.checklist.factories import submitted_checklist
from tests.commissioning.assets.factories import SuggestionFactory
from tests.commissioning.budgeting.factories import ProposalFactory, VoterFactory
from tests.commissioning.coassessment.factories import SurveyParticipationFactory
from tests.commissioning.involvement.factories import ClaimFactory, InvolvementProfileFactory
from tests.commissioning.monitoring.factories import MeetingMemberFactory
from tests.commissioning.panels.factories import PanelMemberFactory
from tests.commissioning.priorities.factories import PriorityFactory
from tests.commissioning.specifications.factories import (
    SectionCommentFactory,
    SpecificationFactory,
    draft_of,
)
from tests.commissioning.workshops.factories import InvitationFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.coproduction.audit.factories import AuditEventFactory
from tests.harness.worker import celery_worker, wait_for


def pdf_text(data: bytes) -> str:
    # Reading order, not layout: a table cell's wrapped words stay together.
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


# What each app holds about the person, by a word that appears nowhere else: app label -> marker.
MARKERS = {
    "careplans": "Kestrel review decision",
    "checklist": "Kestrel kitchen table story",
    "involvement": "Kestrel bus fares",
    "panels": "Kestrel tender panel",
    "assets": "Kestrel allotment suggestion",
    "budgeting": "Kestrel art club idea",
    "workshops": "Kestrel quiet room please",
    "monitoring": "Kestrel monitoring meeting",
    "coassessment": "Kestrel day service survey",
    "governance": "Kestrel agreed at first visit",
    "audit": "Kestrelreader",  # one word: the PDF's narrow "Who" column wraps a full name
    "priorities": "Kestrel weekend opening",
    "specifications": "Kestrel Saturday wording",
    "commissioning": "Kestrel programme",
    "accounts": "kestrel.person@example.org",
}


def _records_in_every_app(*, user, person, practitioner, marker_prefix: str = "Kestrel") -> None:
    def m(text: str) -> str:
        return text.replace("Kestrel", marker_prefix)

    first = CarePlanFactory(person=person, version=1, status="agreed", created_by=practitioner)
    CarePlanFactory(person=person, version=2, status="draft", created_by=practitioner)
    ReviewFactory(
        plan=first, decision_notes=m("Kestrel review decision"), created_by=practitioner, finished_at=first.created_at,
        agreed_how="best_interests", agreed_by_name="Tom Okafor", agreed_on=datetime.date(2026, 10, 14),
        best_interests_consulted=m("Kestrel daughter consulted at home"),
    )
    PlanCommentFactory(plan=first, author=user, text=m("Kestrel comment on my plan"))
    submitted_checklist(person=person, plan=first, practitioner=practitioner, comment=m("Kestrel kitchen table story"))
    InvolvementProfileFactory(user=user)
    ClaimFactory(claimant=user, description=m("Kestrel bus fares"))
    PanelMemberFactory(user=user, panel__title=m("Kestrel tender panel"))
    SuggestionFactory(suggested_by=user, note=m("Kestrel allotment suggestion"))
    ProposalFactory(proposed_by=user, title=m("Kestrel art club idea"))
    VoterFactory(user=user)
    InvitationFactory(member__user=user, anything_else=m("Kestrel quiet room please"),
                      workshop__programme__title=m("Kestrel programme"))
    MeetingMemberFactory(user=user, meeting__title=m("Kestrel monitoring meeting"))
    SurveyParticipationFactory(user=user, survey__title=m("Kestrel day service survey"))
    consent_record(purpose=Consent.Purpose.REVIEW_STATEMENTS, event=Consent.Event.GIVEN, by=practitioner,
                   person=person, given_by=Consent.GivenBy.PERSON, notes=m("Kestrel agreed at first visit"))
    AuditEventFactory(subject=user, actor=UserFactory(full_name=m("Kestrelreader Nosy")))
    PriorityFactory(proposed_by=user, title=m("Kestrel weekend opening"))
    section = draft_of(SpecificationFactory()).sections.first()
    SectionCommentFactory(section=section, author=user, text=m("Kestrel Saturday wording"))


@pytest.mark.django_db(transaction=True)
def test_the_export_holds_every_apps_data_about_the_person_and_nobody_elses(administrator, practitioner, team, client_as):
    user = UserFactory(full_name="Kestrel Person", email="kestrel.person@example.org", roles=["person"])
    person = PersonFactory(user=user, full_name="Kestrel Person", team=team, practitioner=practitioner)
    _records_in_every_app(user=user, person=person, practitioner=practitioner)
    # Someone else, with the same kinds of records: none of it may appear.
    other_user = UserFactory(full_name="Osprey Otherperson", email="osprey@example.org", roles=["person"])
    other = PersonFactory(user=other_user, full_name="Osprey Otherperson", team=team)
    _records_in_every_app(user=other_user, person=other, practitioner=practitioner, marker_prefix="Osprey")

    client = client_as(administrator)
    response = client.post(reverse("governance:sar_person", kwargs={"person_id": person.pk}))
    pdf_job = ReportJob.objects.get(kind=ReportJob.Kind.SUBJECT_ACCESS_PDF)
    zip_job = ReportJob.objects.get(kind=ReportJob.Kind.SUBJECT_ACCESS_ZIP)
    with celery_worker():
        wait_for(lambda: ReportJob.objects.filter(pk__in=[pdf_job.pk, zip_job.pk], status=ReportJob.Status.DONE).count() == 2,
                 timeout=120)

    page = client.get(response.headers["Location"])
    assert "Download the PDF" in page.text and "Download the ZIP file" in page.text
    assert "every 2s" not in page.text  # finished: polling stops

    download = client.get(reverse("governance:sar_download", kwargs={"job_id": zip_job.pk}))
    assert download["Content-Type"] == "application/zip" and download["Cache-Control"] == "private, no-store"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = set(archive.namelist())
    assert "README.txt" in names
    for label in MARKERS:
        assert f"{label}.json" in names, f"No {label}.json in the ZIP"
        text = archive.read(f"{label}.json").decode()
        json.loads(text)  # machine-readable
        assert MARKERS[label] in text, f"{label}.json lacks {MARKERS[label]!r}"
    everything = "".join(archive.read(name).decode("utf-8-sig") for name in names)
    assert "Osprey" not in everything and "osprey@" not in everything
    assert any(name.startswith("csv/careplans/") for name in names)
    plans = json.loads(archive.read("careplans.json"))
    versions = next(s for s in plans["sections"] if s["model"] == "careplans.CarePlan")["records"]
    assert sorted(record["Version"] for record in versions) == [1, 2]
    reviews = archive.read("csv/careplans/review.csv").decode("utf-8-sig")
    assert "Kestrel review decision" in reviews
    # The review's agreement: when it was agreed, and who was consulted for a best-interests decision.
    assert "Date agreed" in reviews and "14 October 2026" in reviews and "Kestrel daughter consulted at home" in reviews
    review = next(s for s in plans["sections"] if s["model"] == "careplans.Review")["records"][0]
    assert review["Date agreed"] == "2026-10-14" and review["Who was consulted (best interests)"] == "Kestrel daughter consulted at home"

    download = client.get(reverse("governance:sar_download", kwargs={"job_id": pdf_job.pk}))
    assert download["Content-Type"] == "application/pdf"
    pdf = b"".join(download.streaming_content)
    text = " ".join(pdf_text(pdf).split())
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Tagged:          yes" in info
    assert "Your personal data: Kestrel Person" in text
    assert "Care and support plans and reviews" in text and "Who has seen or changed your records" in text
    # Narrow table columns may break a long word across lines: compare without spaces.
    squeezed = text.replace(" ", "")
    for label, marker in MARKERS.items():
        assert marker.replace(" ", "") in squeezed, f"The PDF lacks {label}'s {marker!r}"
    assert "Osprey" not in text
    assert "Kestreldaughterconsultedathome" in squeezed and "14October2026" in squeezed

    downloads = AuditEvent.objects.filter(actor=administrator, action=AuditEvent.Action.DOWNLOAD, subject=user)
    assert sorted(downloads.values_list("detail", flat=True)) == [
        "subject access export downloaded: pdf", "subject access export downloaded: zip"]
    # The export itself appears in the person's own audit trail next time.
    assert AuditEvent.objects.filter(subject=user, action=AuditEvent.Action.EXPORT, actor=administrator).count() == 2


def test_records_whose_id_is_not_a_number_are_written_to_the_zip(team, practitioner):
    from django.utils import timezone

    from coproduction.core.personal_data import Subject
    from coproduction.governance.sar.export import build_parts, subject_access_zip
    from tests.coproduction.reports.factories import ReportJobFactory

    user = UserFactory(full_name="Kestrel Person", roles=["person"])
    person = PersonFactory(user=user, team=team, practitioner=practitioner)
    job = ReportJobFactory(requested_by=user)  # its id is a UUID
    subject = Subject.of(person)
    archive = zipfile.ZipFile(io.BytesIO(subject_access_zip({"subject": subject, "parts": build_parts(subject), "made_at": timezone.now()})))
    reports = json.loads(archive.read("reports.json"))
    assert str(job.pk) in [record["id"] for section in reports["sections"] for record in section["records"]]
