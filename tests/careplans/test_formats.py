"""The plan in the format the person needs: each copy made through the report pipeline and
read back (PDF text and sizes, braille characters, audio length)."""

import io
import re
import subprocess
import wave
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.urls import reverse

from careplans import formats
from coproduction.audit.models import AuditEvent
from coproduction.reports import services as report_services
from coproduction.reports.kinds import REPORT_KINDS
from coproduction.reports.models import ReportJob
from tests.careplans.factories import CarePlanFactory, PersonFactory, complete_content
from tests.coproduction.reports.factories import ReportJobFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries

OWN_WORDS = "I want to go to the shops with my daughter."


@pytest.fixture
def subject(team, practitioner, person):
    return PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh", preferred_name="Al", communication_needs=["easy_read"])


@pytest.fixture
def plan(subject, practitioner):
    content = complete_content()
    content["sections"]["goals"]["fields"]["goals"] = {"text": f"{OWN_WORDS}\nAnd to the allotment, if the weather’s fine", "whose": "person"}
    content["sections"]["needs"]["fields"]["eligibility"] = {"text": "Your needs meet the criteria. You are eligible for support.", "whose": "practitioner"}
    return CarePlanFactory(person=subject, version=1, status="agreed", created_by=practitioner, content=content)


def copies_url(subject):
    return reverse("careplans:plan_copies", kwargs={"person_id": subject.pk})


