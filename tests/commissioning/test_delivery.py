"""“You said, we did”: each decision says how far the work has got, on a page the public can
read for a public programme, and the overview counts the decisions delivered."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.models import Decision, DeliveryMilestone, DeliveryStatus, DeliveryUpdate, Programme
from coproduction.accounts.models import Role
from coproduction.audit.models import AuditEvent
from tests.commissioning.factories import DecisionFactory, DeliveryMilestoneFactory, DeliveryUpdateFactory, ProgrammeFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def url(name: str, programme, **kwargs) -> str:
    return reverse(f"commissioning:{name}", kwargs={"programme_id": programme.pk, **kwargs})


def _progress(client, programme, decision, **changes):
    data = {"status": "in_progress", "percent": "", "stopped_reason": "", "you_said": "", "update": "", "evidence": "",
            "happened_on_0": "", "happened_on_1": "", "happened_on_2": "", **changes}
    return client.post(url("delivery_edit", programme, decision_id=decision.pk), data)


def _saved(decision):
    return lambda: (Decision.objects.values_list("delivery_status", "delivery_percent", "stopped_reason").get(pk=decision.pk),
                    DeliveryUpdate.objects.count())


def test_stopping_needs_a_reason_and_a_percentage_is_at_most_100(client_as, users, programme):
    decision = DecisionFactory(programme=programme)
    client = client_as(users[Role.COMMISSIONER])
    target = url("delivery_edit", programme, decision_id=decision.pk)
    base = {"status": "stopped", "stopped_reason": "", "update": "We asked again", "percent": "40"}
    assert_bad_input(client, target, base, errors=["Enter why the work stopped"], kept=["update", "percent"], unchanged=_saved(decision))
    assert_bad_input(client, target, {**base, "status": "in_progress", "percent": "140"},
                     errors=["How much is done must be between 0 and 100"], kept=["percent", "update"], unchanged=_saved(decision))
    assert_bad_input(client, target, {"status": "", "percent": "forty"},
                     errors=["Select where the work is up to", "How much is done must be a whole number, like 40"], unchanged=_saved(decision))


def test_progress_with_evidence_shows_on_the_public_page_for_anyone(client, client_as, users):
    programme = ProgrammeFactory(lead=users[Role.COMMISSIONER], visibility=Programme.Visibility.PUBLIC)
    decision = DecisionFactory(programme=programme, title="Fund “Art club”", decision="Fund the art club with £4,000.00.")
    staff = client_as(users[Role.COMMISSIONER])
    response = _progress(staff, programme, decision, you_said="We want an art club on Saturdays.", percent="50",
                         update="The first session was held.", evidence="14 people came.",
                         happened_on_0="3", happened_on_1="5", happened_on_2="2027")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE, target_id=str(decision.pk), actor=users[Role.COMMISSIONER]).exists()
    _progress(staff, programme, decision, status="done", you_said="We want an art club on Saturdays.")
    page = BeautifulSoup(client.get(url("delivery_list", programme)).content, "html.parser")
    text = " ".join(page.select_one("main").get_text(" ", strip=True).split())
    assert "1 of 1 decision delivered." in text
    assert "Fund “Art club” Done 100% done You said We want an art club on Saturdays. We did Fund the art club with £4,000.00." in text
    assert "3 May 2027: The first session was held. Evidence: 14 people came." in text
    assert "Update progress" not in text  # signed out: reading only


def test_a_stopped_decision_says_why_and_a_revised_one_is_left_out(client_as, users, programme):
    stopped = DecisionFactory(programme=programme, title="Minibus", delivery_status=DeliveryStatus.STOPPED, stopped_reason="The transport review covers it.")
    old = DecisionFactory(programme=programme, title="Saturdays only")
    DecisionFactory(programme=programme, title="Weekends", revises=old, revision_reason="Sundays too")
    text = client_as(users[Role.PERSON]).get(url("delivery_list", programme)).text
    assert "Why it stopped:</strong> The transport review covers it." in text and "Saturdays only" not in text
    assert "0 of 2 decisions delivered." in text
    assert "Minibus" in text
    # A member reads; only the commissioner may change progress.
    assert _progress(client_as(users[Role.PERSON]), programme, stopped).status_code == 403


def test_the_overview_counts_the_decisions_delivered(client_as, users, programme):
    DecisionFactory(programme=programme, delivery_status=DeliveryStatus.DONE, delivery_percent=100)
    DecisionFactory(programme=programme, delivery_status=DeliveryStatus.IN_PROGRESS)
    DecisionFactory(programme=programme)
    page = BeautifulSoup(client_as(users[Role.PERSON]).get(url("programme_detail", programme)).content, "html.parser")
    summary = page.select_one(".app-delivery-summary a")
    assert summary.get_text(strip=True) == "1 of 3 decisions delivered" and summary["href"] == url("delivery_list", programme)


def test_the_public_you_said_we_did_page_has_a_fixed_number_of_queries(client, users):
    programme = ProgrammeFactory(lead=users[Role.COMMISSIONER], visibility=Programme.Visibility.PUBLIC)
    for decision in DecisionFactory.create_batch(2, programme=programme):
        DeliveryUpdateFactory(decision=decision)
        DeliveryMilestoneFactory(decision=decision)

    def grow():
        for decision in DecisionFactory.create_batch(18, programme=programme):
            DeliveryUpdateFactory.create_batch(2, decision=decision)
            DeliveryMilestoneFactory.create_batch(2, decision=decision)

    # Whether the programme is public; the programme; the count of decisions and the
    # delivered ones; the count and page of decisions, their updates and their milestones.
    response = assert_fixed_queries(lambda: client.get(url("delivery_list", programme)), budget=7, grow=grow)
    assert len(response.context["page"].object_list) == 20


def test_milestones_are_added_with_their_due_date_and_reached(client, client_as, users):
    programme = ProgrammeFactory(lead=users[Role.COMMISSIONER], visibility=Programme.Visibility.PUBLIC)
    decision = DecisionFactory(programme=programme, title="Saturday art club")
    staff = client_as(users[Role.COMMISSIONER])
    target = url("delivery_edit", programme, decision_id=decision.pk)
    assert_bad_input(staff, target, {"status": "in_progress", "milestone": "First session held"},
                     errors=["Enter the date the milestone is due"], kept=["milestone"], unchanged=DeliveryMilestone.objects.count)
    assert _progress(staff, programme, decision, milestone="First session held",
                     milestone_due_0="1", milestone_due_1="3", milestone_due_2="2027").status_code == 302
    milestone = DeliveryMilestone.objects.get()
    assert "First session held: due 1 March 2027" in client.get(url("delivery_list", programme)).text
    _progress(staff, programme, decision, milestones_reached=[milestone.pk], happened_on_0="3", happened_on_1="3", happened_on_2="2027")
    assert "First session held: reached on 3 March 2027" in client.get(url("delivery_list", programme)).text
