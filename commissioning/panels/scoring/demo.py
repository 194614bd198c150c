"""Demo data for bids and scoring: the demo panel mid-moderation. Every member who may score a
bidder has scored each answer (some scores two or more apart, so flagged), scoring is closed and
the chair has moderated the first couple of answers."""

from decimal import Decimal

from django.db import transaction

from .. import services
from ..models import Bidder, BidResponse, Panel, PanelMember, PanelQuestion, Score
from ..rules import is_conflicted
from . import services as scoring_services

DEMO_BIDDERS = ("Bright Days CIC", "Northside Community Care", "Riverside Support Ltd")
# Each bidder's price: price is scored by the published formula.
DEMO_PRICES = {"Bright Days CIC": Decimal("240000.00"), "Northside Community Care": Decimal("265000.00"),
               "Riverside Support Ltd": Decimal("290000.00")}
# At shortlisting, Al (who uses day services) and the chair find one bid does not meet a published
# pass or fail question: it is not scored, and the bidder gets a letter with the reason.
NOT_SHORTLISTED = "Riverside Support Ltd"
NOT_REGISTERED = ("Their registration with the Care Quality Commission covers personal care at home only, "
                  "not the day activities this service needs.")
# Price is scored apart from the quality panel, by a procurement officer who also scores quality.
OFFICER_EMAIL, OFFICER_NAME = "procurement@demo.example", "Olu Adeyemi"
DEMO_PASSWORD = "demo-coproduction-2026"


