"""Participatory budgeting pages: rounds, ideas, review, voting (online, with a code, on
paper), results and the organiser's settings."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from commissioning.access import programme_or_404
from coproduction.audit.services import client_ip
from coproduction.core.access import require_visible
from coproduction.core.csv_files import csv_download
from coproduction.core.forms import errors_onto_form
from coproduction.reports.services import report_job_request

from . import reports, selectors, services
from .forms import (
    BallotForm,
    CodeForm,
    PotForm,
    PrintForm,
    ProposalForm,
    RegistrationForm,
    ReviewForm,
    RoundForm,
)
from .models import Count, Proposal, Round, Voter, VotingCode

SECTION = "budgeting:round_list"
# Wrong codes allowed from one address for one round before a pause: codes are far too
# long to guess, and this stops anyone trying.
# (Per address, so a day centre's shared connection still leaves room for typing mistakes.)
CODE_TRIES = 20
CODE_LOCKOUT_SECONDS = 15 * 60


def _round_or_404(request: HttpRequest, programme_id: int, round_id: int, permission: str = "budgeting.view_round") -> Round:
    programme = programme_or_404(request, programme_id, "commissioning.view_programme_summary")
    round_ = selectors.round_for_page(programme=programme, round_id=round_id)
    round_.programme = programme  # loaded with its lead and stage for the page heading
    return require_visible(request, round_, permission, visible_perm="budgeting.view_round")


def _context(round_: Round, **extra) -> dict:
    return {"programme": round_.programme, "round": round_, "section_url_name": SECTION, **extra}


def _round_url(round_: Round, name: str = "round_detail", **kwargs) -> str:
    return reverse(f"budgeting:{name}", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk, **kwargs})


# ---------------------------------------------------------------------------
# Rounds
# ---------------------------------------------------------------------------
@require_GET
def round_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "commissioning.view_programme_summary")
    rounds = [round_ for round_ in selectors.round_list_for(programme=programme) if request.user.has_perm("budgeting.view_round", round_)]
    if not rounds and not request.user.has_perm("commissioning.view_programme", programme):
        raise Http404
    page = Paginator(rounds, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    can_add = request.user.has_perm("commissioning.manage_programme", programme)
    return render(request, "budgeting/round_list.html", {"programme": programme, "page": page, "can_add": can_add, "section_url_name": SECTION})


@require_http_methods(["GET", "POST"])
def round_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "commissioning.manage_programme")
    form = RoundForm(data=request.POST or None, programme=programme, with_pot=True)
    if form.is_valid():
        round_ = services.round_create(
            programme=programme, by=request.user, data=form.round_data(),
            pot_name=form.cleaned_data["pot_name"], pot_amount=form.cleaned_data["pot_amount"], reviewers=form.cleaned_data["reviewers"],
        )
        messages.success(request, "The round has started. People can now share their ideas.")
        return redirect(_round_url(round_))
    return render(request, "budgeting/round_form.html", {"programme": programme, "form": form, "section_url_name": SECTION, "adding": True})


@require_GET
def round_detail(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id)
    user = request.user
    context = _context(
        round_, pots=list(round_.pots.all()), voted_pot_ids=selectors.voted_pot_ids(round_=round_, user=user),
        can_manage=user.has_perm("budgeting.manage_round", round_), can_propose=user.has_perm("budgeting.propose", round_),
        can_vote=user.has_perm("budgeting.vote", round_), can_register=user.has_perm("budgeting.register", round_),
        can_review=user.has_perm("budgeting.review_proposals", round_),
        can_see_results=user.has_perm("budgeting.view_results", round_),
        proposal_count=round_.proposals.exclude(feasibility=Proposal.Feasibility.NOT_FEASIBLE).count(),
    )
    return render(request, "budgeting/round_detail.html", context)


@require_http_methods(["GET", "POST"])
def round_settings(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.manage_round")
    form = RoundForm(data=request.POST or None, instance=round_, programme=round_.programme)
    if form.is_valid():
        try:
            services.round_update(round_=round_, data=form.round_data(), reviewers=form.cleaned_data["reviewers"], by=request.user)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "The round's settings are saved.")
            return redirect(_round_url(round_))
    round_.refresh_from_db()  # the form's instance was changed by a failed validation
    return render(request, "budgeting/round_form.html", _context(round_, form=form, pots=list(round_.pots.all())))


@require_http_methods(["GET", "POST"])
def pot_add(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.manage_round")
    form = PotForm(data=request.POST or None, round_=round_)
    if form.is_valid():
        try:
            services.pot_add(round_=round_, name=form.cleaned_data["name"], amount=form.cleaned_data["amount"])
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "The pot is added.")
            return redirect(_round_url(round_, "round_settings"))
    return render(request, "budgeting/pot_form.html", _context(round_, form=form))


@require_POST
def round_move_on(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.manage_round")
    if request.POST.get("phase") != round_.phase:
        messages.error(request, "Someone else moved the round on. Check where it is now.")
        return redirect(_round_url(round_))
    try:
        round_ = services.round_move_on(round_=round_, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The round is now at: {round_.get_phase_display().lower()}.")
    return redirect(_round_url(round_))


@require_POST
def results_publish(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.manage_round")
    try:
        services.results_publish(round_=round_, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The results are published. Each funded idea is in the decisions log.")
    return redirect(_round_url(round_, "results"))


# ---------------------------------------------------------------------------
# Ideas
# ---------------------------------------------------------------------------
@require_GET
@vary_on_headers("HX-Request")
def proposal_list(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id)
    see_rejected = request.user.has_perm("budgeting.view_rejected", round_)
    proposals = selectors.proposals_for_list(round_=round_, user=request.user, see_rejected=see_rejected)
    page = Paginator(proposals, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    template = "budgeting/proposal_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#proposal-table"
    can_propose = request.user.has_perm("budgeting.propose", round_) and round_.phase == Round.Phase.PROPOSALS
    return render(request, template, _context(round_, page=page, can_propose=can_propose))


@require_http_methods(["GET", "POST"])
def proposal_add(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.propose")
    form = ProposalForm(data=request.POST or None, round_=round_)
    if request.method == "POST" and round_.phase != Round.Phase.PROPOSALS:
        form.add_error(None, "This round is no longer taking ideas.")
    if form.is_valid():
        try:
            proposal = services.proposal_create(round_=round_, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Thank you. Your idea is shared. Reviewers will check it can be done.")
            return redirect(_round_url(round_, "proposal_detail", proposal_id=proposal.pk))
    return render(request, "budgeting/proposal_form.html", _context(round_, form=form))


def _proposal_or_404(request: HttpRequest, round_: Round, proposal_id: int) -> Proposal:
    proposal = selectors.proposal_for_page(round_=round_, proposal_id=proposal_id)
    rejected = proposal.feasibility == Proposal.Feasibility.NOT_FEASIBLE
    if rejected and proposal.proposed_by_id != request.user.pk and not request.user.has_perm("budgeting.view_rejected", round_):
        raise Http404
    return proposal


@require_GET
def proposal_detail(request: HttpRequest, programme_id: int, round_id: int, proposal_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id)
    proposal = _proposal_or_404(request, round_, proposal_id)
    result = None
    if request.user.has_perm("budgeting.view_results", round_):
        result = getattr(proposal, "result", None)
    context = _context(
        round_, proposal=proposal, result=result, is_proposer=proposal.proposed_by_id == request.user.pk,
        # A visitor to a public programme follows the idea on "You said, we did", not in the
        # members' decisions log.
        can_open_decision=request.user.has_perm("commissioning.view_programme", round_.programme),
        can_review=request.user.has_perm("budgeting.review_proposals", round_) and round_.phase in (Round.Phase.PROPOSALS, Round.Phase.REVIEW),
    )
    return render(request, "budgeting/proposal_detail.html", context)


@require_http_methods(["GET", "POST"])
def proposal_review(request: HttpRequest, programme_id: int, round_id: int, proposal_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.review_proposals")
    proposal = _proposal_or_404(request, round_, proposal_id)
    initial = {"cost": proposal.cost, "reason": proposal.feasibility_reason}
    if proposal.feasibility != Proposal.Feasibility.PENDING:
        initial["feasible"] = "yes" if proposal.feasibility == Proposal.Feasibility.FEASIBLE else "no"
    form = ReviewForm(data=request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.proposal_review(
                proposal=proposal, by=request.user, feasible=form.cleaned_data["feasible"] == "yes",
                reason=form.cleaned_data["reason"].strip(), cost=form.cleaned_data["cost"],
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "The check is saved.")
            return redirect(_round_url(round_, "proposal_list"))
    return render(request, "budgeting/proposal_review.html", _context(round_, proposal=proposal, form=form))


# ---------------------------------------------------------------------------
# Voting
# ---------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.register")
    form = RegistrationForm(data=request.POST or None)
    if form.is_valid():
        try:
            services.registration_create(
                round_=round_, user=request.user, postcode=form.cleaned_data["postcode"], wants_updates=form.cleaned_data["wants_updates"],
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "You are registered to vote in this round.")
            return redirect(_round_url(round_))
    area = services.area_description(round_) if services.area_is_limited(round_) else ""
    return render(request, "budgeting/register.html", _context(round_, form=form, area=area))


def _ballot_page(request: HttpRequest, round_: Round, pot, *, user=None, code: VotingCode | None = None, paper: bool = False) -> HttpResponse | None:
    """Show a ballot, or record it; None once recorded."""
    proposals = services.feasible_proposals(pot=pot)
    initial = {}
    if not paper:
        mine = services.ballot_choices_for(pot=pot, user=user, code=code)
        initial = {"proposals": list(mine)} | {f"points_{pk}": points for pk, points in mine.items()}
    form = BallotForm(data=request.POST or None, initial=initial, round_=round_, pot=pot, proposals=proposals, with_code=paper)
    if request.method == "POST" and round_.phase != Round.Phase.VOTING:
        form.add_error(None, "Voting has closed. Your ballot was not counted.")
    if form.is_valid():
        if paper:
            code = services.code_find(round_=round_, raw=form.cleaned_data["code"])
            if code is None:
                form.add_error("code", "This is not a voting code for this round. Check the code on the ballot")
        if not form.errors:
            try:
                services.ballot_cast(pot=pot, choices=form.choices(), user=user, code=code, via=Voter.Via.PAPER if paper else Voter.Via.ONLINE)
            except ValidationError as error:
                errors_onto_form(form, error, "code" if getattr(error, "code", None) == "code_used" else None)
            else:
                return None
    context = _context(
        round_, pot=pot, form=form, rows=form.rows(), status=form.status(), paper=paper, with_code=code is not None and not paper,
        voted=bool(initial.get("proposals")), open=round_.phase == Round.Phase.VOTING,
        base_template="budgeting/code_base.html" if code is not None and not paper else "commissioning/programme_base.html",
    )
    return render(request, "budgeting/ballot.html", context)


@require_http_methods(["GET", "POST"])
def ballot(request: HttpRequest, programme_id: int, round_id: int, pot_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.vote")
    pot = selectors.pot_for_page(round_=round_, pot_id=pot_id)
    response = _ballot_page(request, round_, pot, user=request.user)
    if response is None:
        messages.success(request, "Thank you. Your vote is saved. You can change it until voting closes.")
        return redirect(_round_url(round_))
    return response


def _code_round_or_404(programme_id: int, round_id: int) -> Round:
    return selectors.round_for_code_voting(programme_id=programme_id, round_id=round_id)


def _code_session_key(round_: Round) -> str:
    return f"budgeting-code-{round_.pk}"


# Signed out on purpose: people without an account or email vote with the paper code they
# were given. The code travels only in the POST body and the session, never in a URL.
@login_not_required
@require_http_methods(["GET", "POST"])
def code_entry(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _code_round_or_404(programme_id, round_id)
    form = CodeForm(data=request.POST or None)
    address = hashlib.sha256((client_ip(request) or "").encode()).hexdigest()[:32]
    tries_key = f"budgeting:code-tries:{round_.pk}:{address}"
    if form.is_valid():
        if cache.get(tries_key, 0) >= CODE_TRIES:
            form.add_error("code", "Too many codes that did not work. Wait 15 minutes and try again, or ask the person running the vote")
        else:
            code = services.code_find(round_=round_, raw=form.cleaned_data["code"])
            if code is None or code.used_on_paper:
                cache.add(tries_key, 0, CODE_LOCKOUT_SECONDS)
                cache.incr(tries_key)
                message = "This code has already been used on a paper ballot" if code else "This code does not work. Check it against your voting slip"
                form.add_error("code", message)
            else:
                request.session.cycle_key()
                request.session[_code_session_key(round_)] = code.pk
                return redirect(_round_url(round_, "code_entry"))
    has_code = _code_session_key(round_) in request.session
    context = {"round": round_, "programme": round_.programme, "form": form, "has_code": has_code, "pots": list(round_.pots.all())}
    return render(request, "budgeting/code_entry.html", context)


@login_not_required  # as code_entry: the code held in the session is the permission
@require_http_methods(["GET", "POST"])
def code_ballot(request: HttpRequest, programme_id: int, round_id: int, pot_id: int) -> HttpResponse:
    round_ = _code_round_or_404(programme_id, round_id)
    code = selectors.voting_code_held(round_=round_, code_id=request.session.get(_code_session_key(round_)))
    if code is None:
        return redirect(_round_url(round_, "code_entry"))
    pot = selectors.pot_for_page(round_=round_, pot_id=pot_id)
    response = _ballot_page(request, round_, pot, code=code)
    if response is None:
        request.session.pop(_code_session_key(round_), None)
        return render(request, "budgeting/code_done.html", {"round": round_, "programme": round_.programme, "pot": pot})
    return response


@require_http_methods(["GET", "POST"])
def paper_ballot(request: HttpRequest, programme_id: int, round_id: int, pot_id: int) -> HttpResponse:
    """A facilitator types in a paper ballot, with the code printed on it."""
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.manage_round")
    pot = selectors.pot_for_page(round_=round_, pot_id=pot_id)
    response = _ballot_page(request, round_, pot, paper=True)
    if response is None:
        messages.success(request, "The paper ballot is counted. Enter the next one.")
        return redirect(_round_url(round_, "paper_ballot", pot_id=pot.pk))
    return response


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------
@require_GET
@vary_on_headers("HX-Request")
def results(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id)
    can_see = request.user.has_perm("budgeting.view_results", round_)
    count = getattr(round_, "count", None) if can_see else None
    context = _context(
        round_, can_see=can_see, count=count, can_manage=request.user.has_perm("budgeting.manage_round", round_),
        tie_break=services.TIE_BREAK_RULE, count_stuck=selectors.count_is_stuck(count=count),
    )
    # Nothing of the results reaches the page (or its partial) until the organiser may see them.
    if can_see and count is not None and count.status == Count.Status.DONE:
        turnout = {"online": count.voters_online, "paper": count.voters_paper, "total": count.voters_online + count.voters_paper}
        context.update(pots=selectors.results_by_pot(round_=round_), turnout=turnout)
    template = "budgeting/results.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#count-status"
    return render(request, template, context)


# Signed out on purpose: a public programme's published results are for everyone.
@login_not_required
@require_GET
def results_public(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = selectors.round_for_public_results(programme_id=programme_id, round_id=round_id)
    count = round_.count
    context = _context(
        round_, pots=selectors.funded_by_pot(round_=round_), voters=count.voters_online + count.voters_paper,
        unit="points" if round_.ballot_rule == Round.BallotRule.POINTS else "votes",
    )
    return render(request, "budgeting/results_public.html", context)


@require_POST
def count_requeue(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    """Queue a stuck count again. The beat sweep does the same within minutes; this is for
    the person waiting on the results page."""
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.view_results")
    count = getattr(round_, "count", None)
    if count is None:
        raise Http404
    if services.count_requeue_if_stuck(count=count):
        messages.success(request, "The votes are being counted again")
    return redirect(_round_url(round_, "results"))


@require_GET
def results_csv(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.view_results")
    count = getattr(round_, "count", None)
    if count is None or count.status != Count.Status.DONE:
        raise Http404
    unit = "Points" if round_.ballot_rule == Round.BallotRule.POINTS else "Votes"
    rows = [["Pot", "Rank", "Idea", "Cost (£)", unit, "Ballots choosing it", "Funded"]]
    rows += [
        [result.proposal.pot.name, result.rank, result.proposal.title, result.proposal.cost, result.votes, result.voters, "Yes" if result.funded else "No"]
        for result in selectors.results_for(round_=round_)
    ]
    return csv_download(rows, filename=f"budgeting-results-{round_.pk}.csv")


@require_http_methods(["GET", "POST"])
def print_paper(request: HttpRequest, programme_id: int, round_id: int) -> HttpResponse:
    round_ = _round_or_404(request, programme_id, round_id, "budgeting.manage_round")
    form = PrintForm(data=request.POST or None, round_=round_)
    if form.is_valid():
        ballots = form.cleaned_data["what"] == "ballots"
        job = report_job_request(
            kind=reports.BALLOTS if ballots else reports.CARDS, requested_by=request.user, subject=form.cleaned_data["pot"],
            request=request, options={"copies": form.cleaned_data["copies"]} if ballots else {},
        )
        return redirect("reports:job_detail", job_id=job.pk)
    return render(request, "budgeting/print.html", _context(round_, form=form))
