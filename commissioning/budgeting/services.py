"""Writes for participatory budgeting rounds: set-up, ideas, review, secret ballots, paper
codes, counting and publishing."""

import re
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count as CountOf
from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from commissioning.models import Activity, ActivityKind, Decision, GroupMember
from commissioning.services import stage_for_activity
from coproduction.core.csv_import import FileProblem, read_table
from coproduction.core.money import money_text
from coproduction.core.postcodes import normalise_postcode, postcode_district, postcode_sector

from . import notices, selectors
from .models import (
    AreaPostcode,
    Ballot,
    BallotChoice,
    Count,
    Pot,
    Proposal,
    Registration,
    Result,
    Round,
    Voter,
    VotingCode,
)

# Counts with Equal Shares over more ballots than this run in the background.
INLINE_COUNT_LIMIT = 5_000
# After this many starts a count is given up, so a count that kills its worker cannot loop.
MAX_COUNT_ATTEMPTS = 3
# Codes: 12 characters from 30 that cannot be mistaken for each other (no 0/O, 1/I/L, U),
# about 2^59 possibilities: guessing one is hopeless, and guesses are also locked out.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE_LENGTH = 12

# A council's own extract of the ONS Postcode Directory: a few tens of thousands of rows.
POSTCODE_FILE_MAX_BYTES = 200 * 1024 * 1024
POSTCODE_FILE_MAX_ROWS = 2_000_000

TIE_BREAK_RULE = (
    "When ideas have the same number of votes, the one that costs less comes first, "
    "then the one shared first."
)


# ---------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------
RULE_FIELDS = [
    "ballot_rule", "min_spend_percent", "min_choices", "max_choices", "points_total", "points_per_idea", "eligibility",
    "area_name", "area_postcodes", "area_code",
]


@transaction.atomic
def round_create(*, programme, by, data: dict, pot_name: str, pot_amount: int, reviewers=()) -> Round:
    activity = Activity.objects.create(
        programme=programme, stage=stage_for_activity(programme=programme, kind=ActivityKind.PARTICIPATORY_BUDGETING),
        kind=ActivityKind.PARTICIPATORY_BUDGETING,
        title=data["title"], summary=data["description"], recorded_by=by,
    )
    round_ = Round.objects.create(programme=programme, activity=activity, created_by=by, **data)
    Pot.objects.create(round=round_, name=pot_name, amount=pot_amount)
    round_.reviewers.set(reviewers)
    return round_


@transaction.atomic
def round_update(*, round_: Round, data: dict, reviewers, by) -> Round:
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.rule_locked and any(getattr(round_, name) != data.get(name, getattr(round_, name)) for name in RULE_FIELDS):
        raise ValidationError("The ballot rule and who can vote (and where they must live) cannot change once voting has opened.")
    for name, value in data.items():
        setattr(round_, name, value)
    round_.save()
    round_.reviewers.set(reviewers)
    Activity.objects.filter(pk=round_.activity_id).update(title=round_.title, summary=round_.description)
    return round_


@transaction.atomic
def pot_add(*, round_: Round, name: str, amount: int) -> Pot:
    if round_.rule_locked:
        raise ValidationError("Pots cannot be added once voting has opened.")
    return Pot.objects.create(round=round_, name=name, amount=amount)


NEXT_PHASE = {
    Round.Phase.PROPOSALS: Round.Phase.REVIEW,
    Round.Phase.REVIEW: Round.Phase.VOTING,
    Round.Phase.VOTING: Round.Phase.RESULTS,
}


