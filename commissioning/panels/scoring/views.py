"""Bids, independent scoring, moderation, price, totals, the award and the panel's outputs."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import require_visible
from coproduction.core.downloads import members_file_download
from coproduction.core.forms import errors_onto_form
from coproduction.core.uploads import DOCUMENT_CONTENT_TYPES
from coproduction.reports.services import report_job_request

from ..models import Panel, PanelMember
from commissioning.specifications.models import EvaluationCriterion

from ..rules import is_conflicted, may_moderate_bidder, remember_conflicts, remember_membership
from . import ocds, selectors, services
from .forms import (
    AnnotationForm,
    AwardForm,
    ModerationForm,
    PriceForm,
    ResponseForm,
    ScoreForm,
    ShortlistForm,
)
from .reports import FEEDBACK_LETTER, PANEL_REPORT, SHORTLIST_LETTER

TAB = "panels:panel_list"


def _panel(request: HttpRequest, programme_id: int, panel_id: int, permission: str) -> tuple[Panel, PanelMember | None]:
    """The panel and the user's own membership. Not on the panel (and not a commissioner) is a
    404, so a panel's existence stays private; on it but not allowed this page is a 403."""
    panel = require_visible(request, selectors.panel_for_scoring(programme_id=programme_id, panel_id=panel_id))
    member = selectors.own_membership(panel=panel, user=request.user)
    remember_membership(request.user, member, panel_id=panel.pk)
    return require_visible(request, panel, permission, visible_perm="panels.view_panel"), member


def _url(name: str, panel: Panel, **kwargs) -> str:
    return reverse(name, kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **kwargs})


# The pages of this part, and who may open each: the links shown along the top.
PAGES = [
    ("Bids", "panels:bids", "panels.enter_bids"),
    ("Shortlisting", "panels:shortlisting", "panels.score_bids"),
    ("Score the bids", "panels:scoring", "panels.score_bids"),
    ("Moderation", "panels:moderation", "panels.moderate"),
    ("Totals and award", "panels:totals", "panels.view_totals"),
]


def _context(request: HttpRequest, panel: Panel, current: str = "", **extra) -> dict:
    links = [
        (label, _url(name, panel), name == current)
        for label, name, permission in PAGES if request.user.has_perm(permission, panel)
    ]
    return {
        "programme": panel.programme, "panel": panel, "section_url_name": TAB,
        "panel_url": _url("panels:panel_detail", panel), "links": links, **extra,
    }


def _form_page(request, panel: Panel, form, page_title: str, back_url: str, intro: str = "", template: str = "commissioning/form.html", **extra):
    return render(request, template, _context(request, panel, form=form, page_title=page_title, intro=intro, back_url=back_url, back_label="Back", **extra))


# ---- Bids ----

