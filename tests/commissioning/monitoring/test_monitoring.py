import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commissioning.models import ActivityKind
from commissioning.monitoring import services
from commissioning.monitoring.models import (
    Contract,
    MeetingPaper,
    MonitoringReturn,
    QualityVisit,
)
from coproduction.audit.models import AuditEvent
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.commissioning.decisions_log import log_text
from tests.commissioning.monitoring.factories import ContractFactory, ProviderFactory, QualityVisitFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.documents import word_document_bytes, zip_bytes


def _url(name, contract, **extra):
    return reverse(f"monitoring:{name}", kwargs={"programme_id": contract.programme_id, "contract_id": contract.pk, **extra})


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


# --- Contracts -----------------------------------------------------------------------------


def test_a_commissioner_adds_a_contract_with_the_programmes_indicators(client_as, commissioner, programme, provider_org, indicators):
    client = client_as(commissioner)
    response = client.post(reverse("monitoring:contract_add", kwargs={"programme_id": programme.pk}), {
        "provider": provider_org.pk, "service_name": "Riverside day service", "starts_on_0": "1", "starts_on_1": "4", "starts_on_2": "2026",
        "ends_on_0": "31", "ends_on_1": "3", "ends_on_2": "2029", "value": "450000", "indicators": [indicators[1].pk],
    })
    contract = Contract.objects.get()
    assert response.status_code == 302 and list(contract.indicators.all()) == [indicators[1]]
    page = _text(client.get(_url("contract_detail", contract)))
    assert "Riverside Support Ltd" in page and "£450,000.00" in page and "People who say they chose what they did" in page
    assert AuditEvent.objects.filter(action="create", target_id=str(contract.pk)).exists()


def test_a_contract_with_bad_dates_and_value_is_refused_with_the_answers_kept(client_as, commissioner, programme, provider_org):
    assert_bad_input(
        client_as(commissioner), reverse("monitoring:contract_add", kwargs={"programme_id": programme.pk}),
        {"provider": provider_org.pk, "service_name": "Riverside day service", "starts_on_0": "1", "starts_on_1": "4", "starts_on_2": "2027",
         "ends_on_0": "1", "ends_on_1": "4", "ends_on_2": "2026", "value": "lots"},
        errors=["The end date must be the same as or after the start date", "Enter the value as a number, like 450000"],
        kept=["service_name"], unchanged=lambda: Contract.objects.count(),
    )


def test_a_provider_sees_only_its_own_contracts(client_as, provider, programme, contract, commissioner):
    other = ContractFactory(programme=programme, provider=ProviderFactory(name="Hilltop Care Ltd"), service_name="Hilltop day service")
    client = client_as(provider)
    listing = _text(client.get(reverse("monitoring:contract_list", kwargs={"programme_id": programme.pk})))
    assert "Riverside day service" in listing and "Hilltop day service" not in listing
    assert client.get(_url("contract_detail", other)).status_code == 404
    mine = _text(client.get(reverse("monitoring:my_monitoring")))
    assert "Riverside day service" in mine and "Hilltop" not in mine


# --- Returns -----------------------------------------------------------------------------


def test_the_provider_sends_figures_each_quarter_and_everyone_sees_them_over_time(client_as, provider, person, contract, indicators):
    client = client_as(provider)
    start = client.get(_url("return_start", contract), {"period": "2026-04"})
    assert start.headers["Location"] == _url("return_edit", contract, period="2026-04")
    trips, chose = indicators
    client.post(_url("return_edit", contract, period="2026-04"), {f"value_{trips.pk}": "40", f"said_{chose.pk}": "“I picked the farm trip.”"})
    client.post(_url("return_edit", contract, period="2026-07"), {f"value_{trips.pk}": "46", f"value_{chose.pk}": "8"})
    assert MonitoringReturn.objects.filter(submitted_at__isnull=False).count() == 2
    page = _text(client_as(person).get(_url("contract_detail", contract)))
    assert "July to September 2026" in page and "April to June 2026" in page
    assert "46 (up 6 on the quarter before)" in page and "I picked the farm trip." in page