@transaction.atomic
def round_move_on(*, round_: Round, by) -> Round:
    """The organiser moves the round to its next phase. Closing the vote wipes the ballot
    keys (no ballot can be traced to anyone from then on) and starts the count."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.phase not in NEXT_PHASE:
        raise ValidationError("This round has finished.")
    if round_.phase == Round.Phase.REVIEW and not round_.proposals.filter(feasibility=Proposal.Feasibility.FEASIBLE).exists():
        raise ValidationError("Check at least one idea can be done before voting opens.")
    round_.phase = NEXT_PHASE[round_.phase]
    if round_.phase == Round.Phase.RESULTS:
        round_.voting_closed_at = timezone.now()
        Ballot.objects.filter(pot__round=round_).update(key=None)
        # The postcode only showed the resident could vote: once voting closes it is not needed.
        Registration.objects.filter(round=round_).update(postcode="")
    round_.save(update_fields=["phase", "voting_closed_at"])
    if round_.phase == Round.Phase.RESULTS:
        count_start(round_=round_)
    notices.phase_changed(round_=round_)
    return round_


# ---------------------------------------------------------------------------
# Ideas and their review
# ---------------------------------------------------------------------------
@transaction.atomic
def proposal_create(*, round_: Round, by, data: dict) -> Proposal:
    if round_.phase != Round.Phase.PROPOSALS:
        raise ValidationError("This round is no longer taking ideas.")
    return Proposal.objects.create(round=round_, proposed_by=by, **data)


@transaction.atomic
def proposal_review(*, proposal: Proposal, by, feasible: bool, reason: str, cost: int) -> Proposal:
    if proposal.round.phase not in (Round.Phase.PROPOSALS, Round.Phase.REVIEW):
        raise ValidationError("Ideas cannot be checked once voting has opened.")
    proposal.feasibility = Proposal.Feasibility.FEASIBLE if feasible else Proposal.Feasibility.NOT_FEASIBLE
    proposal.feasibility_reason, proposal.cost = reason, cost
    proposal.reviewed_by, proposal.reviewed_at = by, timezone.now()
    proposal.save(update_fields=["feasibility", "feasibility_reason", "cost", "reviewed_by", "reviewed_at"])
    return proposal


# ---------------------------------------------------------------------------
# Who may vote: where residents must live
# ---------------------------------------------------------------------------
AREA_CODE = re.compile(r"[A-Z][0-9]{8}")  # a GSS code, like E06000064
_AREA_ITEM = re.compile(r"^([A-Z]{1,2})([0-9][0-9A-Z]?)(?: ([0-9]))?$")
_AREA_RANGE = re.compile(r"^([A-Z]{1,2})([0-9]{1,2})\s*(?:-|–|—|TO)\s*\1([0-9]{1,2})$")


@dataclass(frozen=True)
class Area:
    districts: frozenset[str]
    sectors: frozenset[str]


def area_parse(text: str) -> Area:
    """ "LA1-LA23, LA8 9" as the districts LA1 to LA23 and the sector LA8 9. Raises
    ValidationError naming the first part that is not a district, sector or range."""
    districts, sectors = set(), set()
    for raw in re.split(r"[,;\n]+", text or ""):
        item = " ".join(raw.upper().split())
        if not item:
            continue
        if match := _AREA_RANGE.match(item):
            letters, first, last = match.group(1), int(match.group(2)), int(match.group(3))
            if first > last:
                raise ValidationError(f"“{raw.strip()}” goes backwards. Write the lower district first, like LA1-LA23")
            districts |= {f"{letters}{number}" for number in range(first, last + 1)}
        elif match := _AREA_ITEM.match(item):
            district = match.group(1) + match.group(2)
            if match.group(3):
                sectors.add(f"{district} {match.group(3)}")
            else:
                districts.add(district)
        else:
            raise ValidationError(
                f"“{raw.strip()}” is not a postcode district or sector. Use districts like LA9, sectors like LA9 4 or ranges like LA1-LA23"
            )
    return Area(frozenset(districts), frozenset(sectors))


def area_is_limited(round_: Round) -> bool:
    return bool(round_.area_postcodes.strip() or round_.area_code)


def area_description(round_: Round) -> str:
    """Where voters must live, as the refusal message says it."""
    if round_.area_name and round_.area_postcodes.strip():
        return f"{round_.area_name} (postcodes {round_.area_postcodes.strip()})"
    return round_.area_name or f"the postcodes {round_.area_postcodes.strip()}"


def postcode_in_area(*, round_: Round, postcode: str) -> bool:
    """Whether a normalised postcode is where this round's voters must live."""
    if not area_is_limited(round_):
        return True
    area = area_parse(round_.area_postcodes)
    if postcode_district(postcode) in area.districts or postcode_sector(postcode) in area.sectors:
        return True
    return bool(round_.area_code) and AreaPostcode.objects.filter(postcode=postcode, area_code=round_.area_code).exists()


