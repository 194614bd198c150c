import subprocess
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from careplans import selectors, services
from careplans.models import CarePlan, PlanComment
from careplans.plan_content import budget_total
from coproduction.audit.models import AuditEvent
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.careplans.factories import (
    CarePlanFactory,
    complete_content,
    PersonFactory,
    RepresentativeFactory,
)
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


@pytest.fixture
def subject(team, practitioner, person):
    return PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh")


def section_url(subject, key):
    return reverse("careplans:section_edit", kwargs={"person_id": subject.pk, "key": key})


def test_a_plan_is_written_section_by_section_and_agreed(client_as, practitioner, subject):
    client = client_as(practitioner)
    client.post(reverse("careplans:plan_start", kwargs={"person_id": subject.pk}))
    plan = CarePlan.objects.get(person=subject)
    assert plan.version == 1 and plan.is_draft
    client.post(section_url(subject, "goals"), {"goals": "I want to get back to my allotment", "goals__whose": "person", "completed": "yes"})
    client.post(
        reverse("careplans:item_add", kwargs={"person_id": subject.pk, "key": "budget", "list_name": "items"}),
        {"items-what": "Personal assistant, 10 hours", "items-weekly": "180.50", "items-whose": "practitioner"},
    )
    client.post(
        reverse("careplans:item_add", kwargs={"person_id": subject.pk, "key": "budget", "list_name": "items"}),
        {"items-what": "Allotment society membership", "items-weekly": "2.25", "items-whose": "person"},
    )
    plan.refresh_from_db()
    assert budget_total(plan) == pytest.approx(182.75)  # added up, never typed
    page = client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk}))
    assert "Total each week: £182.75" in page.text
    status = BeautifulSoup(page.content, "html.parser").select_one("#status-goals").get_text(strip=True)
    assert status == "Completed"

    # Agreeing needs every section complete: the check-answers page says which are not.
    check = BeautifulSoup(client.get(reverse("careplans:plan_agree", kwargs={"person_id": subject.pk})).content, "html.parser")
    not_complete = check.select_one("#not-complete").get_text(" ", strip=True)
    assert "2. What is important to me" in not_complete and "1. What I want" not in not_complete
    assert "Add at least one thing the budget pays for" not in not_complete  # the budget has its items...
    assert "Select how the budget is managed" in not_complete  # ...but not how it is managed
    assert "Agree the plan" not in [button.get_text(strip=True) for button in check.select("main button")]  # not yet
    refused = client.post(reverse("careplans:plan_agree", kwargs={"person_id": subject.pk}))
    summary = [a.get_text(strip=True) for a in BeautifulSoup(refused.content, "html.parser").select(".govuk-error-summary a")]
    assert "Complete section 10, Agreement" not in summary  # section 4 does not apply: agreement is 9
    assert "Complete section 9, Agreement" in summary and "Complete section 2, What is important to me" in summary
    plan.refresh_from_db()
    assert plan.is_draft
    done = complete_content()["sections"]
    plan.content["sections"].update({key: done[key] for key in ("important", "support_decisions", "outcomes", "needs", "budget", "contingency", "involvement")})
    plan.save()
    client.post(
        section_url(subject, "agreement"),
        {"copy_how": "in_person", "copy_format": "large_print",
         "copy_date_0": "2", "copy_date_1": "9", "copy_date_2": "2026",
         "review_date_0": "28", "review_date_1": "10", "review_date_2": "2026", "completed": "yes"},
    )
    page = client.post(reverse("careplans:plan_agree", kwargs={"person_id": subject.pk}), {"how": "paper", "agreed_by_name": "Alan Marsh"})
    assert "Enter the date they agreed it" in BeautifulSoup(page.content, "html.parser").select_one(".govuk-error-summary").get_text()
    client.post(reverse("careplans:plan_agree", kwargs={"person_id": subject.pk}),
                {"how": "paper", "agreed_by_name": "Alan Marsh", "agreed_on_0": "1", "agreed_on_1": "9", "agreed_on_2": "2026"})
    plan.refresh_from_db()
    assert plan.status == "agreed" and plan.review_due.isoformat() == "2026-10-28"
    assert (plan.agreed_how, plan.agreed_by_name, plan.agreed_on.isoformat()) == ("paper", "Alan Marsh", "2026-09-01")
    shown = BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})).content, "html.parser")
    assert shown.select_one("#agreed-how").get_text(" ", strip=True).startswith("Agreed by Alan Marsh on paper, on 1 September 2026. Recorded by")
    assert AuditEvent.objects.filter(actor=practitioner, detail="plan agreed").exists()


