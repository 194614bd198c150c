"""Briefing packs: sent in the format each member asked for, opened, and as a tagged PDF."""

import subprocess

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.panels import services
from commissioning.panels.models import BriefingPack
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.commissioning.panels.factories import PanelMemberFactory
from tests.commissioning.specifications.factories import GlossaryTermFactory


def _url(panel, name):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})


def _text(content) -> str:
    return " ".join(BeautifulSoup(content, "html.parser").get_text(" ").split())


def _pdf_text(job) -> str:
    return " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())


def test_the_chair_sends_packs_in_each_members_format_and_sees_who_has_not_opened_theirs(client_as, commissioner, carer, panel, lived):
    InvolvementProfileFactory(user=lived.user, preferred_format="easy_read")
    maureen = PanelMemberFactory(panel=panel, user=carer, role="carer")
    client = client_as(commissioner)
    page = _text(client.get(_url(panel, "panel_detail")).content)
    assert "Not yet sent" in page and carer.display_name in page
    response = client.post(_url(panel, "briefing_send"), {"members": [lived.pk, maureen.pk]})
    assert response.status_code == 302
    packs = {pack.member_id: pack for pack in BriefingPack.objects.all()}
    assert packs[lived.pk].document_format == "easy_read" and packs[maureen.pk].document_format == "standard"
    assert packs[lived.pk].sent_at.date() == packs[lived.pk].sent_at.date()
    page = _text(client.get(_url(panel, "panel_detail")).content)
    assert "Sent but not yet opened" in page and "(Easy Read), not opened" in page

    # Opening the pack is noted the first time only.
    client_as(lived.user).get(_url(panel, "briefing"))
    first = BriefingPack.objects.get(member=lived).first_opened_at
    assert first is not None
    client_as(lived.user).get(_url(panel, "briefing"))
    assert BriefingPack.objects.get(member=lived).first_opened_at == first
    # The chair opening their own page does not count as the member opening theirs.
    assert BriefingPack.objects.get(member=maureen).first_opened_at is None


def test_sending_to_nobody_is_an_error(client_as, commissioner, panel, lived):
    from tests.harness.bad_input import assert_bad_input

    assert_bad_input(client_as(commissioner), _url(panel, "briefing_send"), {}, errors=["Select who to send the briefing pack to"],
                     unchanged=lambda: BriefingPack.objects.count())


def test_the_pack_explains_the_panel_scoring_the_words_and_the_specification(client_as, panel, lived):
    GlossaryTermFactory(term="bidder", explanation="A provider that has offered to run the service.")
    panel.timetable = "Each bidder is interviewed in May."
    panel.save()
    page = client_as(lived.user).get(_url(panel, "briefing"))
    text = _text(page.content)
    assert "To choose who runs day opportunities." in text
    assert "Each bidder is interviewed in May." in text
    assert "from 0 to 5" in text and "Working with people 70" in text and "Value for money 30" in text
    assert "Open six days a week, including Saturdays." in text
    assert "Words we use" in text and "A provider that has offered to run the service." in text
    assert 'href="#glossary-' in page.content.decode()


def test_easy_read_wording_replaces_the_standard_wording_where_the_panel_wrote_it(client_as, panel, lived):
    panel.purpose_easy_read = "We choose who runs the day service."
    panel.save()
    InvolvementProfileFactory(user=lived.user, preferred_format="easy_read")
    text = _text(client_as(lived.user).get(_url(panel, "briefing")).content)
    assert "We choose who runs the day service." in text and "To choose who runs day opportunities." not in text
    assert "You give each answer a score from 0 to 5." in text
    standard = _text(client_as(lived.user).get(_url(panel, "briefing") + "?format=standard").content)
    assert "To choose who runs day opportunities." in standard


@pytest.mark.parametrize(("document_format", "expected", "absent"), [
    ("standard", "Each member scores every answer from 0 to 5", "You give each answer a score"),
    ("large_print", "(large print)", "You give each answer a score"),
    ("easy_read", "We choose who runs the day service.", "To choose who runs day opportunities."),
])
def test_the_briefing_pdf_is_tagged_and_in_the_format_asked_for(client_as, commissioner, panel, lived, document_format, expected, absent):
    panel.purpose_easy_read = "We choose who runs the day service."
    panel.save()
    services.briefing_send(panel=panel, members=[lived], formats={lived.user_id: document_format}, by=commissioner)
    response = client_as(lived.user).post(_url(panel, "briefing_pdf"))
    job = ReportJob.objects.get(requested_by=lived.user)
    assert response.headers["Location"] == reverse("reports:job_detail", kwargs={"job_id": job.pk})
    assert job.options == {"format": document_format} and job.subject == lived
    report_services.report_job_render(job=job)
    text = _pdf_text(job)
    assert "Day opportunities tender panel" in text and "How scoring works" in text and "Working with people 70" in text
    assert expected in text and absent not in text
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info


def test_someone_not_on_the_panel_cannot_ask_for_a_pack(client_as, carer, panel):
    response = client_as(carer).post(_url(panel, "briefing_pdf"))
    assert response.status_code in (403, 404)
    assert not ReportJob.objects.exists()
