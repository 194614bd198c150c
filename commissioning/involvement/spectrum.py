"""The Spectrum of Practice (Think Local Act Personal, "Co-production in commissioning"): the
practical steps a commissioning team can take to get better at co-production, in two stages,
"Getting started" and "Making progress". And the practical steps a practitioner can take so
their practice is "doing with, not doing to". Kept as data so the wording lives in one place.

The ladder position is derived from a round's ratings by the rule in ladder_for(); the rule in
plain English is LADDER_RULE, shown on the page beside the result."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from commissioning.models import LadderRung

GETTING_STARTED = "getting_started"
MAKING_PROGRESS = "making_progress"
STAGE_NAMES = {GETTING_STARTED: "Getting started", MAKING_PROGRESS: "Making progress"}

NOT_STARTED, STARTED, ESTABLISHED = "not_started", "started", "well_established"
RATING_CHOICES = [
    (NOT_STARTED, "Not started"),
    (STARTED, "Started"),
    (ESTABLISHED, "Well established"),
]
RATING_NAMES = dict(RATING_CHOICES)
RATING_ORDER = {NOT_STARTED: 0, STARTED: 1, ESTABLISHED: 2}


@dataclass(frozen=True)
class Step:
    key: str
    stage: str
    title: str
    text: str

    @property
    def stage_name(self) -> str:
        return STAGE_NAMES[self.stage]


STEPS: list[Step] = [
    Step("find_assets", GETTING_STARTED, "Find out what assets there are locally",
         "Find out what assets (informal support, assets and networks) you have locally. Check with "
         "colleagues whether other people have already found out about local assets."),
    Step("focus_groups", GETTING_STARTED, "Hold focus groups",
         "Hold focus groups with service providers, people who use services and their carers to find "
         "out what is working well locally and what is not."),
    Step("outcomes_framework", GETTING_STARTED, "Develop an outcomes framework with local people",
         "Develop an outcomes framework, working with local citizens and providers."),
    Step("quality_characteristics", GETTING_STARTED, "Agree how services should be provided",
         "Work with people who use services and their carers to develop a set of criteria or principles "
         "about how services should be provided (quality characteristics), such as co-producing services, "
         "sustainable business models, involving family and friends, working collaboratively and prevention."),
    Step("providers_together", GETTING_STARTED, "Support providers to work together",
         "Support local providers to work with people with care and support needs to explore ways of "
         "working closely together with others, such as consortia of providers, so local assets are used "
         "together in a useful way."),
    Step("procurement_panels", GETTING_STARTED, "Invite people onto procurement panels",
         "Invite people who are likely to benefit from services, and their carers, to be on procurement "
         "panels. Tell them what the panel is about well ahead, involve them in developing the questions, "
         "and use as little jargon as possible, explaining any that is used."),
    Step("peer_researchers", MAKING_PROGRESS, "Recruit and train peer researchers",
         "Recruit and train local people who use services to become peer researchers, and support them to "
         "interview people about their needs, aspirations and what they value, before you write service "
         "specifications."),
    Step("working_together_for_change", MAKING_PROGRESS, "Use a structured approach like Working Together for Change",
         "Use a structured approach like Working Together for Change, bringing together what people say in "
         "person-centred reviews about what is working, not working and important for the future."),
    Step("co_delivered_training", MAKING_PROGRESS, "Employ people who use services to co-deliver training",
         "Employ people who use services to co-deliver training with commissioners about co-production and "
         "personalisation for local providers, before tenders go out."),
    Step("whole_process", MAKING_PROGRESS, "Work with people throughout commissioning and procurement",
         "Work with local people who use services throughout the commissioning and procurement process: "
         "co-designing specifications, shortlisting, being on procurement panels, and reviewing and "
         "evaluating services."),
    Step("quality_assessors", MAKING_PROGRESS, "Pay people to check the quality of services",
         "Work with people who use services to develop a framework to check the quality of services, and "
         "create paid roles for people to visit projects as quality assessors and report to commissioners."),
    Step("networks", MAKING_PROGRESS, "Develop networks working towards the same aim",
         "Develop networks of providers, commissioners (including from outside social care and health), "
         "people who use services and carers that share an aim, a way of working, open discussion and "
         "information, and take part in every stage of commissioning, for example through alliance contracting."),
]
STEPS_BY_KEY = {step.key: step for step in STEPS}
STEP_KEYS = [step.key for step in STEPS]


@dataclass(frozen=True)
class StepEvidence:
    """Records on the platform that show a step happening. Each app that keeps such records
    registers one in its AppConfig.ready(), so this module never names them. describe() reads
    one query and returns a sentence about the records, or None when there are none yet."""

    step_key: str
    describe: Callable[[], str | None]
    url_name: str


STEP_EVIDENCE: list[StepEvidence] = []


def register_step_evidence(evidence: StepEvidence) -> None:
    if all(existing.url_name != evidence.url_name or existing.step_key != evidence.step_key for existing in STEP_EVIDENCE):
        STEP_EVIDENCE.append(evidence)


def records_for_steps() -> dict[str, list[tuple[str, str]]]:
    """Step key -> [(sentence, url name), ...] for every step with records that evidence it."""
    found: dict[str, list[tuple[str, str]]] = {}
    for evidence in STEP_EVIDENCE:
        sentence = evidence.describe()
        if sentence:
            found.setdefault(evidence.step_key, []).append((sentence, evidence.url_name))
    return found

LADDER_RULE = [
    ("Co-producing", "every “getting started” step is well established, and every “making progress” step has "
                     "started, with at least half of them well established."),
    ("Co-designing", "every “getting started” step is well established, and at least half of the "
                     "“making progress” steps have started."),
    ("Engaging", "every “getting started” step has at least started."),
    ("Consulting", "at least one step has started."),
    ("Informing", "no step has started yet."),
]


def _counts(ratings: Mapping[str, str], stage: str) -> tuple[int, int, int]:
    """(steps in the stage, steps started or well established, steps well established)."""
    keys = [step.key for step in STEPS if step.stage == stage]
    started = sum(1 for key in keys if RATING_ORDER.get(ratings.get(key, NOT_STARTED), 0) >= 1)
    established = sum(1 for key in keys if ratings.get(key) == ESTABLISHED)
    return len(keys), started, established


def ladder_for(ratings: Mapping[str, str]) -> LadderRung:
    """Where a team stands on the ladder of co-production, from its ratings {step key: rating}.
    The highest rung whose condition in LADDER_RULE holds; steps not rated count as not started."""
    gs_total, gs_started, gs_established = _counts(ratings, GETTING_STARTED)
    mp_total, mp_started, mp_established = _counts(ratings, MAKING_PROGRESS)
    if gs_established == gs_total and mp_started == mp_total and mp_established * 2 >= mp_total:
        return LadderRung.CO_PRODUCING
    if gs_established == gs_total and mp_started * 2 >= mp_total:
        return LadderRung.CO_DESIGNING
    if gs_started == gs_total:
        return LadderRung.ENGAGING
    if gs_started + mp_started > 0:
        return LadderRung.CONSULTING
    return LadderRung.INFORMING


def practice_stage(ratings: Mapping[str, str]) -> str:
    """"Making progress" once every getting-started step has started and a making-progress step has."""
    gs_total, gs_started, _ = _counts(ratings, GETTING_STARTED)
    _, mp_started, _ = _counts(ratings, MAKING_PROGRESS)
    return MAKING_PROGRESS if gs_started == gs_total and mp_started else GETTING_STARTED


def next_steps(ratings: Mapping[str, str], limit: int | None = None) -> list[tuple[Step, str]]:
    """The steps not yet well established, as (step, rating): "getting started" before "making
    progress", and within each, steps not started before steps started."""
    waiting = [step for step in STEPS if ratings.get(step.key) != ESTABLISHED]
    stage_order = {GETTING_STARTED: 0, MAKING_PROGRESS: 1}
    waiting.sort(key=lambda step: (stage_order[step.stage], RATING_ORDER.get(ratings.get(step.key, NOT_STARTED), 0)))
    found = [(step, ratings.get(step.key, NOT_STARTED)) for step in waiting]
    return found[:limit] if limit else found