def test_an_empty_section_is_saved_in_progress_never_completed(client_as, practitioner, subject):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, content={"sections": {}})
    client = client_as(practitioner)
    assert_bad_input(
        client, section_url(subject, "goals"), {"goals": "", "completed": "yes"},
        errors=["Write at least one thing Alan Marsh wants to achieve"],
        unchanged=lambda: CarePlan.objects.get(pk=plan.pk).content,
    )
    client.post(section_url(subject, "goals"), {"goals": "", "completed": "no"})
    page = BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})).content, "html.parser")
    assert page.select_one("#status-goals").get_text(strip=True) == "Not yet started"


def test_options_need_one_chosen_with_a_reason_before_the_section_is_complete(client_as, practitioner, subject):
    content = {"sections": {"outcomes": {"status": "in_progress", "lists": {
        "outcomes": [{"id": "o1", "outcome": "Swimming again", "whose": "person"}],
        "options": [{"id": "p1", "option": "Day centre", "chosen": "no", "why": "Not for me", "whose": "person"}]}}}}
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, content=content)
    response = assert_bad_input(
        client_as(practitioner), section_url(subject, "outcomes"), {"completed": "yes"},
        errors=["Add at least one option that was chosen, with why it was chosen"],
        unchanged=lambda: CarePlan.objects.get(pk=plan.pk).content,
    )
    assert "Add at least one outcome Alan Marsh wants" not in response.text


def test_removing_what_a_completed_section_needed_puts_it_back_in_progress(client_as, practitioner, subject):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, complete=True)
    client = client_as(practitioner)
    client.post(reverse("careplans:item_remove", kwargs={"person_id": subject.pk, "key": "budget", "list_name": "items", "item_id": "b1"}))
    plan.refresh_from_db()
    assert plan.section_data("budget")["status"] == "in_progress"
    page = BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})).content, "html.parser")
    assert page.select_one("#status-budget").get_text(strip=True) == "In progress"
    edit = client.get(section_url(subject, "budget"))
    assert "Add at least one thing the budget pays for" in BeautifulSoup(edit.content, "html.parser").select_one("#still-needed").text


def test_sections_are_numbered_without_gaps_when_section_4_does_not_apply(client_as, practitioner, subject):
    CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    client = client_as(practitioner)
    page = BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})).content, "html.parser")
    titles = [link.get_text(strip=True) for link in page.select(".govuk-task-list__link")]
    assert [title.split(".")[0] for title in titles] == [str(n) for n in range(1, 10)]
    assert titles[3] == "4. The outcomes I want, and the options we considered"
    assert "section 4" in client.get(section_url(subject, "outcomes")).text
    assert client.get(section_url(subject, "consultation")).status_code == 404
    subject.capacity = "lacks"
    subject.save()
    page = BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})).content, "html.parser")
    assert page.select(".govuk-task-list__link")[3].get_text(strip=True) == "4. Who was consulted about my care"


def test_an_agreed_plan_never_changes_and_a_new_draft_shows_what_changed(client_as, practitioner, subject):
    agreed = CarePlanFactory(person=subject, version=1, status="agreed", created_by=practitioner)
    client = client_as(practitioner)
    with pytest.raises(Exception):
        services.plan_section_save(plan=agreed, key="goals", fields={}, completed=True, by=practitioner)
    client.post(reverse("careplans:plan_start", kwargs={"person_id": subject.pk}))
    draft = CarePlan.objects.get(person=subject, version=2)
    assert draft.based_on == agreed and draft.content["sections"]["goals"]["fields"] == agreed.content["sections"]["goals"]["fields"]
    client.post(section_url(subject, "goals"), {"goals": "Allotment, and swimming on Fridays", "goals__whose": "person", "completed": "yes"})
    agreed.refresh_from_db()
    assert agreed.content["sections"]["goals"]["fields"]["goals"]["text"] == "I want to get back to the allotment"
    compare = client.get(reverse("careplans:plan_versions", kwargs={"person_id": subject.pk}), {"from": 1, "to": 2})
    cells = [td.get_text(strip=True) for td in BeautifulSoup(compare.content, "html.parser").select("table")[1].select("td")]
    assert cells == ["What I want to achieve", "What I want to achieve, and my hopes for the future",
                     "I want to get back to the allotment", "Allotment, and swimming on Fridays"]


