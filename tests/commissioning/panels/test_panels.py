"""Setting a panel up, its members and bidders, and declarations of interest."""

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.html import escape

from commissioning.models import ActivityKind
from commissioning.panels import services
from commissioning.panels.models import Conflict, Panel, PanelMember
from commissioning.panels.rules import is_conflicted, membership
from coproduction.accounts.models import Role
from coproduction.audit.models import AuditEvent
from coproduction.core.rules_cache import forget_for_request
from tests.commissioning.decisions_log import log_text
from tests.commissioning.panels.factories import PanelFactory, PanelMemberFactory
from tests.commissioning.specifications.factories import SpecificationFactory
from tests.harness.bad_input import assert_bad_input


def _url(panel, name="panel_detail", **extra):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **extra})


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_a_commissioner_sets_up_a_panel_for_a_published_specification_and_names_the_chair(client_as, commissioner, programme, specification, person):
    client = client_as(commissioner)
    response = client.post(reverse("panels:panel_add", kwargs={"programme_id": programme.pk}), {
        "specification": specification.pk, "title": "Tender panel", "purpose": "Choose the provider together.",
        "timetable": "May", "chair": commissioner.pk, "score_max": "5",
    })
    panel = Panel.objects.get()
    assert response.status_code == 302 and response.headers["Location"] == _url(panel)
    assert panel.activity.kind == ActivityKind.PROCUREMENT_PANEL and panel.activity.programme == programme
    assert panel.version.number == 1
    assert panel.members.get().role == PanelMember.Role.CHAIR
    assert AuditEvent.objects.filter(action="create", target_id=str(panel.pk)).exists()
    # The programme's stage page links to the panel through its activity.
    stage_page = client.get(reverse("commissioning:stage_detail", kwargs={"programme_id": programme.pk, "stage_id": panel.activity.stage_id}))
    assert f'href="{_url(panel)}"' in stage_page.content.decode()
    panels_tab = client.get(reverse("panels:panel_list", kwargs={"programme_id": programme.pk}))
    assert "Tender panel" in _text(panels_tab)


def test_a_specification_still_in_draft_cannot_have_a_panel(client_as, commissioner, programme):
    SpecificationFactory(programme=programme, title="Only a draft", created_by=commissioner)
    url = reverse("panels:panel_add", kwargs={"programme_id": programme.pk})
    assert_bad_input(
        client_as(commissioner), url,
        {"specification": "", "title": "Tender panel", "purpose": "", "timetable": "", "chair": "", "score_max": "9x"},
        errors=["Select the specification", "Say what the panel is for", "Select the chair", "Enter a whole number"],
        kept=["title"], unchanged=lambda: Panel.objects.count(),
    )


def test_only_the_chair_adds_members_and_a_person_cannot_join_twice(client_as, commissioner, person, panel, lived):
    client = client_as(commissioner)
    url = _url(panel, "member_add")
    assert_bad_input(client, url, {"user": person.pk, "role": "carer"}, errors=["This person is already on the panel"],
                     unchanged=lambda: list(panel.members.values_list("pk", "role")))
    assert client_as(person).get(url).status_code == 403


def test_a_member_declares_no_conflicts_before_seeing_any_bid(client_as, person, panel, lived, bidders):
    client = client_as(person)
    page = client.get(_url(panel))
    assert "To do before you see any bid" in _text(page)
    assert not person.has_perm("panels.see_bids", panel)
    response = client.post(_url(panel, "declaration"), {"has_conflict": "no"})
    assert response.status_code == 302
    lived.refresh_from_db()
    assert lived.has_declared and not Conflict.objects.exists()
    forget_for_request(person)  # as a new request would
    assert person.has_perm("panels.see_bids", panel)
    assert person.has_perm("panels.score_bidder", bidders[0]) and person.has_perm("panels.score_bidder", bidders[1])


