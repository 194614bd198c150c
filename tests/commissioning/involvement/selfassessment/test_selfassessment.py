"""The Spectrum of Practice self-assessment: the ladder rule, rounds over time, next steps."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.involvement.models import AssessmentRound
from commissioning.involvement.spectrum import (
    ESTABLISHED,
    GETTING_STARTED,
    MAKING_PROGRESS,
    NOT_STARTED,
    STARTED,
    STEPS,
    ladder_for,
    next_steps,
)
from commissioning.models import LadderRung, MemberRole
from tests.commissioning.factories import GroupMemberFactory
from tests.harness.bad_input import assert_bad_input

GS = [step.key for step in STEPS if step.stage == GETTING_STARTED]
MP = [step.key for step in STEPS if step.stage == MAKING_PROGRESS]


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def _ratings(gs, mp) -> dict:
    return {**{key: gs[i] if isinstance(gs, list) else gs for i, key in enumerate(GS)},
            **{key: mp[i] if isinstance(mp, list) else mp for i, key in enumerate(MP)}}


def test_the_ladder_position_follows_the_plain_english_rule():
    assert ladder_for({}) == LadderRung.INFORMING
    assert ladder_for(_ratings(NOT_STARTED, NOT_STARTED)) == LadderRung.INFORMING
    one = _ratings(NOT_STARTED, NOT_STARTED) | {MP[0]: STARTED}
    assert ladder_for(one) == LadderRung.CONSULTING
    assert ladder_for(_ratings(STARTED, NOT_STARTED)) == LadderRung.ENGAGING
    # Every getting-started step well established, but too few making-progress steps started.
    assert ladder_for(_ratings(ESTABLISHED, [STARTED, STARTED] + [NOT_STARTED] * 4)) == LadderRung.ENGAGING
    assert ladder_for(_ratings(ESTABLISHED, [STARTED] * 3 + [NOT_STARTED] * 3)) == LadderRung.CO_DESIGNING
    # Every making-progress step started but fewer than half well established: still co-designing.
    assert ladder_for(_ratings(ESTABLISHED, [ESTABLISHED] * 2 + [STARTED] * 4)) == LadderRung.CO_DESIGNING
    assert ladder_for(_ratings(ESTABLISHED, [ESTABLISHED] * 3 + [STARTED] * 3)) == LadderRung.CO_PRODUCING
    # One getting-started step slipping back brings the team down to engaging.
    assert ladder_for(_ratings([STARTED] + [ESTABLISHED] * 5, ESTABLISHED)) == LadderRung.ENGAGING


def test_next_steps_are_the_steps_not_yet_done_getting_started_first():
    ratings = _ratings([ESTABLISHED, STARTED, NOT_STARTED, ESTABLISHED, ESTABLISHED, ESTABLISHED], NOT_STARTED)
    suggested = next_steps(ratings)
    assert [step.key for step, _ in suggested[:2]] == [GS[2], GS[1]]
    assert len(suggested) == 2 + len(MP)
    assert next_steps(_ratings(ESTABLISHED, ESTABLISHED)) == []


def _round_data(title, gs, mp, **extra) -> dict:
    data = {"title": title, "assessed_on_0": "1", "assessed_on_1": "3", "assessed_on_2": "2026", "other_assessors": "Member of the carers' forum"}
    for key, rating in _ratings(gs, mp).items():
        data[f"rating_{key}"] = rating
        data[f"evidence_{key}"] = f"Evidence for {key}"
    return {**data, **extra}


def test_two_rounds_show_the_team_moving_up_the_ladder(client_as, commissioner, person):
    GroupMemberFactory(user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    client = client_as(commissioner)
    client.post(reverse("involvement:round_add"), _round_data("Spring 2026", STARTED, NOT_STARTED, assessors=[commissioner.pk, person.pk]))
    later = _round_data("Autumn 2026", ESTABLISHED, [STARTED] * 3 + [NOT_STARTED] * 3, assessed_on_1="10", assessors=[person.pk])
    response = client.post(reverse("involvement:round_add"), later)
    autumn = AssessmentRound.objects.get(title="Autumn 2026")
    assert response.headers["Location"] == reverse("involvement:round_detail", kwargs={"round_id": autumn.pk})
    assert list(autumn.assessors.all()) == [person] and autumn.other_assessor_list == ["Member of the carers' forum"]
    text = _text(client.get(response.headers["Location"]))
    assert "Co-designing: Up 1 rung, from Engaging" in text.replace(" :", ":")
    assert "Recruit and train peer researchers" in text  # a suggested next step, not yet started
    listing = _text(client.get(reverse("involvement:selfassessment")))
    assert "Autumn 2026" in listing and "Spring 2026" in listing and "First round" in listing
    # The person with lived experience who assessed it can read it; someone else cannot.
    assert client_as(person).get(reverse("involvement:round_detail", kwargs={"round_id": autumn.pk})).status_code == 200
    spring = AssessmentRound.objects.get(title="Spring 2026")
    assert client_as(person).get(reverse("involvement:round_detail", kwargs={"round_id": spring.pk})).status_code == 200


def test_a_round_without_every_rating_is_not_saved(client_as, commissioner):
    data = _round_data("Spring 2026", STARTED, NOT_STARTED)
    del data[f"rating_{MP[0]}"]
    assert_bad_input(
        client_as(commissioner), reverse("involvement:round_add"), data,
        errors=["Select how far you have got with “Recruit and train peer researchers”"],
        kept=["title", f"evidence_{GS[0]}"], unchanged=lambda: AssessmentRound.objects.count(),
    )


def test_a_round_must_say_who_assessed_it(client_as, commissioner):
    assert_bad_input(
        client_as(commissioner), reverse("involvement:round_add"), _round_data("Spring 2026", STARTED, NOT_STARTED, other_assessors=""),
        errors=["Say who assessed it: choose people from the list or write their names or roles"],
        kept=["title"], unchanged=lambda: AssessmentRound.objects.count(),
    )


def test_a_new_round_starts_from_the_last_rounds_ratings(client_as, commissioner):
    client = client_as(commissioner)
    client.post(reverse("involvement:round_add"), _round_data("Spring 2026", ESTABLISHED, NOT_STARTED))
    page = BeautifulSoup(client.get(reverse("involvement:round_add")).content, "html.parser")
    checked = page.find("input", attrs={"name": f"rating_{GS[0]}", "checked": True})
    assert checked is not None and checked["value"] == ESTABLISHED
