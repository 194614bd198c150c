"""Query budgets for the workshops pages: the same number of queries after the data grows tenfold."""

from django.urls import reverse

from commissioning.workshops.models import Access
from tests.commissioning.factories import GroupMemberFactory
from tests.commissioning.workshops.factories import (
    IdeaFactory,
    InvitationFactory,
    WorkshopFactory,
    days_from_today,
)
from tests.harness.auth import login_as
from tests.harness.queries import assert_fixed_queries


def _invite_many(workshop, count: int) -> None:
    for _ in range(count):
        member = GroupMemberFactory(programme=workshop.programme)
        InvitationFactory(workshop=workshop, member=member, reply="coming", access_needs=[Access.BSL], anything_else="Please face me.")


def test_the_workshops_list_has_a_fixed_number_of_queries(client, person, programme, person_member):
    def grow():
        for n in range(20):
            workshop = WorkshopFactory(programme=programme, date=days_from_today(n + 1))
            InvitationFactory(workshop=workshop, member=person_member)
            _invite_many(workshop, 1)

    grow_once = WorkshopFactory(programme=programme)
    InvitationFactory(workshop=grow_once, member=person_member)
    login_as(client, person)
    url = reverse("workshops:workshop_list", kwargs={"programme_id": programme.pk})
    # programme, the person's groups, count, the page of workshops with their counts and own reply
    response = assert_fixed_queries(lambda: client.get(url), budget=4, grow=grow)
    assert len(response.context["page"]) == 21


def test_the_workshop_page_for_an_organiser_with_invitees_has_a_fixed_number_of_queries(client, commissioner, programme):
    past = WorkshopFactory(programme=programme, date=days_from_today(-1))
    _invite_many(past, 2)
    IdeaFactory(workshop=past)
    login_as(client, commissioner)
    client.post(reverse("workshops:attendance", kwargs={"programme_id": programme.pk, "workshop_id": past.pk}), {
        "attended": list(past.invitations.values_list("pk", flat=True)), "others": "3",
    })
    url = reverse("workshops:workshop_detail", kwargs={"programme_id": programme.pk, "workshop_id": past.pk})

    def grow():
        _invite_many(past, 20)
        IdeaFactory.create_batch(10, workshop=past)
        client.post(reverse("workshops:attendance", kwargs={"programme_id": programme.pk, "workshop_id": past.pk}), {
            "attended": list(past.invitations.values_list("pk", flat=True)), "others": "3",
        })

    # OTP device, programme, the organiser's own groups (the rules), workshop, own invitation,
    # counts, who took part, ideas, the three kinds of record it fed, the invitations, and one
    # audit INSERT for reading their access needs; their involvement profiles' needs and one
    # audit INSERT for reading those; and the people invited without an account
    response = assert_fixed_queries(lambda: client.get(url), budget=16, grow=grow)
    assert len(response.context["invitations"]) == 22
    assert len(response.context["attendees"]) == 22


def test_my_invitations_has_a_fixed_number_of_queries(client, person, programme, person_member):
    InvitationFactory(workshop=WorkshopFactory(programme=programme), member=person_member)

    def grow():
        for _ in range(10):
            InvitationFactory(workshop=WorkshopFactory(programme=programme), member=person_member)

    login_as(client, person)
    # count, the page of invitations with their workshops and programmes
    assert_fixed_queries(lambda: client.get(reverse("workshops:my_invitations")), budget=2, grow=grow)


def test_the_home_page_panel_costs_one_query(client, person, programme, person_member):
    from coproduction.accounts.home import HOME_PANELS

    panel = next(panel for panel in HOME_PANELS if panel.template == "workshops/partials/_home_invitations.html")
    InvitationFactory(workshop=WorkshopFactory(programme=programme), member=person_member)

    def grow():
        for _ in range(10):
            InvitationFactory(workshop=WorkshopFactory(programme=programme), member=person_member)

    context = assert_fixed_queries(lambda: panel.context(person), budget=1, grow=grow)
    assert len(context["invitations"]) == 3 and context["more"]


def test_the_invite_page_has_a_fixed_number_of_queries(client, commissioner, programme):
    workshop = WorkshopFactory(programme=programme, date=days_from_today(7))
    _invite_many(workshop, 2)
    GroupMemberFactory(programme=programme)
    login_as(client, commissioner)
    url = reverse("workshops:invite", kwargs={"programme_id": programme.pk, "workshop_id": workshop.pk})

    offered_before = len(client.get(url).context["form"].fields["members"].choices)

    def grow():
        _invite_many(workshop, 10)
        GroupMemberFactory.create_batch(10, programme=programme)

    # OTP device, programme, own groups (the rules), workshop, the invitations (twice: the
    # form's choices and the list), whether there are members to invite, and the members offered
    # ...and the invitees' access needs from their involvement profiles (one read, one audit insert)
    response = assert_fixed_queries(lambda: client.get(url), budget=11, grow=grow)
    # The ten new members are offered; the ten invited with them are not offered again.
    assert len(response.context["form"].fields["members"].choices) == offered_before + 10
