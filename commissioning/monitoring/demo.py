"""Demo data for monitoring and quality, for `manage.py seed_demo`. Idempotent: on the day
opportunities programme, Riverside Support's current contract with two monitoring meetings
(one past, minutes agreed by all, with actions; one coming, papers sent), figures for two
quarters, the quality framework people designed, and Rosa's quality visit, reviewed and
responded to."""

from coproduction.core.demo import demo_seeder
import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from commissioning.priorities.models import Indicator
from coproduction.accounts.models import Organisation, User

from . import services
from .models import Contract, MeetingMember, MonitoringMeeting, QualityVisit

SERVICE_NAME = "Day opportunities in the north of the borough"
FRAMEWORK_TITLE = "What good day opportunities look like"

CHARACTERISTICS = [
    ("People help run the service",
     "People who use the service plan activities with staff and have a say in how it is run. Ideas are acted on.",
     "A members' meeting that happened recently; ideas on the wall with what happened to them; staff asking, not telling."),
    ("Family and friends are welcome",
     "Families and friends are kept in touch when the person wants that, and can join in.",
     "How staff talk about families; open days; whether carers know who to ask."),
    ("Working with others nearby",
     "The service uses the library, the leisure centre, cafés and groups in the area, not only its own building.",
     "Where activities happen this month; links with local groups; people going out, not only staying in."),
    ("Staying well and preventing problems",
     "Staff notice early when someone is not themselves and help before things get worse.",
     "How staff know each person; what happens when someone misses a few days."),
    ("Built to last",
     "The service can keep going: it has enough staff who stay, and money is used well.",
     "Whether people see the same staff; how long staff have been there."),
]


