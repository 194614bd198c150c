from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.access import programme_or_404
from commissioning.involvement.formats import reader_format
from commissioning.involvement.selectors import access_needs_for, preferred_formats
from commissioning.specifications.selectors import glossary_for_page
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record_many
from coproduction.core.access import require_perm, require_visible
from coproduction.core.forms import errors_onto_form, saved_or_errors
from coproduction.reports.services import report_job_request

from . import selectors, services
from .briefing import BRIEFING_PDF, FORMATS, briefing_context
from .forms import (
    ConsortiumMemberForm,
    AgreeForm,
    BidderForm,
    BriefingSendForm,
    CommentForm,
    DeclarationForm,
    MemberForm,
    PanelDetailsForm,
    PanelForm,
    QuestionForm,
    RecognitionForm,
    people_for,
)
from .models import Panel, PanelMember, PanelQuestion

TAB = "panels:panel_list"


def _panel(request: HttpRequest, programme_id: int, panel_id: int, permission: str = "panels.view_panel") -> Panel:
    """The panel if the user may do this on it. Outside the panel altogether is a 404."""
    programme = programme_or_404(request, programme_id, "commissioning.view_programme_summary")
    panel = selectors.panel_or_404(programme=programme, panel_id=panel_id, user=request.user)
    return require_visible(request, panel, permission, visible_perm=("panels.view_panel", "panels.view_tender_questions"))


def _url(panel: Panel, name: str = "panel_detail", anchor: str = "", **kwargs) -> str:
    url = reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **kwargs})
    return url + (f"#{anchor}" if anchor else "")


def _data(request: HttpRequest):
    """The form's data on a POST, even an empty one (nothing ticked is an answer too)."""
    return request.POST if request.method == "POST" else None


def _ctx(panel: Panel, **extra) -> dict:
    return {"programme": panel.programme, "panel": panel, "section_url_name": TAB, **extra}


def _form_page(request, panel: Panel, form, page_title: str, intro: str = "", back_name: str = "panel_detail") -> HttpResponse:
    return render(request, "commissioning/form.html", _ctx(
        panel, form=form, page_title=page_title, intro=intro, back_url=_url(panel, back_name), back_label="Back",
    ))


def _awarded(request, panel: Panel, error: ValidationError) -> HttpResponse:
    messages.error(request, " ".join(error.messages))
    return redirect(_url(panel))


@require_GET
def panel_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "panels.view_panel_list")
    everyone = request.user.has_perm("panels.add_panel", programme)
    panels = selectors.panels_for(programme=programme, user=request.user, everyone=everyone)
    return render(request, "panels/panel_list.html", {
        "programme": programme, "section_url_name": TAB, "can_add": everyone,
        "page": Paginator(panels, settings.PAGE_SIZE).get_page(request.GET.get("page")),
    })


@require_http_methods(["GET", "POST"])
def panel_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "panels.add_panel")
    require_perm(request, "commissioning.manage_programme", programme)
    specifications = selectors.published_specifications(programme=programme)
    form = PanelForm(data=_data(request), specifications=specifications, people=people_for(programme))
    if form.is_valid():
        try:
            panel = services.panel_create(programme=programme, by=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Panel set up. The chair can now add members and bidders.")
            return redirect(_url(panel))
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": TAB, "form": form, "page_title": "Set up a procurement panel",
        "intro": "A panel scores the bids for a published specification. People who use the service and carers sit on it as equal scorers.",
        "back_url": reverse(TAB, kwargs={"programme_id": programme.pk}), "back_label": "Back to panels",
    })


@require_GET
def panel_detail(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id)
    user = request.user
    me = selectors.my_membership(panel=panel, user=user)
    is_chair = user.has_perm("panels.manage_panel", panel)
    context = _ctx(panel, me=me, is_chair=is_chair, bidders=selectors.bidders_of(panel=panel))
    if user.has_perm("panels.view_members", panel):
        members = selectors.members_of(panel=panel)
        context["members"] = members
        # Lived-experience roles tell something about a person's own care: each read is audited.
        audit_record_many(
            actor=user, action=AuditEvent.Action.VIEW, objects=[m for m in members if m.has_lived_experience],
            subject_of=lambda member: member.user, request=request, detail="panel member list",
        )
        if is_chair:
            context["conflicts"] = selectors.conflicts_of(panel=panel)
            context["briefing"] = selectors.briefing_status(members)
    if me is not None:
        context["my_conflicts"] = selectors.conflicts_of_member(member=me)
    return render(request, "panels/panel_detail.html", context)


