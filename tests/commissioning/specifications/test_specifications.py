import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from commissioning.specifications import services
from commissioning.specifications.models import (
    EvaluationCriterion,
    GlossaryTerm,
    SectionComment,
    Specification,
    SpecificationVersion,
)
from tests.commissioning.factories import DecisionFactory, ProgrammeFactory
from tests.commissioning.specifications.conftest import published_with_criteria
from tests.commissioning.specifications.factories import GlossaryTermFactory, SpecificationFactory
from tests.harness.bad_input import assert_bad_input


def _url(name, specification, **kwargs):
    return reverse(f"specifications:{name}", kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk, **kwargs})


def _page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_a_commissioner_starts_a_specification_that_carries_out_a_decision(client_as, commissioner, programme):
    decision = DecisionFactory(programme=programme, title="Open at weekends", recorded_by=commissioner)
    response = client_as(commissioner).post(
        reverse("specifications:specification_add", kwargs={"programme_id": programme.pk}),
        {"title": "Weekend day opportunities", "decision": decision.pk},
    )
    specification = Specification.objects.get(programme=programme)
    assert response.headers["Location"] == _url("specification_detail", specification)
    assert specification.decision == decision and list(decision.specifications.all()) == [specification]
    page = client_as(commissioner).get(response.headers["Location"])
    assert "carries out the decision “Open at weekends”" in page.content.decode()
    assert [h.get_text(strip=True) for h in _page(page).select(".app-spec-section h2")] == [
        "1. Background", "2. Outcomes", "3. Service requirements", "4. Quality characteristics", "5. Social value", "6. Evaluation criteria",
    ]


def test_another_programmes_decision_cannot_be_chosen(client_as, commissioner, programme):
    elsewhere = DecisionFactory(programme=ProgrammeFactory(lead=commissioner), recorded_by=commissioner)
    url = reverse("specifications:specification_add", kwargs={"programme_id": programme.pk})
    assert_bad_input(
        client_as(commissioner), url, {"title": "Weekend day opportunities", "decision": elsewhere.pk},
        errors=["Select a valid choice. That choice is not one of the available choices."], kept=["title"],
        unchanged=lambda: Specification.objects.count(),
    )


def test_a_commissioner_writes_a_section_and_says_what_shaped_it(client_as, commissioner, specification, draft, activity):
    section = draft.sections.get(key="requirements")
    response = client_as(commissioner).post(
        _url("section_edit", specification, section_id=section.pk), {"text": "Open 9 to 5, Monday to Saturday.", "informed_by": [activity.pk]}
    )
    assert response.status_code == 302
    page = client_as(commissioner).get(_url("specification_detail", specification)).content.decode()
    assert "Open 9 to 5, Monday to Saturday." in page and "Shaped by: Design workshop at the library" in page


def test_members_cannot_change_the_wording(client_as, person, specification, draft):
    section = draft.sections.get(key="background")
    response = client_as(person).post(_url("section_edit", specification, section_id=section.pk), {"text": "Mine now"})
    assert response.status_code == 403
    section.refresh_from_db()
    assert section.text == ""


def test_a_member_comments_and_sees_how_the_comment_was_answered(client_as, person, commissioner, specification, draft):
    section = draft.sections.get(key="background")
    response = client_as(person).post(
        _url("comment_add", specification, section_id=section.pk),
        {"text": "It should say people can come on Saturdays.", "proposed_wording": "Open six days a week."},
    )
    assert response.status_code == 302
    comment = SectionComment.objects.get()
    assert (comment.author, comment.proposed_wording) == (person, "Open six days a week.")
    before = _page(client_as(person).get(_url("specification_detail", specification)))
    assert "Waiting for an answer" in before.select_one("#your-comments").get_text()

    client_as(commissioner).post(
        _url("comment_answer", specification, comment_id=comment.pk),
        {"answer": "accepted_with_changes", "reply": "We added Saturdays, but not Sundays yet."},
    )
    after = _page(client_as(person).get(_url("specification_detail", specification)))
    shown = after.select_one(f"#comment-{comment.pk}").get_text(" ", strip=True)
    assert "Accepted with changes" in shown and "We added Saturdays, but not Sundays yet." in shown
    assert "Accepted with changes" in after.select_one("#your-comments").get_text()
    assert after.select_one(f"#comment-{comment.pk}").find("a", string="Answer") is None  # members do not answer


