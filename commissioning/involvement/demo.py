"""Demo data for people involved: involvement profiles for the demo's people with lived
experience, who took part (with residents met at a lunch club and through reviews, so the
figures are big enough to show), local population figures, and peer researchers with their
interviews. Idempotent: each part is made once."""

from coproduction.core.demo import demo_seeder
import datetime

from django.contrib.auth.hashers import make_password

from commissioning.demo import CARERS_BREAKS, DAY_OPPORTUNITIES
from commissioning.models import (
    Activity,
    ActivityKind,
    LadderRung,
    MemberRole,
    Programme,
)
from coproduction.accounts.models import Role, User

from .models import (
    EQUALITY_QUESTIONS,
    InvolvementProfile,
    LocalPopulationFigure,
    Participation,
    PeerResearcher,
)
from .services import participation_backfill
from commissioning.participants import activity_participants_add

EQUALITY_FIELDS = [field for field, *_rest in EQUALITY_QUESTIONS]
LUNCH_CLUB = "Listening at the Thursday lunch club"
REVIEWS = "What people said in their reviews"
FIRST_MEETING = "Carers' reference group: first meeting"

PROFILES = {
    "person@demo.example": {  # Al
        "contact_method": "phone", "contact_notes": "Ring Maureen if I do not answer.",
        "preferred_format": "large_print", "access_needs": ["step_free", "support_worker"],
        "other_access_needs": "Papers a week before, so Maureen can go through them with me.",
        "suitable_times": ["weekday_morning", "weekday_afternoon"], "suitable_places": ["near_home", "community"],
        "recognition": ["voucher"],
        "age_band": "65_74", "sex": "male", "gender_identity": "same", "ethnicity": "white",
        "disability": "limited_a_lot", "religion": "christian", "sexual_orientation": "prefer_not_to_say", "carer_status": "no",
    },
    "carer@demo.example": {  # Maureen
        "contact_method": "email", "preferred_format": "standard", "access_needs": ["hearing_loop"],
        "suitable_times": ["weekday_evening", "weekend"], "suitable_places": ["online", "near_home"],
        "times_and_places_notes": "Evenings once Al is settled.", "recognition": ["payment"],
        "age_band": "65_74", "sex": "female", "gender_identity": "same", "ethnicity": "white",
        "disability": "no", "religion": "christian", "sexual_orientation": "straight", "carer_status": "yes",
    },
    "assessor@demo.example": {  # Rosa
        "contact_method": "text", "preferred_format": "easy_read", "access_needs": ["quiet_space"],
        "suitable_times": ["weekday_afternoon"], "suitable_places": ["community", "online"],
        "recognition": ["accreditation", "training"],
        "age_band": "35_49", "sex": "female", "gender_identity": "same", "ethnicity": "mixed",
        "disability": "limited_a_little", "religion": "none", "sexual_orientation": "prefer_not_to_say", "carer_status": "no",
    },
    "provider@demo.example": {  # Dev
        "contact_method": "email", "preferred_format": "standard", "access_needs": [],
        "suitable_times": ["weekday_morning"], "suitable_places": ["council", "online"], "recognition": ["nothing"],
        "age_band": "35_49", "sex": "male", "ethnicity": "asian", "religion": "hindu",
    },
}

# Residents met where they already are. (full name, age band, sex, ethnicity, disability, carer)
RESIDENTS = [
    ("Bernadette Quinn", "75_84", "female", "white", "limited_a_lot", "no"),
    ("Tariq Hussain", "50_64", "male", "asian", "limited_a_little", "yes"),
    ("Grace Mensah", "65_74", "female", "black", "limited_a_lot", "no"),
    ("Owen Price", "25_34", "male", "white", "limited_a_lot", "no"),
    ("Shabana Begum", "35_49", "female", "asian", "no", "yes"),
    ("Leon Campbell", "18_24", "male", "mixed", "limited_a_lot", "no"),
    ("Irene Kowalski", "85_plus", "female", "white", "limited_a_lot", "no"),
    ("Patrick Doyle", "65_74", "male", "white", "limited_a_little", "yes"),
    ("Aisha Abdi", "25_34", "female", "black", "limited_a_little", "prefer_not_to_say"),
    ("Harold Jenkins", "75_84", "male", "white", "limited_a_lot", "no"),
    ("Priti Desai", "50_64", "female", "asian", "no", "yes"),
    ("Daniel Okonkwo", "35_49", "male", "black", "limited_a_lot", "no"),
    ("Margaret Ellis", "75_84", "female", "white", "limited_a_little", "yes"),
    ("Sean Murphy", "50_64", "male", "white", "prefer_not_to_say", "no"),
    ("Yusuf Ali", "18_24", "male", "asian", "limited_a_lot", "no"),
    ("Carol Whitehead", "65_74", "female", "white", "limited_a_lot", "yes"),
]

