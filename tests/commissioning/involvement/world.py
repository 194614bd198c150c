"""involvement records for the authorization matrix and the accessibility test."""

from commissioning.participants import activity_participants_add
from commissioning.models import ActivityKind
from coproduction.accounts.models import Role
from tests.commissioning.factories import ActivityFactory
from tests.commissioning.involvement.factories import (
    InvolvementProfileFactory,
    LocalPopulationFigureFactory,
    PeerResearcherFactory,
)


def build_involvement_world(world: dict) -> dict:
    users = world["users"]
    built = {}
    # ---- Profiles, reach and peer researchers ----
    # The PERSON user (a member of world["programme"], taking part in world["activity"]) has a
    # profile with access needs and equality answers; they are also the programme's peer researcher.
    built["involvement_profile"] = InvolvementProfileFactory(
        user=users[Role.PERSON], preferred_format="easy_read", access_needs=["step_free", "quiet_space"],
        age_band="50_64", ethnicity="black", disability="limited_a_lot",
    )
    built["peer_researcher"] = PeerResearcherFactory(member=world["member"], added_by=users[Role.COMMISSIONER])
    interview = ActivityFactory(
        programme=world["programme"], kind=ActivityKind.PEER_RESEARCH, title="Talking at the lunch club",
        happened_on="2026-10-08", recorded_by=users[Role.COMMISSIONER],
    )
    activity_participants_add(activity=interview, members=[world["member"]])
    built["peer_interview"] = interview
    built["population_figure"] = LocalPopulationFigureFactory(updated_by=users[Role.COMMISSIONER])
    built.update(build_ledger_world(world))
    return built


def build_ledger_world(world: dict) -> dict:
    """The recognition ledger, the self-assessment and the self-check.

    world["claim"]: the PERSON user's travel claim for world["activity"], waiting for approval.
    world["claim_export"]: a payment file holding the CARER user's approved payment.
    world["assessment_round"]: a self-assessment round the PERSON user assessed.
    world["self_check"]: the PRACTITIONER user's own "doing with" self-check."""
    from commissioning.involvement.ledger import services as ledger_services
    from tests.commissioning.involvement.factories import (
        AssessmentRoundFactory,
        ClaimFactory,
        RecognitionRateFactory,
        SelfCheckAnswerFactory,
        SelfCheckFactory,
        StepRatingFactory,
    )

    users = world["users"]
    commissioner = users[Role.COMMISSIONER]
    rate = RecognitionRateFactory(name="Workshop member", amount="20.00", set_by=commissioner)
    claim = ClaimFactory(claimant=users[Role.PERSON], activity=world["activity"], category="travel", amount="8.40")
    paid = ClaimFactory(claimant=users[Role.CARER], activity=world["activity"], category="payment", amount="40.00",
                        rate=rate, units="2", entered_by=commissioner)
    ledger_services.claim_approve(claim=paid, by=commissioner)
    export = ledger_services.claims_export(by=commissioner)
    assessment_round = AssessmentRoundFactory(title="Spring 2026 review", created_by=commissioner,
                                              other_assessors="Member of the carers' forum")
    assessment_round.assessors.add(users[Role.PERSON], commissioner)
    StepRatingFactory(assessment_round=assessment_round, step_key="find_assets", rating="well_established")
    StepRatingFactory(assessment_round=assessment_round, step_key="focus_groups", rating="started")
    self_check = SelfCheckFactory(practitioner=users[Role.PRACTITIONER], team=world["team"])
    SelfCheckAnswerFactory(self_check=self_check, step_key="explain", answer="mostly")
    return {"claim": claim, "claim_export": export, "recognition_rate": rate, "assessment_round": assessment_round, "self_check": self_check}