def _officer_member(panel: Panel, chair: PanelMember) -> PanelMember:
    from coproduction.accounts.models import Role, User

    found = panel.members.filter(role=PanelMember.Role.PROCUREMENT_OFFICER).first()
    if found is not None:
        return found
    user = User.objects.filter(email=OFFICER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(email=OFFICER_EMAIL, password=DEMO_PASSWORD, full_name=OFFICER_NAME, roles=[Role.COMMISSIONER])
    return services.member_add(panel=panel, user=user, role=PanelMember.Role.PROCUREMENT_OFFICER, by=chair.user)

ANSWERS = {
    0: "People who use the service sit on every interview panel for new staff, and are paid for their time. "
       "We open on Saturdays and run a members' group each month that decides the activities.",
    1: "Our managers choose staff. We will ask people what they think of the service once a year in a survey. "
       "We can open at weekends if there is demand.",
    2: "We will set up a service user forum within six months of starting. Staff will be trained in person-centred "
       "planning. Weekend opening will be reviewed after the first year.",
}
REASONS = {
    5: "An excellent answer: specific, with people who use the service in charge of real decisions.",
    4: "A good answer with clear commitments, though some details are missing.",
    3: "An adequate answer: the right ideas, but few specifics.",
    2: "A weak answer: it mostly describes what the provider decides, not what people decide.",
    1: "A poor answer: it does not say how people would be involved.",
    0: "No relevant answer.",
}
# Each member's score differs a little from the bidder's typical score; on every other question
# one member sees it quite differently, so moderation has something to discuss.
CLOSE, APART = (0, 1, 0, 1, 0), (0, 2, -1, 0, 1)


def _value(base: int, member_index: int, question_index: int, score_max: int) -> int:
    offsets = APART if question_index % 2 else CLOSE
    return max(0, min(score_max, base + offsets[member_index % len(offsets)]))


def _shortlist(panel: Panel, bidders: list[Bidder], members: list[PanelMember]) -> None:
    from commissioning.specifications.models import ShortlistQuestion

    questions = list(ShortlistQuestion.objects.filter(version_id=panel.version_id).order_by("position", "pk"))
    if not questions:
        return
    lay = next((m for m in members if m.role == PanelMember.Role.LIVED_EXPERIENCE), None)
    checker = lay or next(m for m in members if m.is_chair)
    for bidder in bidders:
        bidder.panel = panel
        fails = bidder.name == NOT_SHORTLISTED
        results = {
            question.pk: (False, NOT_REGISTERED) if fails and n == 0 else (True, "The bid shows this with evidence.")
            for n, question in enumerate(questions)
        }
        scoring_services.shortlist_record(bidder=bidder, member=checker, results=results, by=checker.user)


@transaction.atomic
def seed_panel_scoring_demo(panel: Panel) -> None:
    """Bring the demo panel to moderation. Idempotent: a panel that has scores is left alone."""
    if Score.objects.filter(response__bidder__panel=panel).exists():
        return
    chair = panel.members.select_related("user").get(role=PanelMember.Role.CHAIR)
    if panel.status == Panel.Status.PREPARING:
        existing = set(Bidder.objects.filter(panel=panel).values_list("name", flat=True))
        for name in DEMO_BIDDERS:
            if name not in existing and len(existing) < 3:
                services.bidder_add(panel=panel, name=name, by=chair.user)
                existing.add(name)
    bidders = list(Bidder.objects.filter(panel=panel).order_by("name", "pk"))
    officer_member = _officer_member(panel, chair)
    if panel.deputy_id is None:
        # Olu deputises: he would moderate any bidder Priya declared a conflict with.
        services.panel_update(panel=panel, data={"deputy": officer_member}, by=chair.user)
    members = list(panel.members.select_related("user").order_by("pk"))
    for member in members:
        if not member.has_declared:
            services.conflicts_declare(member=member, bidders=[], details="", by=member.user)
    members = list(panel.members.select_related("user").order_by("pk"))
    questions = list(PanelQuestion.objects.filter(panel=panel, agreed=True).select_related("criterion").order_by("criterion__position", "position", "pk"))
    if not questions:
        return
    if panel.status == Panel.Status.PREPARING:
        _shortlist(panel, bidders, members)
        scoring_services.scoring_open(panel=panel, by=chair.user)
    panel.refresh_from_db()
    # The panel scores only the shortlisted.
    bidders = [bidder for bidder in bidders if not bidder.shortlist_checks.filter(passed=False).exists()]
    for bidder in bidders:
        bidder.panel = panel
        for question in questions:
            if not BidResponse.objects.filter(bidder=bidder, question=question).exists():
                scoring_services.response_save(
                    bidder=bidder, question=question, text=ANSWERS[DEMO_BIDDERS.index(bidder.name) if bidder.name in DEMO_BIDDERS else 2],
                    by=chair.user,
                )
    responses = list(
        BidResponse.objects.filter(bidder__in=bidders, question__agreed=True).select_related("bidder")
        .order_by("bidder__name", "bidder_id", "question__criterion__position", "question__position", "question_id")
    )
    question_index = {question.pk: n for n, question in enumerate(questions)}
    base_by_bidder = {bidder.pk: max(1, min(panel.score_max, panel.score_max - 1 - n)) for n, bidder in enumerate(bidders)}
    for member_index, member in enumerate(members):
        for response in responses:
            if is_conflicted(member, response.bidder_id):
                continue
            value = _value(base_by_bidder[response.bidder_id], member_index, question_index[response.question_id], panel.score_max)
            response.bidder.panel = panel
            scoring_services.score_submit(
                response=response, member=member, value=value, reason=REASONS.get(value, REASONS[3]), by=member.user
            )
    officer = next((m for m in members if m.role == PanelMember.Role.PROCUREMENT_OFFICER), None)
    if officer is not None and panel.version.criteria.filter(scored_on_price=True).exists():
        for bidder in bidders:
            if not is_conflicted(officer, bidder.pk):
                bidder.panel = panel
                scoring_services.price_score_record(
                    bidder=bidder, member=officer, bid_price=DEMO_PRICES.get(bidder.name, DEMO_PRICES["Riverside Support Ltd"]),
                    notes="The total price for the three years of the contract.", by=officer.user,
                )
    scoring_services.moderation_start(panel=panel, by=chair.user)
    for response in responses[:2]:
        values = list(Score.objects.filter(response=response).values_list("value", flat=True))
        agreed = round(sum(values) / len(values)) if values else 0
        response.bidder.panel = panel
        scoring_services.moderated_score_record(
            response=response, value=agreed,
            rationale="The panel discussed the differences and agreed this score: " + REASONS.get(agreed, REASONS[3]).lower(),
            by=chair.user,
        )
