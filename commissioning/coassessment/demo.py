"""Demo data for the review part, for `manage.py seed_demo`. Idempotent. In the day
opportunities programme: reviews from people on the North Adults Team's caseload, a Working
Together for Change exercise whose top theme became a priority, a finished survey, a focus
group's themes, complaints and compliments about Dev's contract (Riverside Support), and a
co-assessment of it recorded in the decisions log."""

from coproduction.core.demo import demo_seeder
import datetime

from django.db import transaction
from django.utils import timezone

from careplans.demo import agreed_plan_content
from careplans.models import CarePlan, Review, ReviewItem
from coproduction.people.models import Person
from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from coproduction.accounts.models import Team, User

from . import services, wtfc_services
from .models import CoAssessment, FocusGroup, Survey, WtfcExercise
from .selectors import questions_of, wtfc_theme_counts

EXERCISE_TITLE = "What people said in their 2026 reviews"
SURVEY_TITLE = "What do you think of your day service?"
FOCUS_GROUP_TITLE = "Focus group at the Riverside Hub"
CO_ASSESSMENT_TITLE = "Co-assessment of Riverside day opportunities, first year"

# Six people's reviews (names are the council's records; the exercise takes them out).
REVIEWS = [
    ("Grace Adebayo", "Gracie", [
        ("working", "Gracie loves the art group on Tuesdays"),
        ("not_working", "There is nothing to do at the weekend, I stay in my room"),
        ("not_working", "The minibus comes late so I miss the start"),
        ("important_future", "I want a paid job, even a few hours"),
    ]),
    ("Owen Price", "", [
        ("working", "My support worker helps me cook my own tea"),
        ("not_working", "Saturdays and Sundays are boring, the centre is shut"),
        ("important_future", "Going to the football with my mates at weekends"),
    ]),
    ("Fatima Begum", "", [
        ("working", "Swimming with my friends on Thursdays"),
        ("not_working", "I can't get to the centre when the minibus doesn't come"),
        ("not_working", "Nothing happens at weekends near where I live"),
        ("important_future", "Learning to use the bus on my own"),
    ]),
    ("Declan Murphy", "Dec", [
        ("working", "Dec likes the gardening project"),
        ("not_working", "At the weekend I just watch TV all day"),
        ("important_future", "Work experience at the garden centre"),
    ]),
    ("Hannah Kowalski", "", [
        ("working", "The staff listen to me"),
        ("not_working", "Staff keep changing so I have to explain everything again"),
        ("not_working", "No clubs open on Sundays"),
        ("important_future", "Doing things at the weekend like everyone else"),
    ]),
    ("Marcus Reid", "", [
        ("working", "Music sessions are the best part of my week"),
        ("not_working", "Weekends are lonely, my mum works"),
        ("not_working", "The minibus takes the long way round, over an hour"),
        ("important_future", "A job in a shop"),
    ]),
]
THEMES = [
    ("Things to do at weekends", "I want to do things at the weekend, like everyone else", ("weekend", "saturday", "sunday")),
    ("Getting there", "I want to get there on time, or travel on my own", ("minibus", "bus")),
    ("Work", "I want a chance to work", ("job", "work")),
    ("Staff who know me", "I want staff who know me", ("staff", "support worker")),
]


def _reviews(team: Team, practitioner: User) -> None:
    for full_name, preferred, statements in REVIEWS:
        if Person.objects.filter(full_name=full_name).exists():
            continue
        person = Person.objects.create(full_name=full_name, preferred_name=preferred, team=team, practitioner=practitioner)
        plan = CarePlan.objects.create(person=person, version=1, status=CarePlan.Status.AGREED, created_by=practitioner,
                                       agreed_at=timezone.now(), agreed_by=practitioner,
                                       content=agreed_plan_content("To keep doing the things I enjoy, with the right help."))
        review = Review.objects.create(plan=plan, held_on=datetime.date(2026, 9, 15), decision=Review.Decision.CONTINUE,
                                       finished_at=timezone.now(), created_by=practitioner)
        ReviewItem.objects.bulk_create(
            ReviewItem(review=review, kind=kind, perspective=ReviewItem.Perspective.PERSON, text=text) for kind, text in statements
        )


def _wtfc(programme: Programme, team: Team, commissioner: User) -> None:
    if WtfcExercise.objects.filter(programme=programme, title=EXERCISE_TITLE).exists():
        return
    exercise = wtfc_services.wtfc_exercise_create(
        programme=programme, by=commissioner, title=EXERCISE_TITLE, teams=[team],
        reviews_from=datetime.date(2026, 1, 1), reviews_to=datetime.date(2026, 10, 31),
    )
    for name, i_statement, words in THEMES:
        theme = wtfc_services.wtfc_theme_create(exercise=exercise, name=name, i_statement=i_statement)
        for statement in exercise.statements.filter(theme__isnull=True):
            if any(word in statement.text.lower() for word in words):
                wtfc_services.wtfc_statement_move(statement=statement, theme=theme)
    top = wtfc_theme_counts(exercise=exercise)[0]
    wtfc_services.wtfc_priorities_create(exercise=exercise, themes=[top], by=commissioner)