def test_a_declared_conflict_keeps_the_member_from_scoring_that_bidder_and_the_chair_sees_it(client_as, commissioner, person, panel, lived, bidders):
    bright, northside = bidders
    client_as(person).post(_url(panel, "declaration"), {"has_conflict": "yes", "bidders": [northside.pk], "details": "My brother works there."})
    lived.refresh_from_db()
    assert is_conflicted(lived, northside) and not is_conflicted(lived, bright)
    assert person.has_perm("panels.score_bidder", bright)
    assert not person.has_perm("panels.score_bidder", northside)
    chair_page = _text(client_as(commissioner).get(_url(panel)))
    assert "Declared conflicts of interest" in chair_page and "My brother works there." in chair_page
    member_page = _text(client_as(person).get(_url(panel)))
    assert "Declared conflicts of interest" not in member_page and "You will not score: Northside Care Ltd" in member_page


def test_saying_yes_without_naming_a_bidder_is_an_error(client_as, person, panel, lived, bidders):
    assert_bad_input(
        client_as(person), _url(panel, "declaration"), {"has_conflict": "yes", "details": "I used to volunteer there."},
        errors=["Select the bidders you have an interest in"], kept=["details"],
        unchanged=lambda: (Conflict.objects.count(), PanelMember.objects.get(pk=lived.pk).conflicts_declared_at),
    )


def test_a_new_bidder_asks_everyone_to_declare_again(commissioner, panel, declared, bidders):
    services.bidder_add(panel=panel, name="Late Bidder Ltd", by=commissioner)
    declared.refresh_from_db()
    assert not declared.has_declared


def test_commissioners_not_on_a_panel_see_it_without_its_members(client_as, commissioner, panel, lived, users):
    from coproduction.accounts.models import Role

    other = PanelMemberFactory(role="lived_experience")  # another panel, so the other commissioner is not on this one
    outsider = other.panel.programme.lead
    outsider.roles = [Role.COMMISSIONER]
    outsider.save()
    page = client_as(outsider).get(_url(panel))
    assert page.status_code == 200
    assert escape(lived.user.display_name) not in page.content.decode()
    assert membership(outsider, panel) is None


def test_reading_the_member_list_with_lived_experience_roles_is_audited(client_as, commissioner, person, panel, lived):
    page = client_as(commissioner).get(_url(panel))
    assert escape(person.display_name) in page.content.decode()
    assert AuditEvent.objects.filter(action="view", actor=commissioner, subject=person).exists()


def test_after_the_award_the_set_up_cannot_change(commissioner, panel, lived, bidders):
    import pytest
    from django.core.exceptions import ValidationError

    Panel.objects.filter(pk=panel.pk).update(status="awarded")
    panel.refresh_from_db()
    with pytest.raises(ValidationError):
        services.conflicts_declare(member=lived, bidders=[bidders[0]], details="x", by=lived.user)
    with pytest.raises(ValidationError):
        services.bidder_add(panel=panel, name="Another", by=commissioner)


def test_members_from_the_group_count_as_taking_part_in_the_panels_activity(commissioner, person, panel):
    services.member_add(panel=panel, user=person, role="lived_experience", by=commissioner)
    assert list(panel.activity.participants.values_list("user_id", flat=True)) == [person.pk]


def test_the_decisions_log_links_only_the_panels_a_member_sits_on_in_a_fixed_number_of_queries(client_as, programme, person_member, users):
    person = users[Role.PERSON]
    mine, others = PanelFactory(programme=programme), PanelFactory(programme=programme)
    PanelMemberFactory(panel=mine, user=person)
    client = client_as(person)
    # Programme, own groups, stages, count, page, activities that informed them, own places on their panels.
    text = log_text(client, programme, [mine, others], budget=7, more=lambda: PanelFactory.create_batch(3, programme=programme))
    assert f'href="{_url(mine)}"' in text and others.activity.title in text and f'href="{_url(others)}"' not in text
    assert client.get(_url(others)).status_code == 403  # in the group, so told the panel is not theirs