@require_GET
def bids(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.enter_bids")
    questions = selectors.agreed_questions(panel=panel)
    responses = selectors.responses_by_bidder_question(panel=panel)
    rows = [
        (bidder, [(question, responses.get((bidder.pk, question.pk))) for question in questions])
        for bidder in selectors.bidders_of(panel=panel, with_consortia=True)
    ]
    return render(request, "panels/scoring/bids.html", _context(request, panel, "panels:bids", rows=rows, questions=questions))


@require_http_methods(["GET", "POST"])
def response_enter(request: HttpRequest, programme_id: int, panel_id: int, bidder_id: int, question_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.enter_bids")
    bidder = selectors.bidder_or_404(panel=panel, bidder_id=bidder_id)
    question = selectors.question_or_404(panel=panel, question_id=question_id)
    existing = selectors.response_of(bidder=bidder, question=question)
    initial = {"text": existing.text} if existing else None
    form = ResponseForm(data=request.POST or None, files=request.FILES or None, initial=initial, has_file=bool(existing and existing.file))
    if form.is_valid():
        try:
            services.response_save(
                bidder=bidder, question=question, text=form.cleaned_data["text"], file=form.cleaned_data.get("file") or None,
                file_type=form.file_type, by=request.user, request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Answer saved for {bidder.name}")
            return redirect(_url("panels:bids", panel))
    return _form_page(
        request, panel, form, f"{bidder.name}: answer to a question", _url("panels:bids", panel),
        intro=f"{question.criterion.title} (weight {question.criterion.weight}): {question.text}",
    )


@require_GET
def response_file(request: HttpRequest, programme_id: int, panel_id: int, response_id: int) -> FileResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.see_bids")
    # A conflicted member is not told what the bidder wrote, or that it exists.
    response = require_visible(request, selectors.response_or_404(panel=panel, response_id=response_id, member=None),
                               "panels.view_response", visible_perm="panels.view_response")
    return members_file_download(request, record=response, content_types=DOCUMENT_CONTENT_TYPES, name="bid",
                                 detail="bid file downloaded")


# ---- Shortlisting ----

@require_GET
def shortlisting(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.score_bids")
    questions, rows = selectors.shortlisting(panel=panel)
    return render(request, "panels/scoring/shortlisting.html", _context(
        request, panel, "panels:shortlisting", questions=questions,
        rows=[(row, request.user.has_perm("panels.score_bidder", row.bidder)) for row in rows],
        is_open=panel.status == Panel.Status.PREPARING, can_letters=request.user.has_perm("panels.feedback_letters", panel),
    ))


@require_http_methods(["GET", "POST"])
def shortlist_check(request: HttpRequest, programme_id: int, panel_id: int, bidder_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.score_bids")
    bidder = require_visible(request, selectors.bidder_or_404(panel=panel, bidder_id=bidder_id), "panels.score_bidder",
                             visible_perm="panels.score_bidder")
    back = _url("panels:shortlisting", panel)
    questions, _ = selectors.shortlisting(panel=panel)
    if panel.status != Panel.Status.PREPARING or not questions:
        messages.error(request, "Shortlisting is over: scoring has started" if questions else "This tender has no shortlisting questions")
        return redirect(back)
    initial = {}
    for check in selectors.shortlist_checks_of(bidder=bidder):
        initial |= {f"result_{check.question_id}": "yes" if check.passed else "no", f"reason_{check.question_id}": check.reason}
    form = ShortlistForm(data=request.POST or None, initial=initial, questions=questions)
    if form.is_valid():
        try:
            services.shortlist_record(bidder=bidder, member=member, results=form.results(), by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Shortlisting saved for {bidder.name}")
            return redirect(back)
    return _form_page(
        request, panel, form, f"Shortlisting: {bidder.name}", back,
        intro="Check the bid against each question the specification set. A bid that does not meet one is not scored, "
        "and the bidder is told the reason you write here.",
    )


@require_POST
def shortlist_letter_pdf(request: HttpRequest, programme_id: int, panel_id: int, bidder_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.feedback_letters")
    bidder = selectors.bidder_or_404(panel=panel, bidder_id=bidder_id)
    if not selectors.was_not_shortlisted(bidder=bidder):
        messages.error(request, "Only a bidder who was not shortlisted gets a shortlisting letter")
        return redirect(_url("panels:shortlisting", panel))
    job = report_job_request(kind=SHORTLIST_LETTER, requested_by=request.user, subject=bidder, request=request)
    return redirect("reports:job_detail", job_id=job.pk)


# ---- Independent scoring ----

@require_GET
def scoring(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.score_bids")
    responses = selectors.responses_to_score(panel=panel, member=member)
    page = Paginator(responses, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    # Before scoring opens, the page says which criteria still need an agreed question.
    criteria = selectors.criteria_of(panel=panel) if panel.status == Panel.Status.PREPARING else []
    return render(request, "panels/scoring/scoring.html", _context(
        request, panel, "panels:scoring", page=page, member=member, criteria=criteria,
        missing=selectors.criteria_missing_questions(criteria),
        progress=selectors.scoring_progress(panel=panel, member=member) if panel.status != Panel.Status.PREPARING else None,
        can_moderate=request.user.has_perm("panels.start_moderation", panel),
        can_open=request.user.has_perm("panels.manage_panel", panel),
        is_open=panel.status == Panel.Status.SCORING,
    ))


@require_http_methods(["GET", "POST"])
def response_detail(request: HttpRequest, programme_id: int, panel_id: int, response_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.see_bids")
    # A conflicted member is not told what the bidder wrote, or that it exists.
    response = require_visible(request, selectors.response_or_404(panel=panel, response_id=response_id, member=member),
                               "panels.view_response", visible_perm="panels.view_response")
    can_score = (
        response.my_score is None and panel.status == Panel.Status.SCORING and not is_conflicted(member, response.bidder_id)
    )
    form = ScoreForm(data=request.POST if request.method == "POST" else None, score_max=panel.score_max) if can_score else None
    if request.method == "POST":
        if form is None:
            messages.error(request, services.AWARDED_MESSAGE if panel.is_awarded else "You cannot score this answer now")
            return redirect(_url("panels:response_detail", panel, response_id=response.pk))
        if form.is_valid():
            try:
                services.score_submit(response=response, member=member, by=request.user, request=request, **{
                    "value": form.cleaned_data["value"], "reason": form.cleaned_data["reason"]})
            except ValidationError as error:
                errors_onto_form(form, error)
            else:
                messages.success(request, "Your score is saved. You can now see the other members' scores for this answer.")
                return redirect(_url("panels:response_detail", panel, response_id=response.pk))
    else:
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=response, request=request, detail="bid answer read")
    scores = selectors.response_scores(response=response) if request.user.has_perm("panels.view_response_scores", response) else None
    return render(request, "panels/scoring/response_detail.html", _context(
        request, panel, response=response, form=form, scores=scores, member=member,
        can_moderate=request.user.has_perm("panels.moderate_response", response) and panel.status == Panel.Status.MODERATING,
    ))


@require_POST
def scoring_open(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.manage_panel")
    try:
        services.scoring_open(panel=panel, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Scoring is open. Members can now read and score the bids.")
    return redirect(_url("panels:scoring", panel))


@require_POST
def moderation_start(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.start_moderation")
    try:
        services.moderation_start(panel=panel, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(_url("panels:scoring", panel))
    messages.success(request, "Scoring is closed. Everyone's scores are now shown side by side.")
    return redirect(_url("panels:moderation", panel))


# ---- Moderation ----

@require_GET
def moderation(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.moderate")
    flagged_only = request.GET.get("show") == "flagged"
    members = selectors.members_of(panel=panel)
    remember_conflicts(panel, members)
    viewer = next((m for m in members if member is not None and m.pk == member.pk), member)
    rows = []
    page = None
    if panel.status in (Panel.Status.MODERATING, Panel.Status.AWARDED):
        page = Paginator(selectors.responses_for_moderation(panel=panel, flagged_only=flagged_only), settings.PAGE_SIZE).get_page(request.GET.get("page"))
        for response in page:
            by_member = {score.member_id: score for score in response.scores.all()}
            cells = [
                (m, by_member.get(m.pk), any(c.bidder_id == response.bidder_id for c in m.conflicts.all())) for m in members
            ]
            spread = (response.high - response.low) if response.score_count else 0
            response.bidder.panel = panel
            rows.append((response, cells, spread >= selectors.SPREAD_FLAG, may_moderate_bidder(viewer, panel, response.bidder_id)))
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=panel, request=request, detail="moderation: all scores read")
    return render(request, "panels/scoring/moderation.html", _context(
        request, panel, "panels:moderation", members=members, rows=rows, page=page, flagged_only=flagged_only,
        counts=selectors.moderation_counts(panel=panel), spread_flag=selectors.SPREAD_FLAG,
        extra_query="show=flagged&" if flagged_only else "",
    ))


@require_http_methods(["GET", "POST"])
def response_moderate(request: HttpRequest, programme_id: int, panel_id: int, response_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.moderate")
    response = selectors.response_or_404(panel=panel, response_id=response_id, member=member)
    back = _url("panels:moderation", panel) + f"#response-{response.pk}"
    if panel.status != Panel.Status.MODERATING:
        messages.error(request, services.AWARDED_MESSAGE if panel.is_awarded else "Start moderation first: close scoring on the scoring page")
        return redirect(back)
    if not request.user.has_perm("panels.moderate_response", response):
        messages.error(request, "You declared a conflict of interest with this bidder, so you cannot moderate their answers"
                       if is_conflicted(member, response.bidder_id) else "The chair moderates this bidder's answers")
        return redirect(back)
    moderated = getattr(response, "moderated", None)
    initial = {"value": moderated.value, "reason": moderated.rationale} if moderated else None
    form = ModerationForm(data=request.POST or None, initial=initial, score_max=panel.score_max)
    if form.is_valid():
        try:
            services.moderated_score_record(
                response=response, value=form.cleaned_data["value"], rationale=form.cleaned_data["reason"], by=request.user, request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Moderated score saved for {response.bidder.name}")
            return redirect(back)
    return render(request, "panels/scoring/response_moderate.html", _context(
        request, panel, response=response, form=form, scores=selectors.response_scores(response=response), back_url=back,
        spread_flag=selectors.SPREAD_FLAG,
    ))


# ---- Price, totals and the award ----

@require_http_methods(["GET", "POST"])
def price_enter(request: HttpRequest, programme_id: int, panel_id: int, bidder_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.enter_price")
    bidder = selectors.bidder_or_404(panel=panel, bidder_id=bidder_id)
    price = selectors.price_of(bidder=bidder)
    initial = {"bid_price": price.bid_price, "notes": price.notes} if price else None
    form = PriceForm(data=request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.price_score_record(bidder=bidder, member=member, by=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Price saved for {bidder.name}")
            return redirect(_url("panels:totals", panel))
    return _form_page(
        request, panel, form, f"Price bid by {bidder.name}", _url("panels:totals", panel),
        intro="The price score is worked out from every bidder's price by the published formula: "
        f"{EvaluationCriterion.PRICE_FORMULA}. The quality panel does not see prices before the award.",
    )


@require_GET
def totals(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.view_totals")
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=panel, request=request, detail="totals read")
    criteria = selectors.criteria_of(panel=panel)
    return render(request, "panels/scoring/totals.html", _context(
        request, panel, "panels:totals", totals=selectors.bidder_totals(panel=panel, criteria=criteria), criteria=criteria,
        bidders=selectors.bidders_of(panel=panel), annotations=selectors.annotations_of(panel=panel),
        counts=selectors.moderation_counts(panel=panel), formula=selectors.formula_explained(panel=panel, criteria=criteria),
        has_price=any(criterion.scored_on_price for criterion in criteria),
        can_price=request.user.has_perm("panels.enter_price", panel) and not panel.is_awarded,
        can_award=request.user.has_perm("panels.award", panel) and panel.status == Panel.Status.MODERATING,
        can_annotate=request.user.has_perm("panels.annotate", panel),
        can_letters=request.user.has_perm("panels.feedback_letters", panel) and panel.is_awarded,
        can_export=request.user.has_perm("panels.export_open_data", panel),
    ))


@require_http_methods(["GET", "POST"])
def award(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.award")
    if panel.status != Panel.Status.MODERATING:
        messages.error(request, services.AWARDED_MESSAGE if panel.is_awarded else "The award comes after moderation")
        return redirect(_url("panels:totals", panel))
    totals_ = selectors.bidder_totals(panel=panel)
    form = AwardForm(data=request.POST or None, totals=totals_, initial={"bidder": totals_[0].bidder_id} if totals_ else None)
    if form.is_valid():
        bidder = selectors.bidder_or_404(panel=panel, bidder_id=form.cleaned_data["bidder"])
        try:
            services.panel_award(
                panel=panel, bidder=bidder, recommendation=form.cleaned_data["recommendation"],
                decided_by=form.cleaned_data["decided_by"], by=request.user, request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "The award recommendation is in the programme's decisions log. Scores can no longer change.")
            return redirect(_url("panels:totals", panel))
    return _form_page(
        request, panel, form, "Record the award recommendation", _url("panels:totals", panel),
        intro="This records the result and the recommendation in the programme's decisions log. After this, no score can change; notes can still be added.",
    )


@require_http_methods(["GET", "POST"])
def annotation_add(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.annotate")
    responses = [r for r in selectors.report_responses(panel=panel) if request.user.has_perm("panels.view_response", r)]
    form = AnnotationForm(data=request.POST or None, responses=responses)
    if form.is_valid():
        chosen = next((r for r in responses if r.pk == form.cleaned_data["response"]), None)
        try:
            services.annotation_add(panel=panel, response=chosen, text=form.cleaned_data["text"], by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Note added")
            return redirect(_url("panels:totals", panel) + "#notes")
    return _form_page(request, panel, form, "Add a note to the panel's record", _url("panels:totals", panel))


# ---- Outputs ----

@require_POST
def report_pdf(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.view_totals")
    job = report_job_request(kind=PANEL_REPORT, requested_by=request.user, subject=panel, request=request)
    return redirect("reports:job_detail", job_id=job.pk)


@require_GET
def ocds_release_package(request: HttpRequest, programme_id: int, panel_id: int) -> JsonResponse:
    """The tender and award as OCDS 1.1 releases, for the council to publish as open data."""
    panel, member = _panel(request, programme_id, panel_id, "panels.export_open_data")
    package = ocds.release_package(panel=panel, uri=request.build_absolute_uri(), published=timezone.now())
    response = JsonResponse(package, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{ocds.ocid(panel)}.json"'
    return response


@require_POST
def feedback_pdf(request: HttpRequest, programme_id: int, panel_id: int, bidder_id: int) -> HttpResponse:
    panel, member = _panel(request, programme_id, panel_id, "panels.feedback_letters")
    bidder = selectors.bidder_or_404(panel=panel, bidder_id=bidder_id)
    if not panel.is_awarded:
        messages.error(request, "Feedback letters are made after the award, when the scores are final")
        return redirect(_url("panels:totals", panel))
    if selectors.was_not_shortlisted(bidder=bidder):
        # Never scored, so there is nothing to summarise: they get the reasons they were not shortlisted.
        messages.info(request, f"{bidder.name} was not shortlisted, so they get the shortlisting letter with the reasons instead")
        job = report_job_request(kind=SHORTLIST_LETTER, requested_by=request.user, subject=bidder, request=request)
        return redirect("reports:job_detail", job_id=job.pk)
    job = report_job_request(kind=FEEDBACK_LETTER, requested_by=request.user, subject=bidder, request=request)
    return redirect("reports:job_detail", job_id=job.pk)
