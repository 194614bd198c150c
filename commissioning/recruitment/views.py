"""Recruitment campaign pages. Each fetches the campaign through the selector, checks one rule,
and calls a service. Only the HR officer's pages ever read a candidate's name: every other page
is given candidates with the name column deferred."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.involvement.formats import reader_format
from commissioning.involvement.ledger.forms import RecognitionForm
from commissioning.involvement.ledger.selectors import current_rates
from commissioning.involvement.models import DocumentFormat
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import require_perm, require_visible
from coproduction.core.forms import form_page as _form_page, saved_or_errors
from coproduction.reports.services import report_job_request

from . import selectors, services
from .briefing import BRIEFING_PDF, briefing_context
from .forms import (
    AgreeForm,
    AppointmentForm,
    CampaignForm,
    CandidateForm,
    CommentForm,
    ConflictsForm,
    MemberForm,
    QuestionForm,
    RecommendForm,
    ScoresForm,
    ValueForm,
)
from .models import Campaign, Candidate
from .rules import membership

VIEW = "recruitment.view_campaign"


def _campaign(request: HttpRequest, campaign_id: int, permission: str = VIEW) -> Campaign:
    return require_visible(request, selectors.campaign_or_none(campaign_id=campaign_id), permission, visible_perm=VIEW)


def _candidate(request: HttpRequest, campaign: Campaign, candidate_id: int, member=None) -> Candidate:
    candidate = selectors.candidate_or_none(campaign=campaign, candidate_id=candidate_id, member=member)
    if candidate is None:
        raise Http404
    return candidate


def campaign_url(campaign: Campaign, anchor: str = "") -> str:
    return reverse("recruitment:campaign_detail", kwargs={"campaign_id": campaign.pk}) + (f"#{anchor}" if anchor else "")


def _errors_as_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "recruitment.view_campaign_list")
    return render(request, "recruitment/campaign_list.html", {
        "campaigns": list(selectors.campaign_list_visible_to(user=request.user)),
        "can_add": request.user.has_perm("recruitment.add_campaign"),
    })


@require_http_methods(["GET", "POST"])
def campaign_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, "recruitment.add_campaign")
    form = CampaignForm(data=request.POST or None, programmes=selectors.programme_choices())

    def save():
        data = dict(form.cleaned_data)
        return services.campaign_create(programme=data.pop("programme"), data=data, by=request.user, request=request)

    campaign = saved_or_errors(form, save)
    if campaign is not None:
        messages.success(request, f"Campaign for {campaign.post} set up. You chair its panel.")
        return redirect(campaign_url(campaign))
    return _form_page(request, form, "Recruit to a job with local people", back_url=reverse("recruitment:campaign_list"),
                      intro="People who use services and carers agree the values that matter for the job, write the "
                            "interview questions with you and sit on the interview panel. You chair the panel.")


@require_GET
def campaign_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id)
    user = request.user
    me = membership(user, campaign)
    show_names = user.has_perm("recruitment.view_candidate_names", campaign)
    candidates = selectors.candidates_of(campaign=campaign, with_names=show_names)
    if show_names and candidates:
        audit_record(actor=user, action=AuditEvent.Action.VIEW, obj=campaign, request=request, detail="candidates' names")
    scored, conflicted = selectors.scored_ids(member=me), selectors.conflicted_ids(member=me)
    totals = selectors.totals(campaign=campaign)
    return render(request, "recruitment/campaign_detail.html", {
        "campaign": campaign, "me": me, "members": selectors.members_of(campaign=campaign),
        "values": selectors.values_of(campaign=campaign), "outcome": selectors.outcome_of(campaign=campaign),
        "candidates": [(candidate, candidate.pk in scored, candidate.pk in conflicted, totals.get(candidate.pk, {}))
                       for candidate in candidates],
        "show_names": show_names,
        "can_manage": user.has_perm("recruitment.manage_campaign", campaign),
        "can_add_candidate": user.has_perm("recruitment.add_candidate", campaign),
        "can_score": user.has_perm("recruitment.score", campaign),
        "can_decide": user.has_perm("recruitment.decide_appointment", campaign),
    })


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.manage_campaign")
    form = MemberForm(data=request.POST or None, people=selectors.people_to_add(campaign=campaign))
    member = saved_or_errors(form, lambda: services.member_add(campaign=campaign, by=request.user, request=request, **form.cleaned_data))
    if member is not None:
        messages.success(request, f"{member.user.display_name} added to the panel")
        return redirect(campaign_url(campaign, "panel"))
    return _form_page(request, form, f"Add someone to the panel for {campaign.post}", back_url=campaign_url(campaign, "panel"),
                      intro="Include people who use services and carers. Only the HR officer sees candidates' names.")


@require_POST
def briefing_send(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.manage_campaign")
    members = services.briefing_send(campaign=campaign, by=request.user, request=request)
    messages.success(request, f"Briefing packs sent to {len(members)} members, each in the format they asked for")
    return redirect(campaign_url(campaign, "panel"))


@require_GET
def briefing(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id)
    me = membership(request.user, campaign)
    chosen = reader_format(request, user_id=request.user.pk, sent_in=(me.briefing_format or None) if me else None)
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=campaign, request=request, detail=f"briefing pack ({chosen})")
    return render(request, "recruitment/briefing.html", {
        "campaign": campaign, "me": me, "formats": DocumentFormat.choices,
        **briefing_context(campaign=campaign, document_format=chosen),
    })


@require_POST
def briefing_pdf(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """The pack as a tagged PDF in the format chosen on the page, for a member of the panel."""
    campaign = _campaign(request, campaign_id, "recruitment.take_part")
    me = membership(request.user, campaign)
    chosen = reader_format(request, user_id=request.user.pk, sent_in=me.briefing_format or None)
    job = report_job_request(kind=BRIEFING_PDF, requested_by=request.user, subject=me, subject_user=request.user,
                             request=request, options={"format": chosen})
    return redirect("reports:job_detail", job_id=job.pk)


@require_http_methods(["GET", "POST"])
def conflicts(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.take_part")
    me = membership(request.user, campaign)
    declared = selectors.conflicts_of(member=me)
    initial = {"known": [str(pk) for pk in declared], "details": next(iter(declared.values()), "")}
    form = ConflictsForm(data=request.POST or None, initial=initial, candidates=selectors.candidates_of(campaign=campaign))
    if saved_or_errors(form, lambda: services.conflicts_declare(member=me, known=form.cleaned_data["known"], by=request.user, request=request)):
        messages.success(request, "Thank you. What you declared is saved.")
        return redirect(campaign_url(campaign, "candidates"))
    return _form_page(request, form, "Do you know any of the candidates?", back_url=campaign_url(campaign, "candidates"),
                      intro="Candidates are known to the panel by a reference. If the HR officer has told you that you "
                            "know someone who applied, select their reference. You will not score a candidate you know, "
                            "so the panel stays fair.")


@require_http_methods(["GET", "POST"])
def value_add(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.take_part")
    form = ValueForm(data=request.POST or None)
    value = saved_or_errors(form, lambda: services.value_propose(campaign=campaign, by=request.user, request=request, **form.cleaned_data))
    if value is not None:
        messages.success(request, f"Value “{value.title}” proposed")
        return redirect(campaign_url(campaign, "values"))
    return _form_page(request, form, "Propose a value that matters for the job", back_url=campaign_url(campaign, "values"),
                      intro="What should the person doing this job care about? The panel discusses every value, and the chair records the ones you agree.")


@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.take_part")
    form = QuestionForm(data=request.POST or None, values=campaign.values.order_by("pk"))
    question = saved_or_errors(form, lambda: services.question_propose(campaign=campaign, by=request.user, request=request, **form.cleaned_data))
    if question is not None:
        messages.success(request, "Question proposed")
        return redirect(campaign_url(campaign, "values"))
    return _form_page(request, form, "Propose an interview question", back_url=campaign_url(campaign, "values"),
                      intro="Each question tests one of the values, so every score is about something the panel agreed matters.")


@require_http_methods(["GET", "POST"])
def value_discuss(request: HttpRequest, campaign_id: int, value_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id)
    value = selectors.value_or_none(campaign=campaign, value_id=value_id)
    if value is None:
        raise Http404
    may_comment = request.user.has_perm("recruitment.take_part", campaign) and not campaign.values_agreed
    if request.method == "POST" and not may_comment:
        raise PermissionDenied
    form = CommentForm(data=request.POST or None)
    if request.method == "POST" and saved_or_errors(form, lambda: services.comment_add(
            value=value, text=form.cleaned_data["text"], by=request.user, request=request)):
        messages.success(request, "Comment added")
        return redirect(reverse("recruitment:value_discuss", kwargs={"campaign_id": campaign.pk, "value_id": value.pk}))
    return render(request, "recruitment/value_discuss.html", {
        "campaign": campaign, "value": value, "questions": selectors.questions_of(value=value),
        "comments": selectors.comments_of(value=value), "form": form if may_comment else None,
    })


@require_http_methods(["GET", "POST"])
def agree(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.manage_campaign")
    if campaign.values_agreed:
        messages.info(request, "The panel has already agreed its values and questions")
        return redirect(campaign_url(campaign, "values"))
    values = selectors.values_of(campaign=campaign)
    form = AgreeForm(data=request.POST or None, values=values)
    if saved_or_errors(form, lambda: services.values_agree(
            campaign=campaign, value_ids=form.cleaned_data["values"], question_ids=form.cleaned_data["questions"],
            by=request.user, request=request)):
        messages.success(request, "The values and questions are agreed and recorded in the decisions log")
        return redirect(campaign_url(campaign, "values"))
    return _form_page(request, form, "Record what the panel agreed", back_url=campaign_url(campaign, "values"),
                      intro="Select the values and questions the panel agreed. They go into the programme's decisions "
                            "log, and the panel scores every candidate against each agreed value.")


@require_http_methods(["GET", "POST"])
def candidate_add(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.add_candidate")
    form = CandidateForm(data=request.POST or None)
    candidate = saved_or_errors(form, lambda: services.candidate_add(
        campaign=campaign, name=form.cleaned_data["name"], by=request.user, request=request))
    if candidate is not None:
        messages.success(request, f"Candidate added as {candidate.reference}")
        return redirect(campaign_url(campaign, "candidates"))
    return _form_page(request, form, "Add a candidate", back_url=campaign_url(campaign, "candidates"),
                      intro="The panel knows each candidate by a reference (C1, C2…). Only the HR officer sees names.")


@require_http_methods(["GET", "POST"])
def score(request: HttpRequest, campaign_id: int, candidate_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.score")
    me = membership(request.user, campaign)
    candidate = _candidate(request, campaign, candidate_id, me)
    if candidate.sent_own:
        return redirect(reverse("recruitment:candidate_scores", kwargs={"campaign_id": campaign.pk, "candidate_id": candidate.pk}))
    values = selectors.values_of(campaign=campaign, agreed_only=True)
    form = ScoresForm(data=request.POST or None, values=values, score_max=campaign.score_max)
    if saved_or_errors(form, lambda: services.scores_submit(
            member=me, candidate=candidate, entered=form.entered(), by=request.user, request=request)):
        messages.success(request, f"Your scores for candidate {candidate.reference} are sent. You can now see the panel's scores.")
        return redirect(reverse("recruitment:candidate_scores", kwargs={"campaign_id": campaign.pk, "candidate_id": candidate.pk}))
    return render(request, "recruitment/score.html", {"campaign": campaign, "candidate": candidate, "values": values, "form": form})


@require_http_methods(["GET", "POST"])
def candidate_scores(request: HttpRequest, campaign_id: int, candidate_id: int) -> HttpResponse:
    """Everyone's scores for a candidate, once you have sent your own; the chair moderates here."""
    campaign = _campaign(request, campaign_id)
    me = membership(request.user, campaign)
    candidate = _candidate(request, campaign, candidate_id, me)
    may_see = request.user.has_perm("recruitment.view_candidate_scores", candidate)
    may_moderate = request.user.has_perm("recruitment.moderate_candidate", candidate)
    values = selectors.values_of(campaign=campaign, agreed_only=True)
    moderated = selectors.moderated_for(candidate=candidate)
    if request.method == "POST" and not may_moderate:
        raise PermissionDenied
    form = None
    if may_moderate:
        initial = {}
        for value_id, row in moderated.items():
            initial.update({f"score_{value_id}": str(row.score), f"reason_{value_id}": row.rationale})
        form = ScoresForm(data=request.POST or None, initial=initial, values=values, score_max=campaign.score_max,
                          reason_label="Why the panel agreed this score", submit="Save the agreed scores")
        if request.method == "POST" and saved_or_errors(form, lambda: services.moderation_record(
                member=me, candidate=candidate, entered=form.entered(), by=request.user, request=request) or True):
            messages.success(request, f"Agreed scores for candidate {candidate.reference} saved; every member's own score is kept")
            return redirect(reverse("recruitment:candidate_scores", kwargs={"campaign_id": campaign.pk, "candidate_id": candidate.pk}))
    scores = selectors.scores_for(candidate=candidate) if may_see else []
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=candidate, request=request, detail="panel's scores")
    return render(request, "recruitment/candidate_scores.html", {
        "campaign": campaign, "candidate": candidate, "may_see": may_see, "form": form,
        "rows": [(value, [s for s in scores if s.value_id == value.pk], moderated.get(value.pk)) for value in values],
    })