# Invented for the demo, in the shape of the 2021 Census tables for a borough.
POPULATION = {
    "age_band": {"under_18": 41200, "18_24": 17800, "25_34": 27900, "35_49": 39600, "50_64": 36100,
                 "65_74": 19900, "75_84": 12400, "85_plus": 5100},
    "sex": {"female": 102300, "male": 97700},
    "ethnicity": {"asian": 29800, "black": 14100, "mixed": 7900, "white": 143600, "other": 4600},
    "disability": {"limited_a_lot": 15200, "limited_a_little": 19800, "no": 165000},
    "carer_status": {"yes": 17600, "no": 182400},
}
POPULATION_SOURCE = "Census 2021 (ONS), figures for the demo borough"


def _profiles(users: dict) -> None:
    for email, answers in PROFILES.items():
        if email in users:
            InvolvementProfile.objects.get_or_create(user=users[email], defaults=answers)


def _residents(programme: Programme, commissioner) -> list:
    """Residents who took part once, at the lunch club or through their reviews: past members of
    the group, so they are counted but not offered places on panels or invitations."""
    members = []
    for position, (name, age, sex, ethnicity, disability, carer) in enumerate(RESIDENTS, start=1):
        email = f"resident{position:02d}@demo.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create(email=email, full_name=name, password=make_password(None), roles=[Role.PERSON])
        InvolvementProfile.objects.get_or_create(user=user, defaults={
            "contact_method": "someone", "age_band": age, "sex": sex, "ethnicity": ethnicity, "disability": disability,
            "carer_status": carer, "access_needs": ["step_free"] if disability == "limited_a_lot" else [],
        })
        member, _ = programme.members.get_or_create(user=user, defaults={
            "member_role": MemberRole.LIVED_EXPERIENCE, "added_by": commissioner,
            "joined_on": datetime.date(2026, 9, 24), "left_on": datetime.date(2026, 10, 22),
        })
        members.append(member)
    return members


def _activity(programme, by, *, title, kind, happened_on, summary, rung, members) -> Activity:
    activity, created = Activity.objects.get_or_create(programme=programme, title=title, defaults={
        "stage": programme.current_stage, "kind": kind, "happened_on": happened_on, "summary": summary,
        "ladder_rung": rung, "recorded_by": by,
    })
    if created:
        activity_participants_add(activity=activity, members=members)
    return activity


def _peer_research(programme: Programme, users: dict, residents: list) -> None:
    commissioner, rosa, al = users["commissioner@demo.example"], users["assessor@demo.example"], users["person@demo.example"]
    rosa_member, _ = programme.members.get_or_create(user=rosa, defaults={
        "member_role": MemberRole.LIVED_EXPERIENCE, "added_by": commissioner, "joined_on": datetime.date(2026, 5, 11),
    })
    PeerResearcher.objects.get_or_create(programme=programme, member=rosa_member, defaults={
        "recruited_on": datetime.date(2026, 5, 11), "trained_on": datetime.date(2026, 6, 3), "added_by": commissioner,
        "training_notes": "Two-day peer research course with the university: asking open questions, listening, "
                          "consent, and keeping what people say safe. Accredited at level 2.",
    })
    al_member = programme.members.filter(user=al).first()
    if al_member is not None:
        PeerResearcher.objects.get_or_create(programme=programme, member=al_member, defaults={
            "recruited_on": datetime.date(2026, 4, 1), "trained_on": datetime.date(2026, 4, 15), "added_by": commissioner,
            "training_notes": "Half-day introduction with Rosa; Al interviews with Maureen's support.",
        })
    _activity(
        programme, commissioner, title=LUNCH_CLUB, kind=ActivityKind.PEER_RESEARCH, happened_on=datetime.date(2026, 9, 24),
        rung=LadderRung.CO_DESIGNING, members=[rosa_member, *residents[:10]],
        summary="Rosa talked with people at the lunch club about what a good day looks like. Transport and "
                "having somewhere to go on Saturdays came up most.",
    )
    _activity(
        programme, commissioner, title="Interviews at the Brook Lane allotment", kind=ActivityKind.PEER_RESEARCH,
        happened_on=datetime.date(2026, 10, 8), rung=LadderRung.CO_DESIGNING, members=[rosa_member],
        summary="Rosa met four people who stopped using day services: they want to be outside and useful.",
    )
    _activity(
        programme, commissioner, title=REVIEWS, kind=ActivityKind.WORKING_TOGETHER_FOR_CHANGE, happened_on=datetime.date(2026, 10, 22),
        rung=LadderRung.ENGAGING, members=residents[10:],
        summary="What was working and not working for people, from their reviews, with their agreement.",
    )