def test_an_empty_comment_is_refused_and_the_wording_kept(client_as, person, specification, draft):
    section = draft.sections.get(key="background")
    assert_bad_input(
        client_as(person), _url("comment_add", specification, section_id=section.pk),
        {"text": "   ", "proposed_wording": "Open six days a week."},
        errors=["Write your comment"], kept=["proposed_wording"], unchanged=lambda: SectionComment.objects.count(),
    )


def test_an_answer_needs_a_choice_and_a_reply(client_as, person, commissioner, specification, draft):
    comment = services.comment_add(section=draft.sections.first(), text="More buses", proposed_wording="", by=person)
    assert_bad_input(
        client_as(commissioner), _url("comment_answer", specification, comment_id=comment.pk), {"answer": "", "reply": ""},
        errors=["Select what you did with this comment", "Write a reply"],
        unchanged=lambda: SectionComment.objects.values_list("answer", "reply").get(),
    )


def test_criteria_weights_must_add_up_to_100(client_as, commissioner, specification, draft):
    data = {
        "form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "0",
        "form-0-title": "Working with people", "form-0-weight": "60", "form-0-description": "Show us how.",
        "form-1-title": "Price", "form-1-weight": "30", "form-1-description": "",
        "form-2-title": "", "form-2-weight": "", "form-2-description": "",
    }
    response = assert_bad_input(
        client_as(commissioner), _url("criteria_edit", specification), data,
        errors=["The weights must add up to 100. They add up to 90"], kept=["form-0-title", "form-0-weight", "form-0-description", "form-1-weight"],
        unchanged=lambda: EvaluationCriterion.objects.count(),
    )
    assert response.context["has_errors"]
    data["form-1-weight"] = "40"
    assert client_as(commissioner).post(_url("criteria_edit", specification), data).status_code == 302
    assert list(draft.criteria.values_list("title", "weight")) == [("Working with people", 60), ("Price", 40)]


def test_a_criterion_without_a_weight_is_refused(client_as, commissioner, specification):
    data = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-title": "Price", "form-0-weight": "", "form-0-description": ""}
    assert_bad_input(
        client_as(commissioner), _url("criteria_edit", specification), data,
        errors=["Criterion 1: Enter the weight"], kept=["form-0-title"], unchanged=lambda: EvaluationCriterion.objects.count(),
    )


def test_removing_a_criterion_keeps_the_total_at_100(client_as, commissioner, specification, draft):
    first, second = services.criteria_replace(version=draft, by=commissioner, criteria=[
        {"title": "Working with people", "weight": 70}, {"title": "Price", "weight": 30},
    ])
    data = {
        "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2",
        "form-0-criterion_id": first.pk, "form-0-title": "Working with people", "form-0-weight": "100",
        "form-1-criterion_id": second.pk, "form-1-title": "Price", "form-1-weight": "30", "form-1-remove": "on",
    }
    assert client_as(commissioner).post(_url("criteria_edit", specification), data).status_code == 302
    assert list(draft.criteria.values_list("pk", "weight")) == [(first.pk, 100)]


def test_a_member_suggests_a_question_for_bidders(client_as, carer, commissioner, specification, draft):
    (criterion,) = services.criteria_replace(version=draft, by=commissioner, criteria=[{"title": "Working with people", "weight": 100}])
    client_as(carer).post(
        _url("question_add", specification, criterion_id=criterion.pk), {"text": "How will you involve families?", "kind": "interview"}
    )
    question = criterion.questions.get()
    assert (question.proposed_by, question.kind) == (carer, "interview")
    page = client_as(carer).get(_url("specification_detail", specification)).content.decode()
    assert "How will you involve families?" in page and f"suggested by {escape(carer.display_name)}" in page


def test_a_published_version_never_changes(client_as, commissioner, person, specification, draft):
    section = draft.sections.get(key="background")
    services.section_update(section=section, text="As agreed.", informed_by=[], by=commissioner)
    published_with_criteria(specification, commissioner)
    client = client_as(commissioner)
    response = client.post(_url("section_edit", specification, section_id=section.pk), {"text": "Changed"})
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.text == "As agreed."
    with pytest.raises(ValidationError):
        services.comment_add(section=section, text="Too late?", proposed_wording="", by=person)
    with pytest.raises(ValidationError):
        services.criteria_replace(version=draft, criteria=[], by=commissioner)
    followed = client.get(response.headers["Location"]).content.decode()
    assert "This version is published and cannot change. Start a new draft to change it." in followed


