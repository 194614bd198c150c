"""Evidence for the business case: local data, stories with the teller's consent, anecdotes,
and files kept private behind a permission check."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from commissioning.priorities.forms import EVIDENCE_MAX_BYTES
from commissioning.priorities.models import Evidence
from coproduction.accounts.models import Role
from coproduction.audit.models import AuditEvent
from tests.commissioning.priorities.factories import EvidenceFactory, PriorityFactory, StoryFactory
from tests.commissioning.priorities.pages import text, url
from tests.harness.bad_input import assert_bad_input

STORY = {
    "kind": "story", "title": "Saturday at home", "text": "Every Saturday my son waits by the window.",
    "told_by": "A carer in the north of the borough", "consent_given": "on",
    "consent_given_on_0": "30", "consent_given_on_1": "9", "consent_given_on_2": "2026", "consent_how": "In person, on the consent form",
}


def test_a_story_with_consent_is_shared_with_the_group_and_each_read_is_audited(client_as, users, programme):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="More to do at weekends")
    carer = users[Role.CARER]
    client_as(carer).post(url("evidence_add", programme), {**STORY, "priorities": [priority.pk], "own_story": "on"})
    story = Evidence.objects.get()
    assert story.teller == carer and story.consent_given and story.consent_given_on.isoformat() == "2026-09-30"
    person = client_as(users[Role.PERSON])
    page = text(person.get(url("evidence_detail", programme, evidence_id=story.pk)))
    assert "Told by A carer in the north of the borough" in page
    assert "Agreed on 30 September 2026: In person, on the consent form" in page
    person.get(url("evidence_list", programme))
    person.get(url("priority_detail", programme, priority_id=priority.pk))
    reads = AuditEvent.objects.filter(actor=users[Role.PERSON], action=AuditEvent.Action.VIEW, target_id=str(story.pk))
    assert reads.count() == 3 and {event.subject for event in reads} == {carer}


def test_a_story_without_the_tellers_consent_is_refused(client_as, users, programme):
    data = {**STORY, "consent_given": "", "consent_how": "", "told_by": ""}
    assert_bad_input(
        client_as(users[Role.CARER]), url("evidence_add", programme), data,
        errors=[
            "Enter who told the story, for example “a carer in the north of the borough”",
            "A story can only be added when the person who told it agreed: confirm they agreed",
            "Enter how they agreed",
        ],
        kept=["title", "text"], unchanged=lambda: Evidence.objects.count(),
    )
    data = {key: value for key, value in STORY.items() if not key.startswith("consent_given_on")}
    assert_bad_input(
        client_as(users[Role.CARER]), url("evidence_add", programme), data,
        errors=["Enter the date they agreed"], kept=["told_by", "consent_how"], unchanged=lambda: Evidence.objects.count(),
    )


def test_local_data_needs_no_consent(client_as, users, programme):
    client_as(users[Role.COMMISSIONER]).post(url("evidence_add", programme), {
        "kind": "local_data", "title": "Census", "text": "142 adults use day services.", "link": "www.example.org/census",
    })
    evidence = Evidence.objects.get()
    assert evidence.link == "https://www.example.org/census" and not evidence.consent_given


def _upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_file_is_stored_under_a_random_name_and_served_only_to_the_group(client_as, users, programme):
    client_as(users[Role.COMMISSIONER]).post(url("evidence_add", programme), {
        "kind": "local_data", "title": "Census", "text": "Figures.", "file": _upload("Alan Marsh census.pdf", b"%PDF-1.7\nfigures\n", "application/pdf"),
    })
    evidence = Evidence.objects.get()
    stored = Path(evidence.file.name)
    assert "Alan" not in stored.name and stored.suffix == ".pdf" and len(stored.stem) == 32
    assert (Path(settings.MEDIA_ROOT) / evidence.file.name).exists()
    response = client_as(users[Role.PERSON]).get(url("evidence_file", programme, evidence_id=evidence.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="evidence-{evidence.pk}.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOAD, target_id=str(evidence.pk)).count() == 1
    assert client_as(users[Role.PROVIDER]).get(url("evidence_file", programme, evidence_id=evidence.pk)).status_code == 404
    assert client_as(users[Role.PERSON]).get(f"/media/{evidence.file.name}").status_code == 404  # no public address


def test_a_file_of_the_wrong_kind_or_too_big_is_refused(client_as, users, programme):
    client = client_as(users[Role.COMMISSIONER])
    base = {"kind": "local_data", "title": "Census", "text": "Figures."}
    for upload, message in [
        (_upload("run-me.exe", b"MZ\x90\x00"), "The selected file must be a PDF, CSV or spreadsheet (XLSX, XLS or ODS)"),
        (_upload("report.pdf", b"<html>not a pdf</html>"), "The selected file is not a real PDF file"),
        (_upload("figures.csv", b"\x00\x01\x02binary\x00"), "The selected file is not a real CSV file"),
        (_upload("big.csv", b"a,b\n" * (EVIDENCE_MAX_BYTES // 4 + 1)), "The selected file must be smaller than 10 MB"),
    ]:
        assert_bad_input(client, url("evidence_add", programme), {**base, "file": upload}, errors=[message], kept=["title"],
                         unchanged=lambda: Evidence.objects.count())
    client.post(url("evidence_add", programme), {**base, "file": _upload("figures.csv", "area,people\nNorth,61\nSouth,81\n".encode())})
    assert Evidence.objects.get().file_type == "csv"


def test_a_withdrawn_story_disappears_from_every_page_at_once(client_as, users, programme, django_capture_on_commit_callbacks):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    story = StoryFactory(programme=programme, recorded_by=users[Role.PERSON], teller=users[Role.PERSON], title="Saturday at home")
    story.file.save("story.pdf", SimpleUploadedFile("story.pdf", b"%PDF-1.7\n"), save=True)
    story.file_type = "pdf"
    story.save()
    stored = Path(settings.MEDIA_ROOT) / story.file.name
    story.priorities.add(priority)
    carer = client_as(users[Role.CARER])
    assert "Saturday at home" in text(carer.get(url("evidence_list", programme)))
    # The teller withdraws it themselves.
    teller = client_as(users[Role.PERSON])
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the withdrawal is saved
        response = teller.post(url("evidence_withdraw", programme, evidence_id=story.pk), follow=True)
    assert "The story has been withdrawn. It no longer appears on any page." in text(response)
    assert "Saturday at home" not in text(carer.get(url("evidence_list", programme)))
    assert "Saturday at home" not in text(carer.get(url("priority_detail", programme, priority_id=priority.pk)))
    assert carer.get(url("evidence_detail", programme, evidence_id=story.pk)).status_code == 404
    assert carer.get(url("evidence_file", programme, evidence_id=story.pk)).status_code == 404
    story.refresh_from_db()
    assert story.withdrawn_at and story.withdrawn_by == users[Role.PERSON]
    assert story.text == "" and story.told_by == "" and not story.file
    assert not stored.exists()  # the file is deleted, not just hidden


def test_only_the_teller_the_recorder_or_a_commissioner_may_withdraw_a_story(client_as, users, programme):
    story = StoryFactory(programme=programme, recorded_by=users[Role.COMMISSIONER], teller=users[Role.PERSON])
    assert client_as(users[Role.CARER]).post(url("evidence_withdraw", programme, evidence_id=story.pk)).status_code == 403
    assert Evidence.objects.current().filter(pk=story.pk).exists()
    client_as(users[Role.COMMISSIONER]).post(url("evidence_withdraw", programme, evidence_id=story.pk))
    assert not Evidence.objects.current().filter(pk=story.pk).exists()


def test_evidence_from_another_programme_is_not_found(client_as, users, programme):
    elsewhere = EvidenceFactory(recorded_by=users[Role.COMMISSIONER])
    assert client_as(users[Role.PERSON]).get(url("evidence_detail", programme, evidence_id=elsewhere.pk)).status_code == 404


def test_a_consent_date_in_the_future_is_refused(client_as, users, programme):
    future = timezone.localdate().replace(year=timezone.localdate().year + 1)
    data = {**STORY, "consent_given_on_0": future.day, "consent_given_on_1": future.month, "consent_given_on_2": future.year}
    assert_bad_input(client_as(users[Role.CARER]), url("evidence_add", programme), data,
                     errors=["The date they agreed must be today or in the past"], unchanged=lambda: Evidence.objects.count())


def test_a_members_own_story_is_in_their_consents_and_withdrawing_it_there_takes_it_out_at_once(client_as, users, programme):
    from django.urls import reverse

    from coproduction.governance.models import Consent

    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="More to do at weekends")
    carer = client_as(users[Role.CARER])
    carer.post(url("evidence_add", programme), {**STORY, "priorities": [priority.pk], "own_story": "on"})
    story = Evidence.objects.get()
    consent = Consent.objects.get(purpose=Consent.Purpose.EVIDENCE_STORY)
    assert (consent.user, consent.evidence, consent.wording_version) == (users[Role.CARER], story, "evidence-1")
    mine = text(carer.get(reverse("governance:my_consents")))
    assert "Their story used as evidence in commissioning" in mine and "“Saturday at home”" in mine

    carer.post(reverse("governance:consent_withdraw", kwargs={"consent_id": consent.pk}), {"reason": ""})
    story.refresh_from_db()
    assert story.withdrawn_at is not None and story.text == ""
    assert "Saturday at home" not in text(client_as(users[Role.PERSON]).get(url("priority_detail", programme, priority_id=priority.pk)))
    assert Consent.objects.filter(subject_key=consent.subject_key).latest("id").event == Consent.Event.WITHDRAWN


def test_withdrawing_a_story_from_the_evidence_page_shows_as_withdrawn_in_the_register(client_as, users, programme):
    from coproduction.governance.models import Consent

    carer = client_as(users[Role.CARER])
    carer.post(url("evidence_add", programme), {**STORY, "own_story": "on"})
    story = Evidence.objects.get()
    carer.post(url("evidence_withdraw", programme, evidence_id=story.pk))
    events = list(Consent.objects.filter(purpose=Consent.Purpose.EVIDENCE_STORY).order_by("id").values_list("event", flat=True))
    assert events == [Consent.Event.GIVEN, Consent.Event.WITHDRAWN]
