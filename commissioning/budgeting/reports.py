"""Paper for people who vote in person: ballots (each with its own voting code) and idea
cards with Easy Read wording, as tagged PDFs through the report pipeline."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind, TimeLimit
from coproduction.reports.models import ReportJob

from . import services
from .models import Pot, Proposal

# Kinds of report job (stored in ReportJob.kind).
BALLOTS = "budgeting_ballots"
CARDS = "budgeting_cards"


def _proposals(pot: Pot) -> list[Proposal]:
    return list(pot.proposals.filter(feasibility=Proposal.Feasibility.FEASIBLE).order_by("pk"))


def _ballots_context(job: ReportJob, progress) -> dict:
    pot = Pot.objects.select_related("round", "round__programme").get(pk=job.subject.pk)
    progress(20)
    # The codes exist in plain only here and in the PDF: printing the job again replaces them.
    codes = services.codes_issue(round_=pot.round, how_many=int(job.options.get("copies", 1)), print_job_id=job.pk)
    progress(40)
    return {"job": job, "pot": pot, "round": pot.round, "proposals": _proposals(pot), "codes": codes, "tie_break": services.TIE_BREAK_RULE}


def _cards_context(job: ReportJob, progress) -> dict:
    pot = Pot.objects.select_related("round", "round__programme").get(pk=job.subject.pk)
    return {"job": job, "pot": pot, "round": pot.round, "proposals": _proposals(pot)}


def _pots_round(pot):
    return pot.round


def _ballots_asked_for(job: ReportJob) -> int:
    return int(job.options.get("copies", 1))


# Ballots carry voting codes: only someone who still runs the round keeps them.
REPORT_KINDS[BALLOTS] = ReportKind(
    "budgeting/pdf/ballots.html", "Paper ballots", _ballots_context, view_perm="budgeting.manage_round", perm_object=_pots_round,
    # A page per ballot, up to 500 of them: each needs its own code issued and its page laid out.
    time_limit=TimeLimit(base=30, per_row=0.25, rows=_ballots_asked_for),
)
REPORT_KINDS[CARDS] = ReportKind(
    "budgeting/pdf/cards.html", "Idea cards", _cards_context, view_perm="budgeting.manage_round", perm_object=_pots_round,
)