def ask_for(client, subject, *values) -> list[ReportJob]:
    response = client.post(copies_url(subject), {"formats": list(values)})
    assert response.status_code == 302
    jobs = list(ReportJob.objects.order_by("created_at"))[-len(values):]
    for job in jobs:
        report_services.report_job_render(job=job)
        job.refresh_from_db()
    return jobs


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def word_heights(path) -> list[float]:
    """The height of every word's box on every page, in points: about 1.16 times its font size."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return [float(y2) - float(y1) for y1, y2 in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">', html)]


def test_the_page_suggests_the_format_the_record_asks_for_and_says_why(client_as, person, subject, plan):
    page = BeautifulSoup(client_as(person).get(copies_url(subject)).content, "html.parser")
    assert "Your plan says you need your copy in: Easy Read." in " ".join(page.select_one("#format-needed").get_text().split())
    ticked = [box["value"] for box in page.select("input[name=formats][checked]")]
    assert ticked == ["easy_read"]


def test_the_agreement_section_says_the_format_before_the_record(client_as, practitioner, subject, plan):
    plan.content["sections"]["agreement"]["fields"]["copy_format"] = "braille"
    plan.save()
    page = BeautifulSoup(client_as(practitioner).get(copies_url(subject)).content, "html.parser")
    assert "Al’s plan or record says they need their copy in: Braille." in " ".join(page.select_one("#format-needed").get_text().split())


def test_asking_for_no_format_says_so_and_makes_nothing(client_as, person, subject, plan):
    assert_bad_input(client_as(person), copies_url(subject), {}, errors=["Select at least one format"], unchanged=lambda: ReportJob.objects.count())
    assert_bad_input(client_as(person), copies_url(subject), {"formats": ["pdf-of-everything"]}, errors=["Select a format from the list"], unchanged=lambda: ReportJob.objects.count())


def test_a_missing_engine_is_said_on_the_page_and_cannot_be_asked_for(client_as, person, subject, plan, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # neither liblouis nor eSpeak NG on this server
    client = client_as(person)
    page = BeautifulSoup(client.get(copies_url(subject)).content, "html.parser")
    assert "its braille translator (liblouis) is not installed" in page.get_text()
    assert "its speech engine (eSpeak NG) is not installed" in page.get_text()
    assert_bad_input(
        client, copies_url(subject), {"formats": ["easy_read", "audio"]},
        errors=["Audio copies cannot be made on this server at the moment, because its speech engine (eSpeak NG) is not installed. Ask the council for an audio copy."],
        unchanged=lambda: ReportJob.objects.count(),
    )


def test_a_copy_asked_for_before_the_engine_went_fails_with_the_reason(person, plan, monkeypatch):
    job = report_services.report_job_request(kind=ReportJob.Kind.CARE_PLAN_BRAILLE, requested_by=person, subject=plan)
    monkeypatch.setenv("PATH", "/nonexistent")
    report_services.report_job_render(job=job)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED and "braille translator (liblouis) is not installed" in job.error


def test_the_easy_read_pdf_has_each_section_a_picture_and_the_persons_own_words(client_as, person, subject, plan):
    (job,) = ask_for(client_as(person), subject, "easy_read")
    assert job.status == ReportJob.Status.DONE and job.extension == "pdf"
    text = pdf_text(job.file.path)
    for heading in ("What I want to do", "What matters to me", "My money for support", "Saying yes to my plan"):
        assert heading in text
    assert "This part is about what you want to do." in text  # the explanation, written once in the sections
    assert OWN_WORDS in text and "the weather’s fine" in text  # their words, as they wrote them
    assert "Your needs meet the criteria.\nYou are eligible for support." in text  # someone else's: a sentence a line
    assert "OpenMoji" in text and "CC BY-SA 4.0" in text
    # Every answer is named in Easy Read words, never the plan's longer questions.
    squeezed = " ".join(text.split())
    for easy in ("My hopes", "What I like doing", "How I want help", "Choice 1", "Did we pick it? Yes", "What the council decided", "Who looks after the money"):
        assert easy in squeezed, easy
    for staff in ("eligibility criteria", "Was this option chosen?", "Option 1", "How my budget is managed", "Whether, and how far"):
        assert staff not in squeezed, staff
    assert min(word_heights(job.file.path)) >= 14 * 1.1  # every word at least 14 point
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    # Every picture carries its words for a screen reader.
    html = render_to_string("careplans/pdf/plan_easy_read.html", REPORT_KINDS[job.kind].build_context(job, lambda value: None))
    images = BeautifulSoup(html, "html.parser").select("img")
    assert len(images) == 1 + 9 and all(image["alt"] for image in images)  # the cover and 9 sections (Al has capacity)
    download = client_as(person).get(reverse("reports:job_download", kwargs={"job_id": job.pk}))
    assert download["Content-Type"] == "application/pdf"
    assert AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.DOWNLOAD).count() == 1


def test_every_question_and_item_has_short_easy_read_words():
    from careplans.sections import SECTIONS

    for section in SECTIONS:
        for field in (*section.fields, *(f for item_list in section.lists for f in item_list.fields)):
            assert field.easy and len(field.easy.split()) <= 7, f"{section.key}.{field.name}"
        for item_list in section.lists:
            assert item_list.easy_item and len(item_list.easy_item.split()) <= 5


def test_large_print_has_every_word_at_least_18_point_and_standard_does_not(client_as, person, subject, plan):
    standard, large = ask_for(client_as(person), subject, "standard", "large_print")
    assert min(word_heights(standard.file.path)) < 18 * 1.1  # captions and the footer are small
    assert min(word_heights(large.file.path)) >= 18 * 1.1  # footer and captions too
    assert "Page 1 of" in pdf_text(large.file.path)


def test_the_braille_ready_file_is_ueb_grade_2_in_embosser_pages(client_as, person, subject, plan):
    (job,) = ask_for(client_as(person), subject, "braille")
    assert job.status == ReportJob.Status.DONE and job.filename.endswith(".brf")
    brf = open(job.file.path, "rb").read().decode("ascii")
    # "I want to go to the shops with my daughter." contracted: go, the, sh, with, gh, er.
    assert ",I WANT TO G TO ! %OPS ) MY DAU<T]4" in brf
    pages = brf.split("\f")
    lines = [line for page in pages for line in page.split("\r\n")]
    assert all(len(line) <= 40 for line in lines) and all(len(page.split("\r\n")) <= 26 for page in pages)
    assert set("".join(lines)) <= {chr(c) for c in range(0x20, 0x60)}  # only the 64 BRF characters
    download = client_as(person).get(reverse("reports:job_download", kwargs={"job_id": job.pk}))
    assert download["Content-Type"].startswith("text/plain")


def test_the_audio_copy_is_one_machine_read_track_a_section_as_long_as_its_words(client_as, practitioner, subject, plan):
    (job,) = ask_for(client_as(practitioner), subject, "audio")
    assert job.status == ReportJob.Status.DONE and job.extension == "zip"
    archive = zipfile.ZipFile(job.file.path)
    tracks = sorted(name for name in archive.namelist() if name.endswith(".wav"))
    assert tracks[0] == "00-about-this-plan.wav" and tracks[1] == "01-what-i-want-to-do.wav" and len(tracks) == 1 + 9
    assert "A computer voice reads this recording" in archive.read("READ-ME-machine-read.txt").decode()
    about, parts = formats.easy_read(plan, subject)
    for name, words in formats.audio_tracks(about, parts)[:2]:
        with wave.open(io.BytesIO(archive.read(name))) as track:
            seconds = track.getnframes() / track.getframerate()
        expected = len(words.split()) / formats.SPEECH_WORDS_A_MINUTE * 60
        assert 0.5 * expected < seconds < 2 * expected  # about the time its words take to say


def test_the_copies_page_lists_what_was_asked_all_at_once_and_only_to_those_who_see_the_plan(client_as, person, subject, plan, carer):
    client = client_as(person)
    client.post(copies_url(subject), {"formats": ["easy_read", "braille", "audio"]})
    assert ReportJob.objects.filter(requested_by=person).count() == 3  # all three at once
    assert AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.EXPORT).count() == 3
    page = BeautifulSoup(client.get(copies_url(subject)).content, "html.parser")
    assert page.select_one("#copies")["hx-trigger"] == "every 2s"  # until they are made
    assert len(page.select("#copies tbody tr")) == 3
    fragment = BeautifulSoup(client.get(copies_url(subject), HTTP_HX_REQUEST="true").content, "html.parser")
    assert fragment.find("html") is None and fragment.select_one("#copies") is not None
    assert client_as(carer).get(copies_url(subject)).status_code == 404  # not their plan to see


def test_the_copies_page_runs_fixed_queries_however_many_copies(client_as, person, subject, plan):
    client = client_as(person)
    plan_type = ContentType.objects.get_for_model(plan)

    def ten_times_the_copies():
        for kind in [ReportJob.Kind.CARE_PLAN_EASY_READ, ReportJob.Kind.CARE_PLAN_AUDIO] * 15:
            ReportJobFactory(kind=kind, requested_by=person, subject_type=plan_type, subject_id=str(plan.pk))

    ReportJobFactory(kind=ReportJob.Kind.CARE_PLAN_BRAILLE, requested_by=person, subject_type=plan_type, subject_id=str(plan.pk))
    # Representing ids, person, latest plan, copies, audit insert (the account and its teams are cached).
    assert_fixed_queries(lambda: client.get(copies_url(subject)), budget=5, grow=ten_times_the_copies)