def test_publishing_needs_criteria_that_add_up(client_as, commissioner, specification, draft):
    response = client_as(commissioner).post(_url("version_publish", specification), follow=True)
    assert "Add the evaluation criteria before publishing." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == SpecificationVersion.Status.DRAFT


def test_a_new_draft_copies_the_published_version(client_as, commissioner, person, specification, draft, activity):
    section = draft.sections.get(key="background")
    services.section_update(section=section, text="Version one words.", informed_by=[activity], by=commissioner)
    services.comment_add(section=section, text="Nice", proposed_wording="", by=person)
    published_with_criteria(specification, commissioner)
    client_as(commissioner).post(_url("draft_start", specification))
    new = specification.versions.get(status="draft")
    assert new.number == 2
    copied = new.sections.get(key="background")
    assert copied.text == "Version one words." and list(copied.informed_by.all()) == [activity]
    assert list(new.criteria.values_list("title", "weight")) == [("Criterion 1", 60), ("Criterion 2", 40)]
    assert copied.comments.count() == 0 and section.comments.count() == 1  # comments stay with version 1
    assert client_as(commissioner).post(_url("draft_start", specification)).status_code == 302
    assert specification.versions.count() == 2  # one draft at a time


def test_a_new_draft_keeps_the_questions_and_who_suggested_them(commissioner, carer, specification, draft):
    (criterion,) = services.criteria_replace(version=draft, by=commissioner, criteria=[{"title": "Working with people", "weight": 100}])
    services.question_add(criterion=criterion, text="How will you involve families?", kind="interview", by=carer)
    services.version_publish(version=draft, by=commissioner)
    new = services.draft_start(specification=specification, by=commissioner)
    question = new.criteria.get().questions.get()
    assert (question.text, question.kind, question.proposed_by) == ("How will you involve families?", "interview", carer)


def test_two_versions_compare_section_by_section(client_as, commissioner, person, specification, draft):
    services.section_update(section=draft.sections.get(key="background"), text="Weekdays only.", informed_by=[], by=commissioner)
    published_with_criteria(specification, commissioner)
    new = services.draft_start(specification=specification, by=commissioner)
    services.section_update(section=new.sections.get(key="background"), text="Weekdays and Saturdays.", informed_by=[], by=commissioner)
    response = client_as(person).get(_url("version_list", specification), {"from": 1, "to": 2})
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in _page(response).select(".app-spec-changes tbody tr")]
    assert rows == [["Background", "Wording", "Weekdays only.", "Weekdays and Saturdays."]]


def test_glossary_terms_are_explained_where_they_appear_and_user_text_is_escaped(client_as, person, commissioner, specification, draft):
    provider = GlossaryTermFactory(term="Provider", explanation="An organisation <em>paid</em> to run the service.")
    monitoring = GlossaryTermFactory(term="contract monitoring", explanation="Checking the service does what it promised.")
    GlossaryTermFactory(term="tender", explanation="Not used on this page.")
    services.section_update(
        section=draft.sections.get(key="background"),
        text="Providers <script>alert(1)</script> will join contract monitoring. A provider again.", informed_by=[], by=commissioner,
    )
    response = client_as(person).get(_url("specification_detail", specification))
    html = response.content.decode()
    page = _page(response)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    links = page.select("#section-background .app-glossary-term")
    assert [(a.get_text(), a["href"], a["aria-describedby"]) for a in links] == [
        ("Providers", f"#glossary-{provider.pk}", f"glossary-{provider.pk}-explanation"),
        ("contract monitoring", f"#glossary-{monitoring.pk}", f"glossary-{monitoring.pk}-explanation"),
    ]  # the first use in a text is linked, once
    explanation = page.find(id=f"glossary-{provider.pk}-explanation")
    assert explanation.get_text() == "An organisation <em>paid</em> to run the service."  # shown as typed, not as markup
    assert [dt.get_text() for dt in page.select(".app-glossary dt")] == ["contract monitoring", "Provider"]  # only the words used


def test_the_glossary_is_read_once_per_page(client_as, person, commissioner, specification, draft):
    GlossaryTermFactory(term="provider")
    for section in draft.sections.all():
        services.section_update(section=section, text="The provider will listen.", informed_by=[], by=commissioner)
    with CaptureQueriesContext(connection) as captured:
        response = client_as(person).get(_url("specification_detail", specification))
    assert len(_page(response).select(".app-glossary-term")) == 6  # once in each section
    assert sum('"specifications_glossaryterm"' in q["sql"] for q in captured.captured_queries) == 1