def _survey(programme: Programme, commissioner: User, contract) -> None:
    if Survey.objects.filter(programme=programme, title=SURVEY_TITLE).exists():
        return
    survey = services.survey_create(
        programme=programme, by=commissioner, title=SURVEY_TITLE, shared_by_link=True, contract=contract,
        intro="Five questions about your day service. It takes about 5 minutes. Your answers are anonymous.",
    )
    services.question_add(survey=survey, kind="radios", text="How do you usually get there?", options=["Minibus", "Bus", "Taxi", "Someone drives me", "I walk"])
    services.question_add(survey=survey, kind="checkboxes", text="What would you like more of?", options=["Weekend activities", "Work experience", "Trips out", "Learning new skills"])
    services.question_add(survey=survey, kind="scale", text="How good is your day service?", hint="1 is very poor, 5 is very good")
    services.question_add(survey=survey, kind="short_text", text="What is the best thing about it?", required=False)
    services.question_add(survey=survey, kind="long_text", text="What one thing would you change?", hint="Please do not write anyone's name.", required=False)
    services.survey_open(survey=survey, by=commissioner)
    questions = questions_of(survey=survey)
    answers = [
        ("Minibus", ["Weekend activities", "Trips out"], 4, "The art group", "Open at weekends"),
        ("Minibus", ["Weekend activities"], 3, "My friends", "The minibus is late a lot"),
        ("Bus", ["Work experience"], 4, "Cooking", "Help to find a job"),
        ("Minibus", ["Weekend activities", "Learning new skills"], 2, "", "Something to do on Sundays"),
        ("Someone drives me", ["Trips out"], 5, "Music", ""),
        ("Minibus", ["Weekend activities", "Work experience"], 3, "Gardening", "Same staff every week"),
        ("Taxi", ["Weekend activities"], 4, "Swimming", "More trips to the seaside"),
    ]
    for answer in answers:
        services.survey_answer(survey=survey, questions=questions, answers=dict(zip([q.pk for q in questions], answer, strict=True)))
    services.survey_close(survey=survey, by=commissioner)


def _focus_group(programme: Programme, commissioner: User, contract) -> None:
    if FocusGroup.objects.filter(programme=programme, activity__title=FOCUS_GROUP_TITLE).exists():
        return
    group = services.focus_group_record(
        programme=programme, by=commissioner, title=FOCUS_GROUP_TITLE, held_on=datetime.date(2026, 10, 6), people_count=9,
        contract=contract, summary="Nine people who use the service and two carers, over lunch.",
    )
    services.focus_group_theme_add(focus_group=group, theme="Weekends are empty", people_count=7,
                                   what_people_said="Most people stay in all weekend.", suggestion="A Saturday club in the town centre")
    services.focus_group_theme_add(focus_group=group, theme="Transport makes people late", people_count=5,
                                   what_people_said="The minibus route is long and often late.", suggestion="Travel training, so people can use the bus")
    services.focus_group_theme_add(focus_group=group, theme="Staff are kind", people_count=6,
                                   what_people_said="People like the staff, but they change too often.")


def _complaints(contract, commissioner: User) -> None:
    from commissioning.monitoring.models import Complaint

    if Complaint.objects.filter(contract=contract).exists():
        return
    logged = [
        ("complaint", "reliability", "upheld", datetime.date(2026, 5, 12), 6),
        ("complaint", "communication", "resolved", datetime.date(2026, 6, 3), 2),
        ("complaint", "reliability", "partly_upheld", datetime.date(2026, 8, 20), 5),
        ("compliment", "staff", "thanked", datetime.date(2026, 7, 14), 8),
        ("compliment", "activities", "thanked", datetime.date(2026, 9, 2), 3),
    ]
    for kind, theme, outcome, received_on, count in logged:
        for n in range(count):
            services.complaint_log(contract=contract, by=commissioner, kind=kind, theme=theme, outcome=outcome,
                                   received_on=received_on + datetime.timedelta(days=n), summary="")


def _co_assessment(programme: Programme, commissioner: User, contract) -> None:
    if CoAssessment.objects.filter(programme=programme, activity__title=CO_ASSESSMENT_TITLE).exists():
        return
    members = list(programme.members.filter(left_on__isnull=True))
    co_assessment = services.co_assessment_start(
        programme=programme, by=commissioner, contract=contract, title=CO_ASSESSMENT_TITLE,
        looking_at_from=datetime.date(2026, 4, 1), looking_at_to=datetime.date(2026, 11, 30), participants=members,
    )
    services.co_assessment_decide(
        co_assessment=co_assessment, by=commissioner, change_needed=CoAssessment.ChangeNeeded.SOME,
        findings="People like the staff and the activities. Weekends are empty, and the minibus makes people late: "
                 "the survey, the focus group, complaints and people's reviews all say so.",
        what_change="Riverside runs a Saturday club from April, and offers travel training instead of the long minibus route.",
        decision_title="Change Riverside's day opportunities: weekends and travel", decided_by="The co-assessment group, by consensus",
    )


@transaction.atomic
@demo_seeder(140)
def seed_coassessment_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    team = Team.objects.filter(name="North Adults Team").first()
    if programme is None or team is None:
        return
    commissioner = User.objects.get(email="commissioner@demo.example")
    # Tom's caseload stays as the README describes it: these reviews are his colleague Joy's.
    practitioner = User.objects.get(email="j.adeyemi@demo.example")
    from commissioning.monitoring.models import Contract

    contract = (
        Contract.objects.filter(programme=programme, provider__name="Riverside Support Ltd").order_by("pk").first()
        or Contract.objects.filter(programme=programme).order_by("pk").first()
    )
    _reviews(team, practitioner)
    _wtfc(programme, team, commissioner)
    _survey(programme, commissioner, contract)
    _focus_group(programme, commissioner, contract)
    if contract is not None:
        _complaints(contract, commissioner)
        _co_assessment(programme, commissioner, contract)
