"""The demo shows the Health and Wellbeing Board with members with lived experience at its
decisions, and a commissioning board where they were missing."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.boards.demo import COMMISSIONING_BOARD, HWB, seed_boards_demo
from commissioning.boards.models import Board
from commissioning.demo import seed_commissioning_demo
from coproduction.accounts.models import Role
from coproduction.notifications.models import Message
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_boards_with_papers_attendance_and_decisions(client):
    users = {}
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]),
                         ("provider", [Role.PROVIDER]), ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON]),
                         ("head", [Role.HEAD_OF_SERVICE]), ("procurement", [Role.COMMISSIONER])]:
        users[email] = UserFactory(email=f"{email}@demo.example", roles=roles)
    seed_commissioning_demo()
    seed_boards_demo()
    seed_boards_demo()  # idempotent
    assert Board.objects.count() == 2
    hwb = Board.objects.get(name=HWB)
    past, coming = hwb.meetings.order_by("date")
    assert past.papers_on_time and past.decisions.count() == 1
    assert coming.papers_sent_at and Message.objects.filter(recipient=users["person"], topic="papers").exists()
    login_as(client, users["person"])
    page = BeautifulSoup(client.get(reverse("boards:board_detail", kwargs={"board_id": hwb.pk})).content, "html.parser")
    assert page.select_one("#lived-experience-at-decisions .app-figures__value").get_text(strip=True) == "1 of 1"
    login_as(client, users["commissioner"])
    rows = BeautifulSoup(client.get(reverse("boards:board_list")).content, "html.parser").select("tbody tr")
    figures = {row.th.get_text(strip=True): row.select("td")[-1].get_text(strip=True) for row in rows}
    assert figures == {COMMISSIONING_BOARD: "0 of 1", HWB: "1 of 1"}