@require_http_methods(["GET", "POST"])
def recommend(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.manage_campaign")
    candidates = selectors.candidates_of(campaign=campaign)
    form = RecommendForm(data=request.POST or None, candidates=candidates, totals=selectors.totals(campaign=campaign))
    outcome = saved_or_errors(form, lambda: services.recommend(
        campaign=campaign, candidate=form.cleaned_data["candidate"], text=form.cleaned_data["text"], by=request.user, request=request))
    if outcome is not None:
        messages.success(request, f"The panel's recommendation of candidate {outcome.candidate_reference} is recorded")
        return redirect(campaign_url(campaign, "outcome"))
    return _form_page(request, form, "Record the panel's recommendation", back_url=campaign_url(campaign, "outcome"),
                      intro="Recommend from the agreed scores. The appointing manager then records their decision.")


@require_http_methods(["GET", "POST"])
def appointment(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.decide_appointment")
    outcome = selectors.outcome_of(campaign=campaign)
    form = AppointmentForm(data=request.POST or None)
    done = saved_or_errors(form, lambda: services.appointment_record(
        campaign=campaign, appointment=form.cleaned_data["appointment"], reason=form.cleaned_data["reason"], by=request.user, request=request))
    if done is not None:
        messages.success(request, "Your decision is recorded, and the panel has been told the outcome")
        return redirect(campaign_url(campaign, "outcome"))
    intro = (f"The panel recommended candidate {outcome.candidate_reference}: {outcome.recommendation}" if outcome
             else "The panel has not made its recommendation yet.")
    return _form_page(request, form, f"Your decision on the appointment to {campaign.post}", back_url=campaign_url(campaign, "outcome"), intro=intro)


@require_http_methods(["GET", "POST"])
def recognition(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign(request, campaign_id, "recruitment.manage_campaign")
    members = [member for member in selectors.members_of(campaign=campaign) if member.role in member.LAY_ROLES]
    form = RecognitionForm(data=request.POST or None, rates=current_rates(), invalid="Select a member of the panel",
                           people=[(member.pk, f"{member.user.display_name} ({member.short_role})", member) for member in members])

    def save():
        return services.recognition_record(campaign=campaign, member=form.cleaned_data["member"], **form.claim_data(),
                                           by=request.user, request=request)

    claim = saved_or_errors(form, save)
    if claim is not None:
        messages.success(request, f"Recorded for {form.cleaned_data['member'].user.display_name}")
        return redirect(campaign_url(campaign, "panel"))
    return _form_page(request, form, "Record recognition or expenses", back_url=campaign_url(campaign, "panel"),
                      intro="Recognise the time people who use services and carers give the panel, as the council sets it, "
                            "and pay back what taking part cost them.")