def test_whose_words_are_required_and_a_bad_section_saves_nothing(client_as, practitioner, subject):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    before = plan.content
    assert_bad_input(
        client_as(practitioner),
        section_url(subject, "important"),
        {"how_i_live": "Quietly, with my cat", "enjoy": "Gardening"},
        errors=["Select whose words are in “How I like to live my life”", "Select whether you have completed this section"],
        kept=["how_i_live", "enjoy"],
        unchanged=lambda: CarePlan.objects.get(pk=plan.pk).content == before,
    )


def test_a_budget_item_that_is_not_money_is_explained(client_as, practitioner, subject):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    assert_bad_input(
        client_as(practitioner),
        reverse("careplans:item_add", kwargs={"person_id": subject.pk, "key": "budget", "list_name": "items"}),
        {"items-what": "Day centre", "items-weekly": "lots", "items-whose": "practitioner"},
        errors=["Enter amount each week (£) as an amount, like 125.50"],
        kept=["items-what"],
        unchanged=lambda: CarePlan.objects.get(pk=plan.pk).content,
    )


def test_the_person_reads_their_own_words_comments_and_says_how_they_took_part(client_as, person, subject, practitioner):
    CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    client = client_as(person)
    page = client.get(reverse("careplans:my_plan"), follow=True)
    html = BeautifulSoup(page.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Your plan" and html.title.get_text(strip=True).startswith("Your plan")
    assert html.select_one("#section-goals .govuk-hint").get_text(strip=True) == "In your own words"
    assert html.select_one("blockquote.app-own-words").get_text(strip=True) == "I want to get back to the allotment"
    # The person writes their own sections; the council's (the budget, the agreement) stay the team's.
    links = [link.get_text(strip=True) for link in html.select(".govuk-task-list__link")]
    assert "1. What I want to achieve" in links and not [link for link in links if "budget" in link or "Agreement" in link]
    versions = BeautifulSoup(client.get(reverse("careplans:plan_versions", kwargs={"person_id": subject.pk})).content, "html.parser")
    assert versions.h1.get_text(strip=True) == "Versions of your plan"
    client.post(reverse("careplans:comment_add", kwargs={"person_id": subject.pk, "key": "goals"}), {"text": "Tuesdays are best"})
    assert PlanComment.objects.get().author == person
    client.post(reverse("careplans:involvement", kwargs={"person_id": subject.pk}), {"how": "We wrote it at my kitchen table", "listened": "yes"})
    plan = CarePlan.objects.get(person=subject)
    assert plan.section_data("involvement")["fields"]["how"] == {"text": "We wrote it at my kitchen table", "whose": "person"}


def test_an_empty_comment_is_explained(client_as, person, subject, practitioner):
    CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    assert_bad_input(
        client_as(person),
        reverse("careplans:comment_add", kwargs={"person_id": subject.pk, "key": "goals"}),
        {"text": ""},
        errors=["Write your comment"],
        unchanged=lambda: PlanComment.objects.count(),
    )


def test_a_carer_loses_the_plan_when_consent_is_withdrawn(client_as, carer, subject, practitioner):
    CarePlanFactory(person=subject, version=1, status="agreed", created_by=practitioner)
    representative = RepresentativeFactory(person=subject, user=carer, recorded_by=practitioner)
    url = reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})
    assert client_as(carer).get(url).status_code == 200
    services.representative_withdraw(representative=representative, by=practitioner)
    assert client_as(carer).get(url).status_code == 404


def test_the_plan_page_runs_the_same_queries_with_one_or_ten_versions(client_as, practitioner, subject):
    CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    client = client_as(practitioner)
    url = reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})

    def nine_more_versions():
        CarePlan.objects.filter(person=subject).update(status="superseded")
        for version in range(2, 11):
            CarePlanFactory(person=subject, version=version, status="draft" if version == 10 else "superseded", created_by=practitioner)

    # OTP device, team ids, representing ids, person, latest plan, audit insert, comments,
    # local assets in the plan's support, when the practitioner last looked, and now, and the
    # latest "I do not agree yet", finished reviews (none: their statements are not asked for),
    # the conversation about what matters.
    assert_fixed_queries(lambda: client.get(url), budget=13, grow=nine_more_versions)