@transaction.atomic
@demo_seeder(130)
def seed_monitoring_demo() -> None:
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    provider = Organisation.objects.filter(name="Riverside Support Ltd").first()
    if programme is None or provider is None or Contract.objects.filter(programme=programme, service_name=SERVICE_NAME).exists():
        return
    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    priya, al, maureen = users["commissioner@demo.example"], users["person@demo.example"], users["carer@demo.example"]
    dev, rosa = users["provider@demo.example"], users["assessor@demo.example"]
    indicators = list(Indicator.objects.filter(outcome__programme=programme).order_by("outcome__position", "position", "pk"))
    contract = services.contract_create(programme=programme, by=priya, indicators=indicators, data={
        "provider": provider, "service_name": SERVICE_NAME,
        "description": "Activities, learning and clubs six days a week from the Mill Lane centre and around the north of the borough.",
        "starts_on": datetime.date(2026, 4, 1), "ends_on": datetime.date(2027, 3, 31), "value": Decimal("310000"),
    })
    by_name = {indicator.name: indicator for indicator in indicators}

    def figures(enjoy, near, carers, journeys, said):
        found = {}
        for name, value, words in [
            ("People who say they do something they enjoy each week", enjoy, said),
            ("Activities held within 2 miles of people's homes", near, ""),
            ("Carers who say they had a break they could rely on", carers, ""),
            ("Journeys that arrive within 10 minutes of the planned time", journeys, ""),
        ]:
            if name in by_name:
                found[by_name[name]] = (Decimal(value), words)
        return found

    services.return_save(contract=contract, period=datetime.date(2026, 4, 1), submit=True, by=dev, figures=figures(
        "68", "112", "55", "81", "People said the cooking club and the allotment are the best part of the week. Several said Saturdays are lonely."))
    services.return_save(contract=contract, period=datetime.date(2026, 7, 1), submit=True, by=dev, figures=figures(
        "74", "131", "58", "86", "“I chose the trip to the coast and we went.” People asked for more sessions in the north."))

    members = [(al, MeetingMember.Role.USER_REPRESENTATIVE), (rosa, MeetingMember.Role.USER_REPRESENTATIVE),
               (maureen, MeetingMember.Role.CARER_REPRESENTATIVE), (dev, MeetingMember.Role.PROVIDER)]

    def meeting(title, day, agenda, easy_read):
        made = services.meeting_create(contract=contract, by=priya, data={
            "title": title, "date": day, "starts_at": datetime.time(10, 30),
            "place": "Mill Lane Community Centre, Room 2 (step-free, hearing loop). Or join by phone: the number is in your invitation.",
            "agenda": agenda, "agenda_easy_read": easy_read,
        })
        for user, role in members:
            services.member_add(meeting=made, user=user, role=role, by=priya)
        return made

    past = meeting(
        "Monitoring meeting, October 2026", datetime.date(2026, 10, 14),
        "1. Welcome and introductions\n2. Figures for July to September\n3. What people told the provider\n4. Saturdays\n5. Actions",
        "1. Hello\n2. The numbers\n3. What people said\n4. Saturdays\n5. Who will do what",
    )
    services.paper_add(meeting=past, by=dev, title="Riverside Support's report for July to September",
                       text="We ran 131 sessions within 2 miles of people's homes, up from 112. Cooking club now runs twice a week.",
                       easy_read_text="We ran more sessions near where people live. Cooking club is now on 2 days a week.")
    services.papers_send(meeting=past, by=priya)
    services.attendance_record(meeting=past, attended_ids=set(past.members.exclude(user=maureen).values_list("pk", flat=True)), by=priya)
    views = {
        "People who say they do something they enjoy each week": ("74%", "We agree people enjoy it. Ask people who do not come any more too."),
        "Journeys that arrive within 10 minutes of the planned time": ("86%", "Still late on Mondays. Al waited 40 minutes twice."),
    }
    for name, (figure, view) in views.items():
        if name in by_name:
            services.indicator_report_save(meeting=past, indicator=by_name[name], by=priya,
                                           data={"figure": figure, "what_people_said": "", "representatives_view": view})
    services.action_done(action=services.action_add(
        contract=contract, meeting=past, description="Send the Easy Read timetable to every member", owner=dev,
        due_on=datetime.date(2026, 10, 28), by=priya), by=dev)
    services.action_add(contract=contract, meeting=past, description="Talk to the transport provider about Monday pick-ups",
                        owner=priya, due_on=datetime.date(2026, 12, 1), by=priya)
    services.minutes_put_forward(meeting=past, by=priya, minutes=(
        "Present: Priya (chair), Al, Rosa, Dev. Apologies: Maureen.\n\n"
        "Figures: more sessions are near people's homes. The group welcomed the second cooking club.\n\n"
        "Transport: Monday journeys are still late. Priya will raise it with the transport provider.\n\n"
        "Saturdays: Dev will bring costs for a Saturday session to the January meeting."
    ))
    for user in (priya, al, rosa, dev, maureen):
        services.minutes_agree(meeting=past, by=user)

    upcoming = meeting(
        "Monitoring meeting, January 2027", datetime.date(2027, 1, 13),
        "1. Welcome\n2. Figures for October to December\n3. Saturday sessions: costs\n4. Quality visit: what Rosa found\n5. Actions",
        "1. Hello\n2. The numbers\n3. Saturdays: how much would it cost?\n4. What Rosa found on her visit\n5. Who will do what",
    )
    services.paper_add(meeting=upcoming, by=dev, title="Saturday sessions: costs",
                       text="A Saturday session at Mill Lane for up to 20 people would cost £640 a week, including transport.",
                       easy_read_text="Saturday sessions would cost £640 each week. That pays for staff and the bus.")
    services.papers_send(meeting=upcoming, by=priya)

    framework = services.framework_save(programme=programme, framework=None, by=priya,
                                        informed_by=programme.activities.filter(kind="workshop")[:2], data={
        "title": FRAMEWORK_TITLE,
        "how_it_was_made": "Designed at two workshops in September 2026 by people who use day services, carers, "
                           "two providers and commissioners, working as equals. Rosa and Al wrote “what to look for”.",
    })
    characteristics = [
        services.characteristic_save(framework=framework, characteristic=None, by=priya,
                                     data={"title": title, "what_good_looks_like": good, "what_to_look_for": look})
        for title, good, look in CHARACTERISTICS
    ]
    visit = services.visit_assign(contract=contract, framework=framework, method="announced_visit", planned_on=datetime.date(2026, 9, 15),
                                  brief="Spend a day at Mill Lane. Talk to people about choosing what they do.", assessors=[rosa], by=priya)
    ratings = [(4, "I sat in the members' meeting. People chose the next trip by voting with stickers, and staff booked it while we were there."),
               (3, "Staff knew the names of people's families. One mum said nobody told her about the open day."),
               (2, "Most things happen inside the centre. Only one group went out to the library that day."),
               (3, "A support worker noticed Jo was quiet and sat with her. She said that happens a lot."),
               (3, "I saw the same staff all day. Two people said their favourite worker left in the summer.")]
    services.findings_save(visit=visit, visited_on=datetime.date(2026, 9, 15), submit=True, by=rosa,
                           summary="A friendly place where people feel listened to. They should go out more.",
                           findings={c: rating for c, rating in zip(characteristics, ratings, strict=True)})
    services.visit_review(visit=visit, by=priya, notes="Thank you, Rosa. We agree people should get out into the community more; "
                                                       "this goes to the October monitoring meeting.")
    services.visit_respond(visit=visit, by=dev, response="Thank you. From November one group each day will meet at the library "
                                                          "or the leisure centre, and we will send open-day invitations to families.")
    services.action_add(contract=contract, quality_visit=visit, description="Start a weekly group at the library", owner=dev,
                        due_on=datetime.date(2026, 11, 30), by=priya)
    _recognise(visit, rosa, priya)


def _recognise(visit: QualityVisit, assessor, by) -> None:
    """Rosa is paid for her time. The ledger refuses claims after its deadline; a re-seed long
    after the visit simply goes without."""
    try:
        from commissioning.involvement.services import claim_enter

        claim_enter(by=by, claimant=assessor, activity=visit.activity, kind="recognition", category="payment",
                    amount=Decimal("60.00"), description="A day's quality visit at the council's rate")
    except (ValidationError, ImportError):
        pass


def demo_meetings() -> list[MonitoringMeeting]:
    return list(MonitoringMeeting.objects.filter(contract__service_name=SERVICE_NAME).order_by("date"))

