from django.test import Client
from django.urls import reverse

from commissioning.budgeting.demo import BREAKS_LAST_ROUND, BREAKS_ROUND, DAY_ROUND, seed_budgeting_demo
from commissioning.budgeting.models import Round, Voter
from commissioning.models import Decision
from tests.harness.demo import seed_demo


def test_the_demo_has_a_finished_round_al_voted_in_and_a_round_open_for_voting(client_as):
    seed_demo()
    seed_budgeting_demo()  # idempotent
    done = Round.objects.get(title=DAY_ROUND)
    assert done.results_published and done.proposals.count() == 10
    assert Voter.objects.filter(pot__round=done).count() == 202
    assert Voter.objects.filter(pot__round=done, via="paper").exists() and Voter.objects.filter(pot__round=done, via="online").exists()
    al = done.programme.members.get(user__email="person@demo.example").user
    assert Voter.objects.filter(pot__round=done, user=al).exists()
    assert Decision.objects.filter(informed_by=done.activity).count() == done.results.filter(funded=True).count() > 0
    assert Round.objects.get(title=BREAKS_ROUND).phase == Round.Phase.VOTING
    page = client_as(al).get(reverse("budgeting:results", kwargs={"programme_id": done.programme_id, "round_id": done.pk}))
    assert "202 votes cast" in page.content.decode()
    # Only people living in Kendal may vote in the open round; last year's round shows, in
    # public, what was funded and how two of the funded ideas are going.
    breaks = Round.objects.get(title=BREAKS_ROUND)
    assert breaks.area_name == "Kendal" and breaks.registrations.get().postcode == "LA9 4DL"
    last = Round.objects.get(title=BREAKS_LAST_ROUND)
    anyone = Client()
    funded = anyone.get(reverse("budgeting:results_public", kwargs={"programme_id": last.programme_id, "round_id": last.pk})).text
    assert "Carers&#x27; café once a month" in funded and "Carers&#x27; garden at the hospice" not in funded
    said = anyone.get(reverse("commissioning:delivery_list", kwargs={"programme_id": last.programme_id})).text
    assert "Done" in said and "60% done" in said and "42 of 70 vouchers used so far." in said
