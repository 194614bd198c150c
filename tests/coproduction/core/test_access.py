"""One convention for a record someone may not have: 404 when they may not know it exists
(outside their scope, or they may not see it at all), 403 when they may know it exists but
may not do this. Checked through real pages, then through the helper itself."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from commissioning.models import MemberRole, Programme
from coproduction.core.access import get_visible_or_404, require_perm, require_visible
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.coproduction.reports.factories import ReportJobFactory


@pytest.fixture
def programme(commissioner, person):
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    return programme


def _edit_url(programme) -> str:
    return reverse("commissioning:programme_edit", kwargs={"programme_id": programme.pk})


def test_a_programme_outside_someones_reach_is_not_found_and_one_they_see_but_may_not_change_is_forbidden(
        client_as, programme, commissioner, person, carer):
    assert client_as(carer).get(_edit_url(programme)).status_code == 404  # not in the group: may not know it exists
    assert client_as(person).get(_edit_url(programme)).status_code == 403  # in the group, but does not run it
    assert client_as(commissioner).get(_edit_url(programme)).status_code == 200


def test_someone_elses_report_is_not_found(client_as, person, carer):
    job = ReportJobFactory(requested_by=person)
    url = reverse("reports:job_detail", kwargs={"job_id": job.pk})
    assert client_as(carer).get(url).status_code == 404
    assert client_as(person).get(url).status_code == 200


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_helper_answers_404_outside_the_queryset_403_when_the_rule_says_no(programme, person, carer):
    scope = Programme.objects.filter(members__user=person)
    assert get_visible_or_404(_request(person), scope, "commissioning.view_programme", pk=programme.pk) == programme
    with pytest.raises(Http404):
        get_visible_or_404(_request(person), scope.none(), pk=programme.pk)
    with pytest.raises(PermissionDenied):
        get_visible_or_404(_request(person), scope, "commissioning.manage_programme", pk=programme.pk)


def test_the_helper_answers_404_to_someone_who_fails_every_visibility_rule(programme, person, carer):
    rules = {"visible_perm": "commissioning.view_programme"}
    with pytest.raises(Http404):
        get_visible_or_404(_request(carer), Programme, "commissioning.manage_programme", pk=programme.pk, **rules)
    with pytest.raises(PermissionDenied):
        get_visible_or_404(_request(person), Programme, "commissioning.manage_programme", pk=programme.pk, **rules)
    with pytest.raises(Http404):
        require_visible(_request(person), None, "commissioning.view_programme")


def test_require_perm_forbids_without_the_rule(programme, person, commissioner):
    with pytest.raises(PermissionDenied):
        require_perm(_request(person), "commissioning.manage_programme", programme)
    require_perm(_request(commissioner), "commissioning.manage_programme", programme)
