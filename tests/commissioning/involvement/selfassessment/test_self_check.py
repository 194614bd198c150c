"""A practitioner's "doing with, not doing to" self-check: private to them; their manager sees
only team totals, and only for enough practitioners."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.involvement.models import SelfCheck
from commissioning.involvement.spectrum import PRACTICE_STEPS
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def _answers(answer="mostly", **extra) -> dict:
    return {**{f"answer_{step.key}": answer for step in PRACTICE_STEPS}, "will_change": "Meet at the café Sam likes.", **extra}


def test_a_practitioner_checks_their_practice_and_sees_what_to_change(client_as, practitioner):
    client = client_as(practitioner)
    response = client.post(reverse("involvement:self_check_add"), _answers(answer_rapport="rarely"))
    check = SelfCheck.objects.get()
    assert response.headers["Location"] == reverse("involvement:self_check_detail", kwargs={"check_id": check.pk})
    assert check.team is not None and check.answers.count() == len(PRACTICE_STEPS)
    text = _text(client.get(response.headers["Location"]))
    assert "I take time to build rapport and trust. Rarely Worth a change" in text
    assert "Meet at the café Sam likes." in text
    assert "Your latest check" in _text(client.get(reverse("involvement:self_checks")))


def test_a_self_check_must_answer_every_statement(client_as, practitioner):
    data = _answers()
    del data["answer_explain"]
    assert_bad_input(
        client_as(practitioner), reverse("involvement:self_check_add"), data,
        errors=["Select how often this is true: statement 1"], kept=["will_change"], unchanged=lambda: SelfCheck.objects.count(),
    )


def test_a_self_check_is_private_to_the_practitioner(client_as, practitioner, team):
    client_as(practitioner).post(reverse("involvement:self_check_add"), _answers())
    check = SelfCheck.objects.get()
    colleague = UserFactory(roles=["practitioner"], teams=[team])
    assert client_as(colleague).get(reverse("involvement:self_check_detail", kwargs={"check_id": check.pk})).status_code == 404


def test_the_manager_sees_team_totals_only_when_enough_practitioners_answered(client_as, practitioner, team_manager, team, settings):
    settings.CHECKLIST_MIN_GROUP_SIZE = 3
    client_as(practitioner).post(reverse("involvement:self_check_add"), _answers("always"))
    second = UserFactory(roles=["practitioner"], teams=[team])
    client_as(second).post(reverse("involvement:self_check_add"), _answers("sometimes"))
    manager = client_as(team_manager)
    text = _text(manager.get(reverse("involvement:self_check_team")))
    assert "Fewer than 3 practitioners have done a self-check" in text
    third = UserFactory(roles=["practitioner"], teams=[team])
    client_as(third).post(reverse("involvement:self_check_add"), _answers("sometimes"))
    page = BeautifulSoup(manager.get(reverse("involvement:self_check_team")).content, "html.parser")
    first_row = [cell.get_text(strip=True) for cell in page.select("tbody tr")[0].select("th, td")]
    assert first_row[1:] == ["0", "2", "0", "1"]  # rarely, sometimes, mostly, always
