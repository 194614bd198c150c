"""The person and their representative write the plan with the team (issue: the person as co-author)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from careplans import services
from careplans.models import CarePlan
from coproduction.people.models import Representative
from tests.careplans.factories import CarePlanFactory, PersonFactory, RepresentativeFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


@pytest.fixture
def subject(team, practitioner, person):
    return PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh", preferred_name="Al")


@pytest.fixture
def draft(subject, practitioner):
    return CarePlanFactory(person=subject, version=1, status="draft", created_by=practitioner)


def section_url(person, key):
    return reverse("careplans:section_edit", kwargs={"person_id": person.pk, "key": key})


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_person_writes_a_section_in_their_own_words_without_being_asked_whose(client_as, person, subject, draft):
    client = client_as(person)
    form = page(client.get(section_url(subject, "goals")))
    assert not form.select("input[name=goals__whose]")
    assert form.select_one(".govuk-caption-l").get_text(strip=True) == "Your plan: section 1"
    client.post(section_url(subject, "goals"), {"goals": "Swimming on Fridays, with Jack", "completed": "yes", "seen_version": "0"})
    draft.refresh_from_db()
    assert draft.section_data("goals")["fields"]["goals"] == {"text": "Swimming on Fridays, with Jack", "whose": "person"}
    mine = page(client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})))
    assert mine.select_one("#section-goals blockquote").get_text(strip=True) == "Swimming on Fridays, with Jack"
    assert mine.select_one("#section-goals .govuk-hint").get_text(strip=True) == "In your own words"


def test_a_consented_representative_writes_as_themselves_and_an_unchanged_answer_keeps_its_author(client_as, carer, subject, draft, practitioner):
    RepresentativeFactory(person=subject, user=carer, basis=Representative.Basis.CONSENT, recorded_by=practitioner)
    services.plan_section_save(plan=draft, key="important", completed=False, by=practitioner, fields={
        "how_i_live": {"text": "Quietly", "whose": "person"}})
    client_as(carer).post(section_url(subject, "important"), {"how_i_live": "Quietly", "enjoy": "The radio", "completed": "no"})
    draft.refresh_from_db()
    fields = draft.section_data("important")["fields"]
    assert fields["how_i_live"] == {"text": "Quietly", "whose": "person"}
    assert fields["enjoy"] == {"text": "The radio", "whose": "representative"}


@pytest.mark.parametrize("basis", [Representative.Basis.BEST_INTERESTS, "withdrawn"])
def test_a_best_interests_or_withdrawn_representative_cannot_write(client_as, carer, subject, draft, practitioner, basis):
    representative = RepresentativeFactory(
        person=subject, user=carer, recorded_by=practitioner,
        basis=Representative.Basis.CONSENT if basis == "withdrawn" else basis,
    )
    if basis == "withdrawn":
        services.representative_withdraw(representative=representative, by=practitioner)
    client = client_as(carer)
    before = CarePlan.objects.get(pk=draft.pk).content
    response = client.post(section_url(subject, "goals"), {"goals": "Something else", "completed": "no"})
    assert response.status_code == (403 if basis == Representative.Basis.BEST_INTERESTS else 404)
    assert CarePlan.objects.get(pk=draft.pk).content == before
    if basis == Representative.Basis.BEST_INTERESTS:
        plan_page = page(client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})))
        assert not plan_page.select(".govuk-task-list__link")  # reads and comments; the practitioner records their views


def test_the_councils_sections_stay_the_teams_and_say_why(client_as, person, subject, draft):
    client = client_as(person)
    assert client.get(section_url(subject, "budget")).status_code == 403
    assert client.post(
        reverse("careplans:item_add", kwargs={"person_id": subject.pk, "key": "budget", "list_name": "items"}),
        {"items-what": "A holiday", "items-weekly": "900"},
    ).status_code == 403
    plan_page = page(client.get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})))
    assert "The council decides the amount of your personal budget" in plan_page.select_one("#status-budget").parent.get_text()
    assert "whether your needs meet the eligibility criteria" in plan_page.select_one("#write-together").get_text()


def test_the_person_writes_their_needs_and_the_eligibility_decision_is_kept_as_the_councils(client_as, person, subject, draft, practitioner):
    services.plan_section_save(plan=draft, key="needs", completed=False, by=practitioner, fields={
        "eligibility": {"text": "Eligible: two outcomes", "whose": "practitioner"}})
    client = client_as(person)
    form = page(client.get(section_url(subject, "needs")))
    assert not form.select("textarea[name=eligibility]")
    assert "The council decides this" in form.select_one("#council-decides").get_text()
    client.post(section_url(subject, "needs"), {"needs": "Help each morning", "eligibility": "Not eligible", "completed": "no"})
    draft.refresh_from_db()
    assert draft.section_data("needs")["fields"] == {
        "needs": {"text": "Help each morning", "whose": "person"},
        "eligibility": {"text": "Eligible: two outcomes", "whose": "practitioner"},
    }


def test_the_person_adds_an_outcome_recorded_as_theirs(client_as, person, subject, draft):
    client_as(person).post(
        reverse("careplans:item_add", kwargs={"person_id": subject.pk, "key": "outcomes", "list_name": "outcomes"}),
        {"outcomes-outcome": "Cook my own tea"},
    )
    draft.refresh_from_db()
    (outcome,) = draft.section_data("outcomes")["lists"]["outcomes"]
    assert outcome["outcome"] == "Cook my own tea" and outcome["whose"] == "person"


def test_a_save_over_a_changed_section_is_refused_with_both_texts(client_as, person, practitioner, subject, draft):
    tom, al = client_as(practitioner), client_as(person)
    seen_by_tom = page(tom.get(section_url(subject, "goals"))).select_one("input[name=seen_version]")["value"]
    seen_by_al = page(al.get(section_url(subject, "goals"))).select_one("input[name=seen_version]")["value"]
    assert seen_by_tom == seen_by_al
    al.post(section_url(subject, "goals"), {"goals": "Al's words: the allotment", "completed": "no", "seen_version": seen_by_al})
    tom_typed = {"goals": "Tom's note: allotment twice a week", "goals__whose": "practitioner", "completed": "no", "seen_version": seen_by_tom}
    refused = assert_bad_input(
        tom, section_url(subject, "goals"), tom_typed,
        errors=["Al changed this section after you opened it. What is saved now is shown above your words: check both, then save again to keep yours"],
        kept=["goals"],
        unchanged=lambda: CarePlan.objects.get(pk=draft.pk).section_data("goals")["fields"],
    )
    shown = page(refused)
    assert "Al's words: the allotment" in shown.select_one("#saved-now").get_text()
    assert shown.select_one("textarea[name=goals]").get_text().strip() == "Tom's note: allotment twice a week"
    # Saving again, now over what Tom has seen, keeps his words.
    tom.post(section_url(subject, "goals"), {**tom_typed, "seen_version": shown.select_one("input[name=seen_version]")["value"]})
    draft.refresh_from_db()
    assert draft.section_data("goals")["fields"]["goals"]["text"] == "Tom's note: allotment twice a week"


def test_the_practitioner_sees_what_the_person_changed_since_they_last_looked_and_replies(client_as, person, practitioner, subject, draft):
    tom = client_as(practitioner)
    plan_url = reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})
    tom.get(plan_url)
    client_as(person).post(section_url(subject, "goals"), {"goals": "Back to swimming", "completed": "no"})
    looked = page(tom.get(plan_url))
    changed = looked.select_one("#section-goals .app-changed").get_text(" ", strip=True)
    assert "Al changed “What I want to achieve, and my hopes for the future”" in changed
    assert "I want to get back to the allotment" in changed and "Back to swimming" in changed
    assert "Changed since you last looked" in looked.select_one("#status-goals").parent.get_text()
    assert not looked.select("#section-important .app-changed")
    tom.post(reverse("careplans:comment_add", kwargs={"person_id": subject.pk, "key": "goals"}), {"text": "Shall we look at the leisure centre?"})
    again = page(tom.get(plan_url))
    assert not again.select(".app-changed")  # seen now
    assert "Shall we look at the leisure centre?" in page(client_as(person).get(plan_url)).select_one("#section-goals").get_text()


def test_the_practitioner_records_words_written_with_the_person(client_as, practitioner, subject, draft):
    client_as(practitioner).post(section_url(subject, "goals"), {"goals": "Swimming", "goals__whose": "with_practitioner", "completed": "no"})
    shown = page(client_as(practitioner).get(reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})))
    assert shown.select_one("#section-goals .govuk-hint").get_text(strip=True) == "In Al’s own words, written with the practitioner"


def test_my_plan_with_editing_runs_the_same_queries_however_much_is_written(client_as, person, subject, draft, practitioner):
    client = client_as(person)
    url = reverse("careplans:plan_detail", kwargs={"person_id": subject.pk})

    def write_more():
        for key, name in [("important", "enjoy"), ("support_decisions", "support"), ("contingency", "plan")]:
            services.plan_section_save(plan=draft, key=key, completed=False, by=person, fields={name: {"text": "My words", "whose": "person"}})
        for number in range(10):
            services.plan_item_add(plan=draft, key="outcomes", list_name="outcomes", item={"outcome": f"Outcome {number}", "whose": "person"}, by=person)

    # Representing, person, latest plan, audit insert, comments, local assets, latest "not yet",
    # finished reviews, the conversation about what matters.
    assert_fixed_queries(lambda: client.get(url), budget=9, grow=write_more)