def test_a_return_saved_without_sending_is_not_shown_and_a_bad_figure_is_refused(client_as, provider, contract, indicators):
    client = client_as(provider)
    url = _url("return_edit", contract, period="2026-04")
    client.post(url, {f"value_{indicators[0].pk}": "12", "save": "1"})
    saved = MonitoringReturn.objects.get()
    assert saved.submitted_at is None and "has not sent any figures" in _text(client.get(_url("contract_detail", contract)))
    assert_bad_input(client, url, {f"value_{indicators[0].pk}": "twelve", f"said_{indicators[1].pk}": "Kind staff"},
                     errors=["Enter the figure as a number, like 42 or 87.5"], kept=[f"said_{indicators[1].pk}"],
                     unchanged=lambda: list(saved.figures.values_list("value", flat=True)))
    assert client.get(_url("return_edit", contract, period="2031-01")).status_code == 404  # after the contract has ended or in the future


# --- Meetings ------------------------------------------------------------------------------


def test_a_meeting_owns_a_monitoring_activity_in_the_do_stage(meeting):
    assert meeting.activity.kind == ActivityKind.MONITORING_MEETING
    assert meeting.activity.stage.phase == "do"


def test_papers_go_to_each_member_in_their_chosen_format_with_the_date_sent(client_as, commissioner, person, meeting):
    InvolvementProfileFactory(user=person, preferred_format="easy_read")
    client_as(commissioner).post(_url("papers_send", meeting.contract, meeting_id=meeting.pk))
    formats = dict(meeting.members.values_list("user_id", "papers_format"))
    assert formats[person.pk] == "easy_read" and formats[commissioner.pk] == "standard"
    assert all(meeting.members.values_list("papers_sent_at", flat=True))
    page = _text(client_as(person).get(_url("meeting_detail", meeting.contract, meeting_id=meeting.pk)))
    assert "Your papers were sent on" in page and "in easy read" in page
    pack = _text(client_as(person).get(_url("papers_pack", meeting.contract, meeting_id=meeting.pk)))
    assert "We will look at the numbers together." in pack and "What we will talk about" in pack


def test_only_organisers_see_the_format_each_member_gets_their_papers_in(client_as, commissioner, person, provider, meeting):
    # Large print or Easy Read says something about someone's health: it is not for the provider.
    InvolvementProfileFactory(user=person, preferred_format="easy_read")
    client_as(commissioner).post(_url("papers_send", meeting.contract, meeting_id=meeting.pk))
    url = _url("meeting_detail", meeting.contract, meeting_id=meeting.pk)

    def members_rows(user) -> dict[str, str]:
        table = BeautifulSoup(client_as(user).get(url).content, "html.parser").find(id="members").find_next("table")
        return {row.td.get_text(strip=True): " ".join(row.get_text(" ").split()) for row in table.tbody.find_all("tr")}

    organiser_sees = members_rows(commissioner)
    assert "(easy read)" in organiser_sees[person.display_name] and "(standard print)" in organiser_sees[provider.display_name]
    provider_sees = members_rows(provider)
    assert set(provider_sees) == set(organiser_sees)  # the same members, each with the date sent
    assert all("Not yet" not in row for row in provider_sees.values())
    assert not any("print)" in row or "easy read" in row for row in provider_sees.values())
    # A member is still told their own format, and sees nobody else's.
    page = _text(client_as(person).get(url))
    assert "in easy read" in page and "(standard print)" not in page


def test_organisers_see_each_members_access_needs_from_their_profile_and_each_read_is_audited(
        client_as, commissioner, person, provider, meeting):
    InvolvementProfileFactory(user=person, preferred_format="easy_read", access_needs=["quiet_space"])
    url = _url("meeting_detail", meeting.contract, meeting_id=meeting.pk)

    def members_rows(user) -> dict[str, str]:
        table = BeautifulSoup(client_as(user).get(url).content, "html.parser").find(id="members").find_next("table")
        return {row.td.get_text(strip=True): " ".join(row.get_text(" ").split()) for row in table.tbody.find_all("tr")}

    rows = members_rows(commissioner)
    assert "Easy Read" in rows[person.display_name] and "A quiet space" in rows[person.display_name]
    assert "Nothing in their involvement profile" in rows[provider.display_name]
    reads = AuditEvent.objects.filter(actor=commissioner, action="view", detail="access needs")
    assert set(reads.values_list("subject_id", flat=True)) >= {person.pk}
    # Members, the person among them, see nobody's needs.
    assert not any("quiet" in row.lower() for row in members_rows(person).values())
    assert "What helps them take part" not in _text(client_as(provider).get(url))