def registration_create(*, round_: Round, user, postcode: str, wants_updates: bool = False) -> Registration:
    """Register a resident to vote, once their postcode is checked against the round's area."""
    normalised = normalise_postcode(postcode)
    if normalised is None:
        raise ValidationError({"postcode": "Enter a real postcode, like LA9 4DL"})
    if round_.phase == Round.Phase.RESULTS:
        raise ValidationError("Voting has closed in this round.")
    if not postcode_in_area(round_=round_, postcode=normalised):
        where = round_.area_name or "the area for this round"
        raise ValidationError({
            "postcode": f"{normalised} is not in {where}. Only people who live in {area_description(round_)} can vote in this round."
        })
    registration, _ = Registration.objects.update_or_create(
        round=round_, user=user, defaults={"postcode": normalised, "wants_updates": wants_updates}
    )
    return registration


@dataclass(frozen=True)
class PostcodeImport:
    rows: int
    saved: int  # or, in a dry run, would be saved
    problems: list[str]


def area_postcodes_import(*, data: bytes, area_codes: set[str] | None = None, dry_run: bool = False) -> PostcodeImport:
    """Load the council's extract of the ONS Postcode Directory (a CSV file): postcode ("pcds",
    "pcd" or "postcode") and local authority code ("oslaua", "laua", "lad..cd" or "area_code").
    Rows with a bad postcode or no authority are listed, not loaded; `area_codes` keeps only
    those authorities. A dry run checks everything and saves nothing. Raises FileProblem when
    the file as a whole cannot be used."""
    rows = read_table(
        data, known=None, required=[], max_bytes=POSTCODE_FILE_MAX_BYTES, max_rows=POSTCODE_FILE_MAX_ROWS,
        rows_are="postcodes", one_row_is="postcode", headings_are="the ONS column headings (pcds and oslaua)",
    )
    headings = rows[0].keys()
    postcode_column = next((name for name in ("pcds", "pcd", "postcode") if name in headings), None)
    code_column = next((name for name in headings if name in ("oslaua", "laua", "area_code") or re.fullmatch(r"lad\d\dcd", name)), None)
    if postcode_column is None or code_column is None:
        raise FileProblem("The first row must be the ONS column headings: pcds (the postcode) and oslaua (the local authority code)")
    found: dict[str, str] = {}
    problems: list[str] = []
    for row in rows:
        postcode, code = normalise_postcode(row[postcode_column]), row[code_column].upper()
        if postcode is None:
            problems.append(f"Row {row['_row']}: “{row[postcode_column]}” is not a UK postcode")
        elif not AREA_CODE.fullmatch(code):
            problems.append(f"Row {row['_row']}: no local authority code, like E07000031")
        elif area_codes is None or code in area_codes:
            found[postcode] = code
    if not dry_run and found:
        with transaction.atomic():
            AreaPostcode.objects.bulk_create(
                (AreaPostcode(postcode=postcode, area_code=code) for postcode, code in found.items()),
                batch_size=5000, update_conflicts=True, unique_fields=["postcode"], update_fields=["area_code"],
            )
    return PostcodeImport(rows=len(rows), saved=len(found), problems=problems)


# ---------------------------------------------------------------------------
# Ballots
# ---------------------------------------------------------------------------
def _ideas(count: int) -> str:
    return f"{count} idea{'' if count == 1 else 's'}"


