"""Query budgets for the specification pages, the same after the data grows tenfold."""

from django.urls import reverse

from commissioning.specifications import services
from tests.commissioning.priorities.factories import IndicatorFactory, OutcomeFactory
from tests.commissioning.specifications.factories import (
    BidderQuestionFactory,
    GlossaryTermFactory,
    SectionCommentFactory,
    SectionFactory,
    SpecificationFactory,
)
from tests.harness.auth import login_as
from tests.harness.queries import assert_fixed_queries


def _grow(draft, commissioner, people, times):
    for n in range(times):
        section = SectionFactory(version=draft, text=f"Section {n}: the provider listens.")
        for author in people:
            comment = SectionCommentFactory(section=section, author=author)
            services.comment_answer(comment=comment, answer="accepted", reply="Thanks", by=commissioner)
    for criterion in draft.criteria.all():
        BidderQuestionFactory.create_batch(times, criterion=criterion, proposed_by=people[0])
    GlossaryTermFactory.create_batch(times)
    for _ in range(times):
        IndicatorFactory(outcome=OutcomeFactory(programme=draft.specification.programme))


def test_the_specification_page_costs_the_same_with_ten_times_the_sections_and_comments(client, commissioner, person, carer, specification, draft):
    services.criteria_replace(version=draft, by=commissioner, criteria=[{"title": "People", "weight": 50}, {"title": "Price", "weight": 50}])
    _grow(draft, commissioner, [person, carer], 1)
    login_as(client, person)
    url = reverse("specifications:specification_detail", kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk})
    # memberships (the rules), programme, specification, versions, sections, what informed
    # them, comments with authors, criteria, questions, shortlisting questions, outcomes, indicators,
    # own comments, glossary, training held before the tender, peer research findings the sections cite
    assert_fixed_queries(lambda: client.get(url), budget=16, grow=lambda: _grow(draft, commissioner, [person, carer], 10))


def test_the_versions_page_costs_the_same_with_ten_times_the_sections(client, commissioner, person, specification, draft):
    services.criteria_replace(version=draft, by=commissioner, criteria=[{"title": "People", "weight": 100}])
    _grow(draft, commissioner, [person], 1)
    services.version_publish(version=draft, by=commissioner)
    services.draft_start(specification=specification, by=commissioner)
    login_as(client, person)
    url = reverse("specifications:version_list", kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk})

    def grow():
        new = specification.versions.get(status="draft")
        _grow(new, commissioner, [person], 10)

    # memberships, programme, specification, versions, then for each of the two versions
    # compared: sections, what informed them, criteria, questions, shortlisting questions
    assert_fixed_queries(lambda: client.get(url), budget=14, grow=grow)


def test_the_glossary_page_costs_the_same_with_ten_times_the_words(client, person):
    GlossaryTermFactory.create_batch(2)
    login_as(client, person)
    # count, page of words
    assert_fixed_queries(lambda: client.get(reverse("specifications:glossary")), budget=2, grow=lambda: GlossaryTermFactory.create_batch(20))


def test_the_specifications_tab_costs_the_same_with_ten_times_the_specifications(client, commissioner, person, specification):
    login_as(client, person)
    url = reverse("specifications:specification_list", kwargs={"programme_id": specification.programme_id})
    # memberships, programme, count, page of specifications with their latest version
    assert_fixed_queries(
        lambda: client.get(url), budget=4,
        grow=lambda: [SpecificationFactory(programme=specification.programme, created_by=commissioner) for _ in range(10)],
    )