def test_everyone_signed_in_reads_the_glossary_and_the_council_maintains_it(client_as, person, administrator):
    response = client_as(administrator).post(
        reverse("specifications:glossary_add"), {"term": "Social value", "explanation": "What else a provider gives back to the area."}
    )
    term = GlossaryTerm.objects.get()
    assert response.headers["Location"] == reverse("specifications:glossary") + f"#glossary-{term.pk}"
    assert term.updated_by == administrator
    page = client_as(person).get(reverse("specifications:glossary")).content.decode()
    assert "What else a provider gives back to the area." in page and "Add a word" not in page
    assert client_as(person).post(reverse("specifications:glossary_add"), {"term": "x", "explanation": "y"}).status_code == 403


def test_a_glossary_word_is_unique_whatever_its_case(client_as, commissioner):
    GlossaryTermFactory(term="Tender", explanation="Asking providers to bid.")
    assert_bad_input(
        client_as(commissioner), reverse("specifications:glossary_add"), {"term": "TENDER", "explanation": "Another meaning"},
        errors=["That word is already in the glossary."], kept=["term", "explanation"], unchanged=lambda: list(GlossaryTerm.objects.values_list("term", "explanation")),
    )


def test_a_glossary_word_can_be_changed_and_removed(client_as, commissioner):
    term = GlossaryTermFactory(term="Tender", explanation="Old")
    client_as(commissioner).post(reverse("specifications:glossary_edit", kwargs={"term_id": term.pk}), {"term": "tender", "explanation": "New"})
    term.refresh_from_db()
    assert (term.term, term.explanation) == ("tender", "New")  # its own word in another case is no clash
    client_as(commissioner).post(reverse("specifications:glossary_delete", kwargs={"term_id": term.pk}))
    assert not GlossaryTerm.objects.exists()


def test_a_member_of_one_programme_cannot_comment_on_another(client_as, person):
    elsewhere = SpecificationFactory()
    section = elsewhere.versions.get().sections.first()
    response = client_as(person).post(_url("comment_add", elsewhere, section_id=section.pk), {"text": "Hello"})
    assert response.status_code == 404
    assert not SectionComment.objects.exists()


def test_a_section_from_another_specification_is_not_found(client_as, commissioner, specification):
    other = SpecificationFactory(programme=specification.programme)
    section = other.versions.get().sections.first()
    assert client_as(commissioner).get(_url("section_edit", specification, section_id=section.pk)).status_code == 404


def test_the_outcomes_section_shows_the_framework_the_group_agreed(client_as, person, specification):
    from tests.commissioning.priorities.factories import IndicatorFactory, OutcomeFactory

    outcome = OutcomeFactory(programme=specification.programme, title="I see my friends", description="")
    IndicatorFactory(outcome=outcome, name="Friends met each week", how_measured="Diary", who_measures="Members")
    OutcomeFactory(title="Another programme's outcome")
    section = _page(client_as(person).get(_url("specification_detail", specification))).select_one("#section-outcomes")
    assert "I see my friends" in section.get_text() and "Another programme's outcome" not in section.get_text()
    assert [td.get_text() for td in section.select("tbody td")] == ["Friends met each week", "Diary", "Members"]
    assert section.find("h5", string="How we will know") is not None


def test_an_outcome_shows_its_indicators_under_how_we_will_know_not_its_own_words_again(client_as, person, specification):
    from tests.commissioning.priorities.factories import OutcomeFactory

    OutcomeFactory(programme=specification.programme, title="I see my friends", description="I see my friends")
    section = _page(client_as(person).get(_url("specification_detail", specification))).select_one("#section-outcomes")
    assert section.get_text().count("I see my friends") == 1
    assert "The group has not agreed the indicators for this outcome yet." in section.get_text()


def test_the_programme_has_a_specifications_tab_for_its_members(client_as, person, specification):
    page = _page(client_as(person).get(reverse("commissioning:programme_detail", kwargs={"programme_id": specification.programme_id})))
    link = page.select_one(".app-programme-nav").find("a", string="Specifications")
    assert link["href"] == reverse("specifications:specification_list", kwargs={"programme_id": specification.programme_id})
    listed = _page(client_as(person).get(link["href"]))
    assert listed.find("a", string="Day opportunities from 2027")["href"] == _url("specification_detail", specification)