@require_http_methods(["GET", "POST"])
def panel_edit(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.manage_panel")
    form = PanelDetailsForm(data=_data(request), instance=selectors.panel_to_edit(panel=panel))
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.PANEL_DETAIL_FIELDS}
        try:
            services.panel_update(panel=panel, data=data, by=request.user, request=request)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _awarded(request, panel, error)
            errors_onto_form(form, error)
        else:
            messages.success(request, "Panel details saved")
            return redirect(_url(panel))
    return _form_page(request, panel, form, "Change the panel's details",
                      "Members with lived experience read these in their briefing pack. Easy Read wording is optional.")


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.manage_panel")
    form = MemberForm(data=_data(request), people=people_for(panel.programme))
    if form.is_valid():
        try:
            member = services.member_add(panel=panel, by=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _awarded(request, panel, error)
            errors_onto_form(form, error)
        else:
            messages.success(request, f"{member.user.display_name} is on the panel. Send them their briefing pack well ahead.")
            return redirect(_url(panel, anchor="members"))
    return _form_page(request, panel, form, "Add a panel member")


@require_http_methods(["GET", "POST"])
def bidder_add(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.manage_panel")
    if panel.status != Panel.Status.PREPARING:
        messages.error(request, services.PREPARING_ONLY_MESSAGE)
        return redirect(_url(panel))
    form = BidderForm(data=_data(request))
    if form.is_valid():
        try:
            bidder = services.bidder_add(panel=panel, by=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _awarded(request, panel, error)
            errors_onto_form(form, error)
        else:
            messages.success(request, f"{bidder.name} added. Every member is asked to declare their interests again.")
            return redirect(_url(panel, anchor="bidders"))
    return _form_page(request, panel, form, "Add a bidder",
                      "When a bidder is added, every member declares their interests again before they see any bid.")


@require_http_methods(["GET", "POST"])
def consortium_member_add(request: HttpRequest, programme_id: int, panel_id: int, bidder_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.manage_panel")
    bidder = next((bidder for bidder in selectors.bidders_of(panel=panel) if bidder.pk == bidder_id), None)
    if bidder is None:
        raise Http404
    if panel.status != Panel.Status.PREPARING:
        messages.error(request, services.PREPARING_ONLY_MESSAGE)
        return redirect(_url(panel, anchor="bidders"))
    form = ConsortiumMemberForm(data=_data(request))
    consortium_member = saved_or_errors(form, lambda: services.consortium_member_add(
        bidder=bidder, data=form.cleaned_data, by=request.user, request=request))
    if consortium_member is not None:
        messages.success(request, f"{consortium_member.name} added to {bidder.name}. Every member is asked to declare their interests again.")
        return redirect(_url(panel, anchor="bidders"))
    return _form_page(request, panel, form, f"Add a provider to the consortium {bidder.name}",
                      "A consortium bids as one bidder. Panel members declare their interests in each of its providers.")


@require_http_methods(["GET", "POST"])
def declaration(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.declare_conflicts")
    me = selectors.my_membership(panel=panel, user=request.user)
    bidders = panel.bidders.order_by("name", "pk")
    form = DeclarationForm(data=_data(request), bidders=bidders, consortium_members=selectors.consortium_members_of(panel=panel))
    if form.is_valid():
        try:
            services.conflicts_declare(member=me, bidders=list(form.cleaned_data["bidders"]),
                                       consortium_members=list(form.cleaned_data.get("consortium_members") or []),
                                       details=form.cleaned_data["details"], by=request.user, request=request)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _awarded(request, panel, error)
            errors_onto_form(form, error)
        else:
            messages.success(request, "Thank you. Your declaration is recorded.")
            return redirect(_url(panel))
    return render(request, "panels/declaration.html", _ctx(
        panel, form=form, me=me, my_conflicts=selectors.conflicts_of_member(member=me), has_bidders=bidders.exists(),
    ))


def _chosen_format(request: HttpRequest, me: PanelMember) -> str:
    pack = selectors.pack_of(me)
    return reader_format(request, user_id=me.user_id, sent_in=pack.document_format if pack is not None else None)


@require_GET
def briefing(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.view_briefing")
    me = selectors.my_membership_with_briefing(panel=panel, user=request.user)
    if selectors.pack_of(me) is not None:
        services.briefing_opened(member=me)
    document_format = _chosen_format(request, me)
    return render(request, "panels/briefing.html", _ctx(
        panel, me=me, formats=FORMATS, words=glossary_for_page(), **briefing_context(panel=panel, document_format=document_format),
    ))


@require_POST
def briefing_pdf(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.view_briefing")
    me = selectors.my_membership(panel=panel, user=request.user)
    job = report_job_request(kind=BRIEFING_PDF, requested_by=request.user, subject=me, subject_user=request.user,
                             request=request, options={"format": _chosen_format(request, me)})
    return redirect("reports:job_detail", job_id=job.pk)


@require_http_methods(["GET", "POST"])
def briefing_send(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.manage_panel")
    members = selectors.members_to_choose(panel=panel)
    form = BriefingSendForm(data=_data(request), members=members)
    if form.is_valid():
        chosen = list(form.cleaned_data["members"])
        try:
            count = services.briefing_send(panel=panel, members=chosen, formats=preferred_formats([m.user_id for m in chosen]),
                                           by=request.user, request=request)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _awarded(request, panel, error)
            errors_onto_form(form, error, "members")
        else:
            messages.success(request, f"Recorded {count} briefing pack{'s' if count != 1 else ''} as sent today.")
            return redirect(_url(panel, anchor="briefing"))
    return _form_page(request, panel, form, "Send briefing packs",
                      "Each member reads their pack on their panel page, or downloads it as a PDF in the format they asked for.")


@require_GET
def questions(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.draft_questions")
    return render(request, "panels/questions.html", _ctx(
        panel, words=glossary_for_page(), by_criterion=selectors.questions_by_criterion(panel=panel), can_agree=request.user.has_perm("panels.agree_questions", panel),
    ))


def _question_form(request, panel: Panel, rewords: PanelQuestion | None) -> HttpResponse:
    criteria = selectors.criteria_to_choose(panel=panel)
    initial = {"criterion": rewords.criterion_id, "kind": rewords.kind, "text": rewords.text} if rewords else None
    form = QuestionForm(data=_data(request), initial=initial, criteria=criteria)
    if form.is_valid():
        try:
            services.question_propose(panel=panel, by=request.user, rewords=rewords, request=request, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _awarded(request, panel, error)
            errors_onto_form(form, error)
        else:
            messages.success(request, "Thank you. Your question is with the panel for comments.")
            return redirect(_url(panel, "questions"))
    title = "Suggest a rewording" if rewords else "Propose a question for bidders"
    intro = f"The question now reads: “{rewords.text}”" if rewords else "Any member may propose a question. The chair marks the set the panel agrees."
    return _form_page(request, panel, form, title, intro, back_name="questions")


@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.draft_questions")
    return _question_form(request, panel, None)


@require_http_methods(["GET", "POST"])
def question_reword(request: HttpRequest, programme_id: int, panel_id: int, question_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.draft_questions")
    return _question_form(request, panel, selectors.question_or_404(panel=panel, question_id=question_id))


@require_http_methods(["GET", "POST"])
def question_comment(request: HttpRequest, programme_id: int, panel_id: int, question_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.draft_questions")
    question = selectors.question_or_404(panel=panel, question_id=question_id)
    form = CommentForm(data=_data(request))
    if form.is_valid():
        try:
            services.question_comment(question=question, by=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _awarded(request, panel, error)
            errors_onto_form(form, error, "text")
        else:
            messages.success(request, "Comment sent")
            return redirect(_url(panel, "questions", anchor=f"question-{question.pk}"))
    return _form_page(request, panel, form, "Comment on a question", f"“{question.text}”", back_name="questions")


@require_http_methods(["GET", "POST"])
def questions_agree(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.agree_questions")
    drafted = selectors.questions_to_agree(panel=panel)
    initial = {"agreed": [question.pk for question in drafted if question.agreed]}
    form = AgreeForm(data=_data(request), initial=initial, questions=drafted)
    if form.is_valid():
        try:
            count = services.questions_agree(panel=panel, agreed_ids={q.pk for q in form.cleaned_data["agreed"]},
                                             by=request.user, request=request)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _awarded(request, panel, error)
            errors_onto_form(form, error, "agreed")
        else:
            messages.success(request, f"{count} question{'s' if count != 1 else ''} agreed for the tender pack")
            return redirect(_url(panel, "tender_questions"))
    return _form_page(request, panel, form, "Mark the agreed questions", back_name="questions")


@require_GET
def tender_questions(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.view_tender_questions")
    return render(request, "panels/tender_questions.html", _ctx(
        panel, words=glossary_for_page(), by_criterion=selectors.questions_by_criterion(panel=panel, agreed_only=True),
    ))


@require_GET
def recognition(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.view_recognition")
    members = selectors.members_of(panel=panel)
    table = selectors.recognition_table(panel=panel)
    # Members' claims and access needs are personal: each member's read is audited, in one insert.
    audit_record_many(actor=request.user, action=AuditEvent.Action.VIEW, objects=members, subject_of=lambda member: member.user,
                      request=request, detail="panel recognition and access needs")
    needs = access_needs_for([member.user_id for member in members])
    return render(request, "panels/recognition.html", _ctx(
        panel, members=members, table=table, rows=[(member, table["per_member"].get(member.user_id)) for member in members],
        people=[(member.user.display_name, needs.get(member.user_id, [])) for member in members],
    ))


@require_http_methods(["GET", "POST"])
def recognition_add(request: HttpRequest, programme_id: int, panel_id: int) -> HttpResponse:
    panel = _panel(request, programme_id, panel_id, "panels.view_recognition")
    members = selectors.members_to_choose(panel=panel)
    form = RecognitionForm(data=_data(request), members=members)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.recognition_record(panel=panel, member=data["member"], category=data["category"], amount=data["amount"],
                                        description=data["description"], by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Recorded for {data['member'].user.display_name}")
            return redirect(_url(panel, "recognition"))
    return _form_page(request, panel, form, "Record recognition or expenses",
                      "Recognise members' time as the council sets it, and pay back what taking part cost them.", back_name="recognition")