def ballot_problems(*, round_: Round, pot: Pot, proposals: dict[int, Proposal], choices: dict[int, int]) -> list[tuple[str | None, str]]:
    """What is wrong with a ballot, as (field, message) pairs in GOV.UK wording; empty when it
    is fine. `choices` maps proposal id to points (1 for the knapsack and approval rules).
    The live counter on the ballot (static/js/budgeting.mjs) says the same words."""
    chosen = {pk: points for pk, points in choices.items() if points}
    if any(pk not in proposals for pk in chosen):
        return [(None, "Choose ideas from the list")]
    rule = round_.ballot_rule
    if rule == Round.BallotRule.POINTS:
        problems = [
            (f"points_{pk}", f"Give no more than {round_.points_per_idea} points to “{proposals[pk].title}”")
            for pk, points in chosen.items()
            if points > round_.points_per_idea
        ]
        total = sum(chosen.values())
        if total > round_.points_total:
            problems.append((None, f"You have given {total} points. Give no more than {round_.points_total} points in total"))
        if not chosen:
            problems.append((None, "Give at least 1 point to an idea"))
        return problems
    if not chosen:
        return [("proposals", "Choose at least one idea")]
    if rule == Round.BallotRule.APPROVAL:
        if len(chosen) < round_.min_choices:
            return [("proposals", f"You have chosen {_ideas(len(chosen))}. Choose at least {round_.min_choices}.")]
        if len(chosen) > round_.max_choices:
            return [("proposals", f"You have chosen {_ideas(len(chosen))}. You can choose up to {round_.max_choices}.")]
        return []
    spent = sum(proposals[pk].cost for pk in chosen)
    if spent > pot.amount:
        return [("proposals", f"The ideas you chose cost {money_text(spent)}. You can spend up to {money_text(pot.amount)}.")]
    minimum = -(-pot.amount * round_.min_spend_percent // 100)
    if spent < minimum:
        return [("proposals", f"The ideas you chose cost {money_text(spent)}. Choose ideas that cost at least {money_text(minimum)} in total.")]
    return []


def ballot_status(*, round_: Round, pot: Pot, proposals: dict[int, Proposal], choices: dict[int, int]) -> str:
    """What the ballot's counter says before any JavaScript runs: what is chosen and what is
    left. The live counter (static/js/budgeting.mjs) says the same as people choose."""
    chosen = {pk: points for pk, points in choices.items() if points and pk in proposals}
    if round_.ballot_rule == Round.BallotRule.POINTS:
        left = round_.points_total - sum(chosen.values())
        if left < 0:
            return f"You have given {-left} point{'' if left == -1 else 's'} too many."
        return f"You have {left} point{'' if left == 1 else 's'} left to give."
    if round_.ballot_rule == Round.BallotRule.APPROVAL:
        return f"You have chosen {_ideas(len(chosen))}. You can choose up to {round_.max_choices}."
    spent = sum(proposals[pk].cost for pk in chosen)
    if spent > pot.amount:
        return f"The ideas you chose cost {money_text(spent)}. You can spend up to {money_text(pot.amount)}."
    return f"You have chosen {_ideas(len(chosen))} costing {money_text(spent)}. You have {money_text(pot.amount - spent)} left to spend."


def ballot_key(*, pot: Pot, user=None, code: VotingCode | None = None) -> str:
    who = f"user:{user.pk}" if user is not None else f"code:{code.pk}"
    return salted_hmac("commissioning.budgeting.ballot", f"{pot.pk}:{who}", algorithm="sha256").hexdigest()


def ballot_choices_for(*, pot: Pot, user=None, code: VotingCode | None = None) -> dict[int, int]:
    """The voter's own ballot, found only through their key, to show it back or change it."""
    rows = BallotChoice.objects.filter(ballot__key=ballot_key(pot=pot, user=user, code=code)).values_list("proposal_id", "points")
    return dict(rows)


def feasible_proposals(*, pot: Pot) -> dict[int, Proposal]:
    return {proposal.pk: proposal for proposal in pot.proposals.filter(feasibility=Proposal.Feasibility.FEASIBLE).order_by("pk")}


@transaction.atomic
def ballot_cast(*, pot: Pot, choices: dict[int, int], user=None, code: VotingCode | None = None, via: str = Voter.Via.ONLINE) -> None:
    """Record or replace a voter's ballot. Locks the round row so a ballot cannot land after
    voting closes (closing takes the same lock)."""
    round_ = Round.objects.select_for_update().get(pk=pot.round_id)
    if round_.phase != Round.Phase.VOTING:
        raise ValidationError("Voting has closed. Your ballot was not counted.")
    problems = ballot_problems(round_=round_, pot=pot, proposals=feasible_proposals(pot=pot), choices=choices)
    if problems:
        raise ValidationError([message for _, message in problems])
    if code is not None:
        code = VotingCode.objects.select_for_update().get(pk=code.pk)
        if code.used_on_paper:
            raise ValidationError("This voting code has already been used on a paper ballot", code="code_used")
        if via == Voter.Via.PAPER and code.voters.exists():
            raise ValidationError("This voting code has already been used to vote online", code="code_used")
    key = ballot_key(pot=pot, user=user, code=code)
    ballot = Ballot.objects.filter(key=key).first()
    if ballot is None:
        try:
            with transaction.atomic():
                Voter.objects.create(pot=pot, user=user, code=code, via=via)
        except IntegrityError:
            pass  # voted before, in a ballot still being written by another request
        ballot = Ballot.objects.create(pot=pot, key=key)
    else:
        ballot.choices.all().delete()
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, proposal_id=pk, points=points) for pk, points in choices.items() if points
    )
    if code is not None and via == Voter.Via.PAPER:
        VotingCode.objects.filter(pk=code.pk).update(used_on_paper=True)