# "Doing with, not doing to": a practitioner's practical steps (seed: a council's adult social
# care procedures, "Co-production in your practice").

@dataclass(frozen=True)
class PracticeStep:
    key: str
    text: str


PRACTICE_STEPS: list[PracticeStep] = [
    PracticeStep("explain", "I clearly explain what is happening, or going to happen, so the person or carer "
                            "understands and can decide how they want to be involved."),
    PracticeStep("involve", "I encourage the person or carer to be as involved as possible, and consider the "
                            "support they may need, such as a family member or an advocate."),
    PracticeStep("time_place", "I hold conversations and meetings at a time and place that work best for the "
                               "person or carer, taking account of their needs and preferences."),
    PracticeStep("communication", "I address communication and accessibility needs throughout, and give "
                                  "information in the right way so it can be understood and used."),
    PracticeStep("rapport", "I take time to build rapport and trust."),
    PracticeStep("strengths", "I focus on the person's or carer's strengths and abilities, and look for ways "
                              "to use and build on them."),
    PracticeStep("own_solutions", "I invite and encourage the person or carer to solve problems and find "
                                  "their own solutions."),
    PracticeStep("time_to_share", "I allow time for everyone involved to share, take in and discuss "
                                  "information, views and ideas."),
    PracticeStep("equal_weight", "I give equal weight to all ideas and options and consider each on its merits."),
    PracticeStep("agree_together", "I agree the outcome of assessments, plans and reviews together with the "
                                   "person or carer."),
]
PRACTICE_STEP_KEYS = [step.key for step in PRACTICE_STEPS]
PRACTICE_BY_KEY = {step.key: step for step in PRACTICE_STEPS}

RARELY, SOMETIMES, MOSTLY, ALWAYS = "rarely", "sometimes", "mostly", "always"
PRACTICE_ANSWERS = [
    (RARELY, "Rarely"),
    (SOMETIMES, "Sometimes"),
    (MOSTLY, "Mostly"),
    (ALWAYS, "Always"),
]
PRACTICE_ANSWER_NAMES = dict(PRACTICE_ANSWERS)
# "Rarely" or "sometimes" means the practice may be "doing to": worth a change.
TO_WORK_ON = frozenset({RARELY, SOMETIMES})