def _before_this_year(users: dict) -> None:
    """Maureen has been involved since 2025, so this year she is not taking part for the first time."""
    programme = Programme.objects.filter(title=CARERS_BREAKS).first()
    carer = users.get("carer@demo.example")
    if programme is None or carer is None:
        return
    member = programme.members.filter(user=carer).first()
    if member is not None:
        _activity(
            programme, programme.lead, title=FIRST_MEETING, kind=ActivityKind.MEETING, happened_on=datetime.date(2025, 10, 9),
            rung=LadderRung.ENGAGING, members=[member], summary="Carers agreed what they wanted the review to find out.",
        )


def _population(commissioner) -> None:
    if LocalPopulationFigure.objects.exists():
        return
    LocalPopulationFigure.objects.bulk_create([
        LocalPopulationFigure(question=question, answer=answer, people=people, source=POPULATION_SOURCE, updated_by=commissioner)
        for question, figures in POPULATION.items() for answer, people in figures.items()
    ])


def _answers_at_the_time(users: dict) -> None:
    """The demo's programmes were seeded before these profiles: give the people's earlier
    snapshots the answers they would have had then (a real site only ever snapshots going forward)."""
    for user in users.values():
        profile = InvolvementProfile.objects.filter(user=user).first()
        if profile is not None:
            Participation.objects.filter(user=user, age_band="", sex="", ethnicity="").update(
                **{field: getattr(profile, field) for field in EQUALITY_FIELDS}
            )


@demo_seeder(100)
def seed_involvement_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
    users = {user.email: user for user in User.objects.filter(email__in=[*PROFILES, "commissioner@demo.example"])}
    commissioner = users.get("commissioner@demo.example")
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if commissioner is None or programme is None:
        return
    _profiles(users)
    participation_backfill()
    _answers_at_the_time(users)
    residents = _residents(programme, commissioner)
    _peer_research(programme, users, residents)
    _before_this_year(users)
    _population(commissioner)
    from .ledger.demo import seed_ledger_demo
    from .selfassessment.demo import seed_selfassessment_demo

    seed_ledger_demo()
    seed_selfassessment_demo()


@demo_seeder(151)
def seed_involvement_consent_demo() -> None:
    """Al's involvement profile in the consent register: his own to give and to take back."""
    from datetime import timedelta

    from django.utils import timezone

    from coproduction.governance.consent.wording import wording_for
    from coproduction.governance.models import Consent

    al = User.objects.filter(email="person@demo.example").first()
    key = f"involvement_profile:user:{getattr(al, 'pk', None)}"
    if al is None or not InvolvementProfile.objects.filter(user=al).exists():
        return
    if Consent.objects.filter(subject_key=key, event="given").exists():
        return
    version, wording = wording_for(Consent.Purpose.INVOLVEMENT_PROFILE)
    Consent.objects.create(
        purpose=Consent.Purpose.INVOLVEMENT_PROFILE, subject_key=key, event="given", recorded_at=timezone.now() - timedelta(days=60),
        recorded_by=al, wording_version=version, wording=wording, user=al, given_by="account_holder",
    )