def test_an_uploaded_paper_must_be_a_real_pdf_or_word_file_and_goes_only_to_members(client_as, commissioner, carer, person, meeting):
    client = client_as(commissioner)
    url = _url("paper_add", meeting.contract, meeting_id=meeting.pk)
    fake = SimpleUploadedFile("budget.pdf", b"not really a pdf", content_type="application/pdf")
    assert_bad_input(client, url, {"title": "Budget", "file": fake}, errors=["The selected file is not a real PDF file"], kept=["title"],
                     unchanged=lambda: MeetingPaper.objects.count())
    exe = SimpleUploadedFile("budget.exe", b"MZ", content_type="application/octet-stream")
    assert_bad_input(client, url, {"title": "Budget", "file": exe}, errors=["The selected file must be a PDF or a Word document (DOCX)"],
                     unchanged=lambda: MeetingPaper.objects.count())
    assert_bad_input(client, url, {"title": "Budget"}, errors=["Write the paper or choose a file to upload"],
                     unchanged=lambda: MeetingPaper.objects.count())
    renamed_zip = SimpleUploadedFile("budget.docx", zip_bytes({"budget.csv": "line,amount"}), content_type="application/zip")
    assert_bad_input(client, url, {"title": "Budget", "file": renamed_zip}, errors=["The selected file is not a real Word document"],
                     kept=["title"], unchanged=lambda: MeetingPaper.objects.count())
    word = word_document_bytes()
    client.post(url, {"title": "Budget", "file": SimpleUploadedFile("budget.docx", word, content_type="application/zip")})
    paper = MeetingPaper.objects.get()
    assert paper.file_type == "docx" and paper.file_size == len(word) and "budget" not in paper.file.name
    file_url = _url("paper_file", meeting.contract, meeting_id=meeting.pk, paper_id=paper.pk)
    download = client_as(person).get(file_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == word
    assert download["Cache-Control"] == "private, no-store"
    assert client_as(carer).get(file_url).status_code == 404  # in the programme's group, not a member of the meeting
    assert AuditEvent.objects.filter(action="download", target_id=str(paper.pk), actor=person).exists()


def test_representatives_give_their_view_of_each_figure(client_as, commissioner, person, provider, meeting, indicators):
    url = _url("indicator_report", meeting.contract, meeting_id=meeting.pk, indicator_id=indicators[1].pk)
    assert client_as(person).get(url).status_code == 302  # no figure yet
    client_as(commissioner).post(url, {"figure": "8 out of 10 people", "what_people_said": "They choose the trips."})
    client_as(person).post(url, {"representatives_view": "Good, but ask people who do not speak up."})
    assert client_as(provider).get(url).status_code == 403
    page = _text(client_as(provider).get(_url("meeting_detail", meeting.contract, meeting_id=meeting.pk)))
    assert "8 out of 10 people" in page and "Good, but ask people who do not speak up." in page


def test_minutes_are_agreed_only_when_every_member_has_agreed_and_changing_them_asks_again(client_as, commissioner, person, provider, meeting):
    detail = _url("meeting_detail", meeting.contract, meeting_id=meeting.pk)
    client_as(commissioner).post(_url("minutes_edit", meeting.contract, meeting_id=meeting.pk), {"minutes": "We agreed to add Saturday trips."})
    for user in (commissioner, person):
        client_as(user).post(_url("minutes_agree", meeting.contract, meeting_id=meeting.pk))
    assert "Agreed by 2 of 3 members" in _text(client_as(person).get(detail))
    client_as(provider).post(_url("minutes_agree", meeting.contract, meeting_id=meeting.pk))
    assert "Agreed by all 3 members" in _text(client_as(person).get(detail))
    client_as(commissioner).post(_url("minutes_edit", meeting.contract, meeting_id=meeting.pk), {"minutes": "We agreed to add Saturday and Sunday trips."})
    assert "Agreed by 0 of 3 members" in _text(client_as(person).get(detail))


def test_actions_have_owners_and_due_dates_and_the_owner_marks_them_done(client_as, commissioner, provider, person, meeting):
    client_as(commissioner).post(_url("meeting_action_add", meeting.contract, meeting_id=meeting.pk), {
        "description": "Send the Easy Read timetable", "owner": provider.pk, "due_on_0": "1", "due_on_1": "9", "due_on_2": "2026",
    })
    action = meeting.actions.get()
    assert action.owner == provider and action.due_on == datetime.date(2026, 9, 1)
    assert client_as(person).post(_url("action_done", meeting.contract, action_id=action.pk)).status_code == 403
    client_as(provider).post(_url("action_done", meeting.contract, action_id=action.pk))
    action.refresh_from_db()
    assert action.done_on is not None


def test_the_done_button_shows_only_to_those_the_rules_let_mark_an_action_done(client_as, commissioner, provider, person, meeting):
    client_as(commissioner).post(_url("meeting_action_add", meeting.contract, meeting_id=meeting.pk), {
        "description": "Send the Easy Read timetable", "owner": provider.pk, "due_on_0": "1", "due_on_1": "9", "due_on_2": "2026",
    })
    for user, may_complete in ((commissioner, True), (provider, True), (person, False)):
        response = client_as(user).get(_url("contract_detail", meeting.contract))
        if response.status_code != 200:
            continue  # cannot open the contract at all
        [action] = response.context["actions"]
        assert action.can_complete is may_complete
        assert (_url("action_done", meeting.contract, action_id=action.pk) in response.content.decode()) is may_complete


def test_attendance_records_who_took_part_on_the_activity(client_as, commissioner, person, provider, meeting):
    members = {member.user_id: member.pk for member in meeting.members.all()}
    client_as(commissioner).post(_url("attendance", meeting.contract, meeting_id=meeting.pk), {"attended": [members[person.pk], members[provider.pk]]})
    meeting.activity.refresh_from_db()
    assert [m.user for m in meeting.activity.participants.all()] == [person]
    assert meeting.activity.others_taking_part == 1 and meeting.activity.happened_on == meeting.date


# --- Quality visits ------------------------------------------------------------------------


def test_an_assessor_reports_a_commissioner_reviews_and_the_provider_responds(client_as, commissioner, quality_assessor, provider, person, visit, framework):
    first, second = framework.characteristics.order_by("position")
    visit_url = _url("visit_detail", visit.contract, visit_id=visit.pk)
    assert visit.activity.kind == ActivityKind.QUALITY_VISIT
    assert client_as(provider).get(visit_url).status_code == 404  # not reviewed yet
    client_as(quality_assessor).post(_url("visit_findings", visit.contract, visit_id=visit.pk), {
        "visited_on_0": "2", "visited_on_1": "6", "visited_on_2": "2026", f"rating_{first.pk}": "4",
        f"evidence_{first.pk}": "I was asked what I wanted to do, in my own words.", "summary": "A warm welcome.",
    })
    visit.refresh_from_db()
    assert visit.status == QualityVisit.Status.SUBMITTED and visit.findings.count() == 1
    assert client_as(quality_assessor).get(_url("visit_findings", visit.contract, visit_id=visit.pk)).status_code == 302  # cannot change now
    assert client_as(provider).get(visit_url).status_code == 404
    client_as(commissioner).post(_url("visit_review", visit.contract, visit_id=visit.pk), {"review_notes": "Thank you, Rosa."})
    client_as(provider).post(_url("visit_respond", visit.contract, visit_id=visit.pk), {"provider_response": "We will keep asking."})
    client_as(commissioner).post(_url("visit_action_add", visit.contract, visit_id=visit.pk), {
        "description": "Welcome pack in Easy Read", "owner": provider.pk, "due_on_0": "1", "due_on_1": "10", "due_on_2": "2026",
    })
    page = _text(client_as(person).get(visit_url))
    assert "Really good" in page and "I was asked what I wanted to do, in my own words." in page
    assert "Thank you, Rosa." in page and "We will keep asking." in page and "Welcome pack in Easy Read" in page


def test_findings_need_a_rating_and_evidence_together(client_as, quality_assessor, visit, framework):
    first = framework.characteristics.order_by("position").first()
    assert_bad_input(client_as(quality_assessor), _url("visit_findings", visit.contract, visit_id=visit.pk),
                     {f"evidence_{first.pk}": "Staff were kind.", "summary": "Kind staff"},
                     errors=["Select a rating for “People help run the service”, or remove what you wrote"],
                     kept=[f"evidence_{first.pk}", "summary"], unchanged=lambda: visit.findings.count())


def test_sending_a_report_needs_the_date_and_at_least_one_rating(client_as, quality_assessor, visit):
    response = client_as(quality_assessor).post(_url("visit_findings", visit.contract, visit_id=visit.pk), {"summary": "Not finished"})
    page = _text(response)
    assert response.status_code == 200 and "Enter the date of the visit" in page
    visit.refresh_from_db()
    assert visit.status == QualityVisit.Status.ASSIGNED


def test_an_assessor_sees_only_their_own_visits(client_as, quality_assessor, other_assessor, visit, contract, framework, commissioner):
    theirs = services.visit_assign(contract=contract, framework=framework, method="peer_interview", planned_on=datetime.date(2026, 8, 1),
                                   brief="", assessors=[other_assessor], by=commissioner)
    client = client_as(quality_assessor)
    assert client.get(_url("visit_detail", contract, visit_id=theirs.pk)).status_code == 404
    mine = _text(client.get(reverse("monitoring:my_monitoring")))
    assert "Mystery shop: Riverside day service" in mine and "Peer interviews" not in mine


def test_a_framework_cannot_change_once_assessors_have_reported_against_it(client_as, commissioner, quality_assessor, visit, framework):
    first = framework.characteristics.order_by("position").first()
    services.findings_save(visit=visit, visited_on=datetime.date(2026, 6, 2), summary="", submit=True, by=quality_assessor,
                           findings={first: (3, "Fine.")})
    url = reverse("monitoring:characteristic_edit", kwargs={"programme_id": framework.programme_id, "framework_id": framework.pk,
                                                            "characteristic_id": first.pk})
    response = client_as(commissioner).post(url, {"title": "Changed", "what_good_looks_like": "x", "what_to_look_for": "y"})
    first.refresh_from_db()
    assert response.status_code == 302 and first.title == "People help run the service"



def test_the_assessors_time_is_recognised_in_the_involvement_ledger(client_as, commissioner, quality_assessor, visit, framework):
    from commissioning.involvement.models import Claim

    url = _url("visit_recognition", visit.contract, visit_id=visit.pk)
    assert client_as(commissioner).get(url).status_code == 302  # not visited yet
    services.findings_save(visit=visit, visited_on=datetime.date.today(), summary="", submit=True, by=quality_assessor,
                           findings={framework.characteristics.first(): (3, "Fine.")})
    client = client_as(commissioner)
    assert_bad_input(client, url, {"claimant": quality_assessor.pk, "category": "payment", "amount": "-5"},
                     errors=["The amount cannot be less than 0"], unchanged=lambda: Claim.objects.count())
    client.post(url, {"claimant": quality_assessor.pk, "category": "payment", "amount": "60", "description": "A day's visit"})
    claim = Claim.objects.get()
    assert claim.claimant == quality_assessor and claim.activity == visit.activity and claim.amount == 60 and claim.kind == "recognition"


def test_a_provider_in_the_programmes_group_still_sees_only_its_own_contracts(client_as, provider, programme, contract):
    from commissioning.models import MemberRole
    from tests.commissioning.factories import GroupMemberFactory

    GroupMemberFactory(programme=programme, user=provider, member_role=MemberRole.PROVIDER)
    other = ContractFactory(programme=programme, provider=ProviderFactory(name="Hilltop Care Ltd"), service_name="Hilltop day service")
    client = client_as(provider)
    assert "Hilltop day service" not in _text(client.get(reverse("monitoring:contract_list", kwargs={"programme_id": programme.pk})))
    assert client.get(_url("contract_detail", other)).status_code == 404


@pytest.mark.parametrize(("role", "says_contracts"), [("person", False), ("carer", False), ("provider", True)])
def test_only_a_provider_home_speaks_of_their_organisations_contracts(client_as, role, says_contracts):
    from coproduction.accounts.models import Role
    from tests.coproduction.accounts.factories import UserFactory

    user = UserFactory(roles=[Role(role).value])
    page = client_as(user).get(reverse("accounts:role_home", kwargs={"role": role}))
    assert page.status_code == 200 and "Your monitoring and quality visits" in page.text
    assert ("Contracts your organisation holds" in page.text) is says_contracts


def test_the_decisions_log_links_a_quality_visit_once_its_report_opens_to_the_group(client_as, programme, person):
    reviewed = QualityVisitFactory(contract=ContractFactory(programme=programme), status="reviewed")
    planned = QualityVisitFactory(contract=ContractFactory(programme=programme))
    client = client_as(person)
    # Programme, own groups, stages, count, page, activities that informed them (with each visit's contract).
    text = log_text(client, programme, [reviewed, planned], budget=6, more=lambda: [
        QualityVisitFactory(contract=ContractFactory(programme=programme), status="reviewed") for _ in range(3)])
    soup = BeautifulSoup(text, "html.parser")
    linked = {a["href"] for a in soup.select("a.govuk-link")}
    assert _visit_url(reviewed) in linked and _visit_url(planned) not in linked
    assert client.get(_visit_url(planned)).status_code == 404


def _visit_url(visit) -> str:
    return reverse("monitoring:visit_detail", kwargs={"programme_id": visit.contract.programme_id, "contract_id": visit.contract_id, "visit_id": visit.pk})
