"""Facts a rule reads are read once per request and never outlive it: someone who leaves a
programme's group loses its members-only pages on their very next request."""

from django.urls import reverse
from django.utils import timezone

from commissioning import services as commissioning_services
from commissioning.models import MemberRole
from commissioning.rules import current_programme_ids
from coproduction.accounts.models import User
from coproduction.core.rules_cache import cached_for_request, forget_for_request, remember_for_request
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory


def test_a_fact_is_worked_out_once_per_user_object():
    calls = []
    user = User()
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert cached_for_request(user, "fact", compute) == 1
    assert cached_for_request(user, "fact", compute) == 1
    assert cached_for_request(User(), "fact", compute) == 2  # the next request's user object asks again
    remember_for_request(user, "other", "known")
    assert cached_for_request(user, "other", compute) == "known"
    forget_for_request(user)
    assert cached_for_request(user, "fact", compute) == 3


def test_leaving_the_group_takes_effect_on_the_next_request(client_as, commissioner, person):
    programme = ProgrammeFactory(lead=commissioner)
    member = GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    client = client_as(person)
    url = reverse("commissioning:programme_detail", kwargs={"programme_id": programme.pk})
    assert client.get(url).status_code == 200
    assert programme.pk in current_programme_ids(person)
    commissioning_services.member_leave(member=member, left_on=timezone.localdate(), by=commissioner)
    assert client.get(url).status_code == 404
    # The same user object keeps what it read until its request ends; a fresh one does not.
    assert programme.pk in current_programme_ids(person)
    assert programme.pk not in current_programme_ids(User.objects.get(pk=person.pk))
