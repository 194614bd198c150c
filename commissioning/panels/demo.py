"""Demo data for procurement panels. Idempotent: one panel for the day opportunities tender, with
Al (lived experience) and Maureen (carer) as members, Priya chairing, three bidders, briefing
packs sent (Maureen has not opened hers yet), declarations of interest and the agreed questions.
Bids and scores are added by the scoring part (scoring/demo.py) on the same panel."""

from coproduction.core.demo import demo_seeder
from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from commissioning.specifications import services as spec_services
from commissioning.specifications.demo import SPECIFICATION_TITLE
from commissioning.specifications.models import Specification
from coproduction.accounts.models import Organisation, User

from . import services
from .models import BriefingPack, Panel, PanelMember

PANEL_TITLE = "Day opportunities tender panel"
BIDDERS = ["Riverside Support Ltd", "Bright Days CIC", "Northside Community Care"]


def _published(specification: Specification, by):
    version = services.published_version(specification)
    if version is None:
        draft = specification.versions.filter(status="draft").first()
        if draft is None or not draft.criteria.exists():
            return None
        version = spec_services.version_publish(version=draft, by=by)
    return version


@transaction.atomic
@demo_seeder(110)
def seed_panels_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    specification = Specification.objects.filter(programme=programme, title=SPECIFICATION_TITLE).first() if programme else None
    if specification is None:
        return
    priya = User.objects.get(email="commissioner@demo.example")
    al = User.objects.get(email="person@demo.example")
    maureen = User.objects.get(email="carer@demo.example")
    panel = Panel.objects.filter(programme=programme, title=PANEL_TITLE).first()
    if panel is None:
        if _published(specification, priya) is None:
            return
        panel = _seed_panel(programme, specification, priya, al, maureen)
    # Bids, scores and moderation on the same panel.
    from .scoring.demo import seed_panel_scoring_demo

    seed_panel_scoring_demo(panel)


def _seed_panel(programme, specification, priya, al, maureen) -> Panel:
    panel = services.panel_create(
        programme=programme, specification=specification, chair=priya, title=PANEL_TITLE,
        purpose="To read the bids to run day opportunities from April 2027, score them fairly, and recommend who "
        "the council should choose. People who use day services and carers score as equals with council staff.",
        timetable="2 March: briefing meeting at the Town Hall (lunch provided).\n16 March: questions for bidders agreed.\n"
        "20 April: bids sent to members to read.\n11 May: interviews with bidders and scoring.\n"
        "18 May: moderation meeting to agree the scores.",
        score_max=5, by=priya,
    )
    panel.purpose_easy_read = (
        "The council wants a new service for things to do in the day.\nSome groups want to run it.\n"
        "We read what each group says they will do.\nWe give them scores.\nThe group with the best scores can run the service."
    )
    panel.timetable_easy_read = (
        "2 March: we meet and learn about the panel.\n16 March: we agree the questions.\n"
        "20 April: you get the bids to read.\n11 May: we meet the groups and give scores.\n18 May: we agree the scores together."
    )
    panel.save(update_fields=["purpose_easy_read", "timetable_easy_read"])
    al_member = services.member_add(panel=panel, user=al, role=PanelMember.Role.LIVED_EXPERIENCE, by=priya)
    maureen_member = services.member_add(panel=panel, user=maureen, role=PanelMember.Role.CARER, by=priya)
    chair = panel.members.get(role=PanelMember.Role.CHAIR)
    bidders = {}
    for name in BIDDERS:
        bidders[name] = services.bidder_add(panel=panel, name=name, organisation=Organisation.objects.filter(name=name).first(), by=priya)
    # Northside bids as a consortium with two local partners: one bidder, its members listed.
    for name, lead, brings in (
        ("Northside Community Care", True, "Runs the day centre and employs the staff."),
        ("Mill Lane Community Transport", False, "The minibuses, and drivers people know."),
        ("Greenway Community Hub", False, "The hall, the garden and the links with local groups."),
    ):
        services.consortium_member_add(bidder=bidders["Northside Community Care"], by=priya, data={
            "name": name, "is_lead": lead, "brings": brings, "organisation": Organisation.objects.filter(name=name).first()})
    services.conflicts_declare(member=chair, bidders=[], details="", by=priya)
    services.conflicts_declare(member=al_member, bidders=[], details="", by=al)
    services.conflicts_declare(
        member=maureen_member, bidders=[bidders["Northside Community Care"]],
        details="I volunteered at their Tuesday club until last year.", by=maureen,
    )

    from commissioning.involvement.selectors import preferred_formats

    members = [chair, al_member, maureen_member]
    services.briefing_send(panel=panel, members=members, formats=preferred_formats([m.user_id for m in members]), by=priya)
    BriefingPack.objects.filter(member__in=[chair, al_member]).update(first_opened_at=timezone.now())

    criteria = list(panel.version.criteria.order_by("position", "pk"))
    people, quality, social = criteria[0], criteria[1], criteria[min(2, len(criteria) - 1)]
    choose = services.question_propose(panel=panel, criterion=people, kind="written",
                                       text="How will people who use the service help choose your staff?", by=al)
    better = services.question_propose(panel=panel, criterion=people, kind="written", rewords=choose, by=maureen,
                                       text="How will people who use the service, and their families, help choose and train your staff?")
    services.question_comment(question=choose, text="Families know people well, so I would like them included.", by=maureen)
    services.question_comment(question=better, text="Yes, and training is a good addition.", by=al)
    unhappy = services.question_propose(panel=panel, criterion=quality, kind="interview",
                                        text="What will you do if someone is unhappy with their support?", by=priya)
    weekend = services.question_propose(panel=panel, criterion=quality, kind="written",
                                        text="What will people be able to do at weekends?", by=al)
    local = services.question_propose(panel=panel, criterion=social, kind="written",
                                      text="How many local people will you employ?", by=priya)
    # Every criterion the panel scores has an agreed question; price is worked out by its formula.
    services.questions_agree(panel=panel, agreed_ids={better.pk, unhappy.pk, weekend.pk, local.pk}, by=priya)

    services.recognition_record(panel=panel, member=al_member, category="payment", amount="40.00",
                                description="Briefing meeting, 2 hours at the council's rate", by=priya)
    services.recognition_record(panel=panel, member=al_member, category="travel", amount="8.40", description="Taxi to the Town Hall", by=priya)
    services.recognition_record(panel=panel, member=maureen_member, category="voucher", amount="25.00",
                                description="She asked for a voucher instead of a payment", by=priya)
    services.recognition_record(panel=panel, member=maureen_member, category="personal_assistant", amount="30.00",
                                description="Replacement care while at the briefing", by=priya)
    return panel