def has_voted(*, pot: Pot, user) -> bool:
    return Voter.objects.filter(pot=pot, user=user).exists()


# ---------------------------------------------------------------------------
# Paper voting codes
# ---------------------------------------------------------------------------
def normalise_code(raw: str) -> str:
    return "".join(character for character in raw.upper() if character.isalnum())


def code_digest(*, round_id: int, code: str) -> str:
    return salted_hmac("commissioning.budgeting.code", f"{round_id}:{normalise_code(code)}", algorithm="sha256").hexdigest()


def code_find(*, round_: Round, raw: str) -> VotingCode | None:
    """The code typed, if it is one of this round's. The lookup is by keyed hash, so what is
    compared in the database is never the code; the final check is constant-time."""
    if len(normalise_code(raw)) != CODE_LENGTH:
        return None
    digest = code_digest(round_id=round_.pk, code=raw)
    code = VotingCode.objects.filter(round=round_, digest=digest).first()
    if code is None or not constant_time_compare(code.digest, digest):
        return None
    return code


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@dataclass(frozen=True)
class IssuedCode:
    serial: int
    code: str


@transaction.atomic
def codes_issue(*, round_: Round, how_many: int, print_job_id=None) -> list[IssuedCode]:
    """New codes, returned in plain this once (for printing). A print job made again replaces
    the codes it made before that were never used, so a reprint leaves no stray valid codes."""
    Round.objects.select_for_update().filter(pk=round_.pk).first()
    if print_job_id is not None:
        VotingCode.objects.filter(print_job_id=print_job_id, used_on_paper=False, voters__isnull=True).delete()
    start = (VotingCode.objects.filter(round=round_).order_by("-serial").values_list("serial", flat=True).first() or 0) + 1
    issued = [IssuedCode(serial=start + index, code=_new_code()) for index in range(how_many)]
    VotingCode.objects.bulk_create(
        VotingCode(round=round_, serial=item.serial, digest=code_digest(round_id=round_.pk, code=item.code), print_job_id=print_job_id)
        for item in issued
    )
    return issued


# ---------------------------------------------------------------------------
# Counting and publishing
# ---------------------------------------------------------------------------
def _fund_by_votes(rows: list[dict], amount: int) -> set[int]:
    """Greedy: in order of votes (ties by the rule on the page), fund each idea that still fits."""
    funded, left = set(), amount
    for row in rows:
        if row["votes"] > 0 and row["cost"] <= left:
            funded.add(row["pk"])
            left -= row["cost"]
    return funded