@pytest.mark.parametrize("large_print", [False, True])
def test_the_plan_pdf_holds_the_persons_own_words_from_each_section(client_as, person, subject, practitioner, large_print, django_capture_on_commit_callbacks):
    content = {"sections": {}}
    for key, field in [("goals", "goals"), ("important", "enjoy"), ("support_decisions", "support"), ("needs", "needs"), ("contingency", "plan"), ("involvement", "how")]:
        content["sections"][key] = {"status": "completed", "fields": {field: {"text": f"My words about {key}", "whose": "person"}}}
    CarePlanFactory(person=subject, version=1, status="agreed", created_by=practitioner, content=content)
    client = client_as(person)
    client.post(reverse("careplans:plan_pdf", kwargs={"person_id": subject.pk}), {"large_print": "1"} if large_print else {})
    job = ReportJob.objects.get(requested_by=person)
    assert job.kind == ("care_plan_large" if large_print else "care_plan")
    report_services.report_job_render(job=job)
    text = subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout
    for key in content["sections"]:
        assert f"My words about {key}" in text
    assert "In your own words" in text  # the person's own copy speaks to them


def test_saying_how_you_took_part_needs_an_answer(client_as, person, subject, practitioner):
    CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    assert_bad_input(
        client_as(person),
        reverse("careplans:involvement", kwargs={"person_id": subject.pk}),
        {"how": "", "listened_more": "They came to me"},
        errors=["Tell us how you took part", "Select whether you felt listened to"],
        kept=["listened_more"],
        unchanged=lambda: CarePlan.objects.get(person=subject).content,
    )


@pytest.mark.parametrize(("version", "weeks"), [(1, 8), (2, 52)])
def test_the_agreement_suggests_the_first_review_or_the_yearly_one(client_as, practitioner, subject, settings, version, weeks):
    settings.CAREPLAN_FIRST_REVIEW_WEEKS, settings.CAREPLAN_REVIEW_INTERVAL_WEEKS = 8, 52
    plan = CarePlanFactory(person=subject, version=version, status="draft", created_by=practitioner)
    expected = timezone.localdate() + timedelta(weeks=weeks)
    assert selectors.plan_review_date_suggested(plan=plan) == expected
    page = BeautifulSoup(client_as(practitioner).get(section_url(subject, "agreement")).content, "html.parser")
    shown = [page.select_one(f"input[name=review_date_{part}]")["value"] for part in range(3)]
    assert [int(value) for value in shown] == [expected.day, expected.month, expected.year]


def test_a_review_date_already_chosen_is_kept_not_suggested(practitioner, subject):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    plan = services.plan_section_save(plan=plan, key="agreement", fields={"review_date": "2026-10-28"}, completed=False, by=practitioner)
    assert selectors.plan_section_answers(plan=plan, key="agreement")["fields"]["review_date"] == "2026-10-28"


def test_the_eligibility_decision_is_the_councils_and_never_asks_whose_words(client_as, practitioner, subject):
    plan = CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)
    client = client_as(practitioner)
    page = BeautifulSoup(client.get(section_url(subject, "needs")).content, "html.parser")
    legends = [legend.get_text(strip=True) for legend in page.select("legend")]
    assert "Whose words are in “My needs”?" in legends
    assert not [legend for legend in legends if "eligibility" in legend]
    client.post(section_url(subject, "needs"), {"needs": "Help each morning", "needs__whose": "person", "eligibility": "Eligible", "completed": "no"})
    plan.refresh_from_db()
    assert plan.section_data("needs")["fields"]["eligibility"] == {"text": "Eligible", "whose": "practitioner"}
    edit = BeautifulSoup(client.get(section_url(subject, "needs")).content, "html.parser")
    assert edit.select_one("textarea[name=eligibility]").get_text(strip=True) == "Eligible"


def test_an_empty_list_says_add_an_outcome_not_a_outcome(client_as, practitioner, subject):
    CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner, content={"sections": {}})
    summaries = [s.get_text(strip=True) for s in BeautifulSoup(client_as(practitioner).get(section_url(subject, "outcomes")).content, "html.parser").select(".govuk-details__summary-text")]
    assert summaries == ["Add an outcome", "Add an option"]
