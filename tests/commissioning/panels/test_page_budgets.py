"""Query budgets for the panel pages, the same after the panel grows tenfold."""

from django.urls import reverse
from django.utils import timezone

from commissioning.panels import services
from tests.commissioning.panels.factories import (
    BidderFactory,
    BriefingPackFactory,
    ConflictFactory,
    PanelMemberFactory,
    PanelQuestionFactory,
    QuestionCommentFactory,
)
from tests.commissioning.specifications.factories import GlossaryTermFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as
from tests.harness.queries import assert_fixed_queries


def _grow(panel, commissioner, times):
    for n in range(times):
        member = PanelMemberFactory(panel=panel, role="lived_experience" if n % 2 else "carer", conflicts_declared_at=timezone.now())
        bidder = BidderFactory(panel=panel)
        ConflictFactory(member=member, bidder=bidder)
        if n % 3:
            BriefingPackFactory(member=member, sent_by=commissioner)
        question = PanelQuestionFactory(panel=panel, proposed_by=member.user, agreed=bool(n % 2))
        QuestionCommentFactory(question=question, author=member.user)
        services.recognition_record(panel=panel, member=member, category="payment", amount="20", by=commissioner)
        services.recognition_record(panel=panel, member=member, category="travel", amount="3.50", by=commissioner)
    GlossaryTermFactory.create_batch(times)


def _url(panel, name):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})


def test_the_chairs_panel_page(client, commissioner, panel, lived):
    _grow(panel, commissioner, 1)
    login_as(client, commissioner)
    # (one of them: the members of any consortium among the bidders)
    assert_fixed_queries(lambda: client.get(_url(panel, "panel_detail")), budget=11, grow=lambda: _grow(panel, commissioner, 10))


def test_a_members_panel_page(client, commissioner, panel, lived):
    _grow(panel, commissioner, 1)
    login_as(client, lived.user)
    # (one of them: the members of any consortium among the bidders)
    assert_fixed_queries(lambda: client.get(_url(panel, "panel_detail")), budget=9, grow=lambda: _grow(panel, commissioner, 10))


def test_the_questions_page(client, commissioner, panel, lived):
    _grow(panel, commissioner, 1)
    login_as(client, lived.user)
    assert_fixed_queries(lambda: client.get(_url(panel, "questions")), budget=8, grow=lambda: _grow(panel, commissioner, 10))


def test_the_tender_questions_page(client, commissioner, panel, lived):
    _grow(panel, commissioner, 2)  # one agreed question to start with
    login_as(client, lived.user)
    assert_fixed_queries(lambda: client.get(_url(panel, "tender_questions")), budget=7, grow=lambda: _grow(panel, commissioner, 10))


def test_the_recognition_page(client, commissioner, panel, lived):
    _grow(panel, commissioner, 1)
    login_as(client, commissioner)
    assert_fixed_queries(lambda: client.get(_url(panel, "recognition")), budget=11, grow=lambda: _grow(panel, commissioner, 10))


def test_the_briefing_page(client, commissioner, panel, lived):
    _grow(panel, commissioner, 1)
    services.briefing_send(panel=panel, members=[lived], formats={}, by=commissioner)
    login_as(client, lived.user)
    assert_fixed_queries(lambda: client.get(_url(panel, "briefing")), budget=9, grow=lambda: _grow(panel, commissioner, 10))


def test_the_panels_list(client, commissioner, panel, lived, programme):
    def grow():
        from tests.commissioning.panels.factories import PanelFactory

        for _ in range(10):
            other = PanelFactory(programme=programme, specification=panel.specification, version=panel.version)
            PanelMemberFactory(panel=other, user=UserFactory(roles=["person"]))
    login_as(client, commissioner)
    url = reverse("panels:panel_list", kwargs={"programme_id": programme.pk})
    assert_fixed_queries(lambda: client.get(url), budget=5, grow=grow)