def _approvals(pot: Pot) -> list[frozenset[int]]:
    """Each ballot's ideas, read in one ordered pass (approval sets for Equal Shares)."""
    ballots: list[frozenset[int]] = []
    current, chosen = None, []
    rows = BallotChoice.objects.filter(ballot__pot=pot).order_by("ballot_id").values_list("ballot_id", "proposal_id")
    for ballot_id, proposal_id in rows.iterator(chunk_size=20_000):
        if ballot_id != current and chosen:
            ballots.append(frozenset(chosen))
            chosen = []
        current = ballot_id
        chosen.append(proposal_id)
    if chosen:
        ballots.append(frozenset(chosen))
    return ballots


def _set_progress(count: Count, value: int) -> None:
    Count.objects.filter(pk=count.pk).update(progress=value, updated_at=timezone.now())


def count_start(*, round_: Round) -> Count:
    """Count now, or queue the count when Equal Shares over many ballots would hold up the page."""
    count, _ = Count.objects.update_or_create(
        round=round_, defaults={"status": Count.Status.QUEUED, "progress": 0, "attempts": 0, "error": "", "finished_at": None}
    )
    ballots = Ballot.objects.filter(pot__round=round_).count()
    if round_.method == Round.Method.EQUAL_SHARES and ballots > INLINE_COUNT_LIMIT:
        transaction.on_commit(lambda: _enqueue(count.pk))
    else:
        count_run(count=count)
    return count


def _enqueue(count_id: int) -> None:
    from .tasks import round_count_run as round_count_run_task  # tasks import services

    round_count_run_task.delay(count_id)


