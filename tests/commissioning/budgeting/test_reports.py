"""Paper ballots and idea cards: tagged PDFs whose text reads back, with codes that vote."""

import re
import subprocess

from django.urls import reverse

from commissioning.budgeting import reports
from commissioning.budgeting.models import Round, Voter, VotingCode
from commissioning.models import MemberRole
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.budgeting.factories import PotFactory, ProposalFactory, RoundFactory
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory


def _pdf_text(job) -> str:
    return " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())


def _round(commissioner, person):
    programme = ProgrammeFactory(lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    round_ = RoundFactory(programme=programme, title="Community chest", phase=Round.Phase.VOTING, eligibility=Round.Eligibility.RESIDENTS)
    pot = PotFactory(round=round_, name="North", amount=10_000)
    ProposalFactory(pot=pot, title="Saturday art club", cost=4_000, easy_read="An art club. It is on Saturdays.")
    ProposalFactory(pot=pot, title="Allotment tools", cost=2_500)
    ProposalFactory(pot=pot, title="Rejected idea", feasibility="not_feasible")
    return round_, pot


def _print(client, round_, data) -> ReportJob:
    url = reverse("budgeting:print", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk})
    response = client.post(url, data)
    job = ReportJob.objects.latest("created_at")
    assert response["Location"] == reverse("reports:job_detail", kwargs={"job_id": job.pk})
    return report_services.report_job_render(job=job)


def test_paper_ballots_are_tagged_pdfs_each_with_a_code_that_votes_once(client_as, client, commissioner, person):
    round_, pot = _round(commissioner, person)
    job = _print(client_as(commissioner), round_, {"what": "ballots", "pot": pot.pk, "copies": 3})
    assert job.kind == reports.BALLOTS and job.page_count == 3
    text = _pdf_text(job)
    assert "Paper ballot: Community chest North: £10,000.00" in text
    assert "Saturday art club An art club. It is on Saturdays. £4,000.00" in text and "Rejected idea" not in text
    assert "Choose any ideas whose costs add up to no more than the money in the pot." in text
    codes = re.findall(r"Your voting code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}) \(ballot (\d)\)", text)
    assert [serial for _, serial in codes] == ["1", "2", "3"]
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info
    # A printed code opens the ballot signed out.
    entry = reverse("budgeting:code_entry", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk})
    client.post(entry, {"code": codes[0][0]})
    assert "Your code works" in client.get(entry).content.decode()
    # Making the same job again replaces its codes: the old slip no longer works.
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING)  # as a redelivered message finds it
    report_services.report_job_render(job=ReportJob.objects.get(pk=job.pk))
    assert VotingCode.objects.filter(round=round_).count() == 3
    response = client.post(entry, {"code": codes[1][0]})
    assert "This code does not work" in response.content.decode()
    assert not Voter.objects.exists()


def test_idea_cards_show_the_easy_read_wording(client_as, commissioner, person):
    round_, pot = _round(commissioner, person)
    job = _print(client_as(commissioner), round_, {"what": "cards", "pot": pot.pk})
    text = _pdf_text(job)
    assert job.page_count == 2
    assert "Saturday art club Cost: £4,000.00 Easy Read An art club. It is on Saturdays. About this idea" in text
    assert "Allotment tools Cost: £2,500.00 About this idea" in text


def test_asking_for_ballots_without_a_number_is_an_error(client_as, commissioner, person):
    from tests.harness.bad_input import assert_bad_input

    round_, pot = _round(commissioner, person)
    url = reverse("budgeting:print", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk})
    assert_bad_input(client_as(commissioner), url, {"what": "ballots", "pot": pot.pk, "copies": ""},
                     errors=["Enter how many ballots to print"], unchanged=ReportJob.objects.count)