def count_run(*, count: Count) -> Count:
    """Votes per idea in SQL, then who is funded in each pot. Idempotent: running it again (a
    redelivered task) replaces the same rows in one transaction."""
    if count.status == Count.Status.DONE:
        return count
    Count.objects.filter(pk=count.pk).update(status=Count.Status.RUNNING, attempts=F("attempts") + 1, progress=5, updated_at=timezone.now())
    round_ = Round.objects.get(pk=count.round_id)
    tallies = list(
        Proposal.objects.filter(round=round_, feasibility=Proposal.Feasibility.FEASIBLE)
        .annotate(votes=Coalesce(Sum("ballot_choices__points"), 0), voters=CountOf("ballot_choices"))
        .order_by("pot_id", "-votes", "cost", "pk")
        .values("pk", "pot_id", "cost", "votes", "voters")
    )
    _set_progress(count, 30)
    pots = list(round_.pots.all())
    funded_by_votes: set[int] = set()
    equal_shares_order: dict[int, int] = {}
    for index, pot in enumerate(pots):
        rows = [row for row in tallies if row["pot_id"] == pot.pk]
        funded_by_votes |= _fund_by_votes(rows, pot.amount)
        if round_.method == Round.Method.EQUAL_SHARES and rows:
            from .equal_shares import equal_shares

            winners = equal_shares(budget=pot.amount, costs={row["pk"]: row["cost"] for row in rows}, approvals=_approvals(pot))
            equal_shares_order.update({pk: position for position, pk in enumerate(winners, start=1)})
        _set_progress(count, 30 + 60 * (index + 1) // max(1, len(pots)))
    ranks: dict[int, int] = {}
    results = []
    for row in tallies:
        ranks[row["pot_id"]] = ranks.get(row["pot_id"], 0) + 1
        by_equal_shares = equal_shares_order.get(row["pk"])
        results.append(Result(
            round=round_, proposal_id=row["pk"], votes=row["votes"], voters=row["voters"], rank=ranks[row["pot_id"]],
            funded_by_votes=row["pk"] in funded_by_votes, equal_shares_order=by_equal_shares,
            funded=(by_equal_shares is not None) if round_.method == Round.Method.EQUAL_SHARES else row["pk"] in funded_by_votes,
        ))
    turnout = dict(Voter.objects.filter(pot__round=round_).values_list("via").annotate(n=CountOf("pk")).values_list("via", "n"))
    with transaction.atomic():
        Result.objects.filter(round=round_).delete()
        Result.objects.bulk_create(results)
        Count.objects.filter(pk=count.pk).update(
            status=Count.Status.DONE, progress=100, finished_at=timezone.now(), updated_at=timezone.now(), error="",
            ballots=Ballot.objects.filter(pot__round=round_).count(),
            voters_online=turnout.get(Voter.Via.ONLINE, 0), voters_paper=turnout.get(Voter.Via.PAPER, 0),
        )
    count.refresh_from_db()
    return count


def count_fail(*, count: Count, message: str) -> None:
    Count.objects.filter(pk=count.pk).update(status=Count.Status.FAILED, error=message, finished_at=timezone.now(), updated_at=timezone.now())


def count_requeue_if_stuck(*, count: Count, stuck_after_seconds: int | None = None) -> bool:
    """Queue a count again when its message was lost (Redis restarted) or its worker died.
    Run by the beat sweep, and by an organiser's "Count the votes again" button."""
    if not selectors.count_is_stuck(count=count, stuck_after_seconds=stuck_after_seconds):
        return False
    if count.attempts >= MAX_COUNT_ATTEMPTS:
        count_fail(count=count, message="The count could not be finished. Ask for help if this keeps happening.")
        return False
    updated = Count.objects.filter(pk=count.pk, updated_at=count.updated_at).update(status=Count.Status.QUEUED, updated_at=timezone.now())
    if updated:
        transaction.on_commit(lambda: _enqueue(count.pk))
    return bool(updated)


@transaction.atomic
def results_publish(*, round_: Round, by) -> Round:
    """Make the results public, and carry each funded idea into the decisions log."""
    round_ = Round.objects.select_for_update(of=("self",)).select_related("activity").get(pk=round_.pk)
    count = Count.objects.filter(round=round_).first()
    if round_.phase != Round.Phase.RESULTS or count is None or count.status != Count.Status.DONE:
        raise ValidationError("The votes must be counted before the results can be published.")
    if round_.results_published:
        return round_
    method = round_.get_method_display().split(" (")[0].lower()
    funded = list(
        Result.objects.filter(round=round_, funded=True).select_related("proposal", "proposal__pot").order_by("proposal__pot__name", "rank")
    )
    voters = count.voters_online + count.voters_paper
    for result in funded:
        proposal = result.proposal
        decision = Decision.objects.create(
            programme=round_.programme, stage=round_.activity.stage,
            title=f"Fund “{proposal.title}”"[:200],
            decision=f"Fund “{proposal.title}” with {money_text(proposal.cost)} from the {proposal.pot.name} pot.",
            decided_by=f"The people who voted in “{round_.title}” ({voters} voters)"[:300],
            evidence=f"{result.votes} {'points' if round_.ballot_rule == Round.BallotRule.POINTS else 'votes'}, "
            f"number {result.rank} in its pot. Funded by the {method} rule.",
            you_said=f"You voted for “{proposal.title}” in “{round_.title}”: {proposal.description}"[:2000],
            recorded_by=by,
        )
        decision.informed_by.add(round_.activity)
        Proposal.objects.filter(pk=proposal.pk).update(decision=decision)
    round_.results_published_at, round_.results_published_by = timezone.now(), by
    round_.save(update_fields=["results_published_at", "results_published_by"])
    notices.results_published(round_=round_)
    Activity.objects.filter(pk=round_.activity_id).update(
        happened_on=timezone.localdate(),
        # Residents and code holders: people who took part without being group members.
        others_taking_part=Voter.objects.filter(pot__round=round_)
        .exclude(user__in=GroupMember.objects.filter(programme=round_.programme).values("user"))
        .values("user", "code").distinct().count(),
    )
    return round_
