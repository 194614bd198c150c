from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.access import programme_or_404
from commissioning.involvement.formats import reader_format
from commissioning.involvement.models import DocumentFormat
from commissioning.involvement.services import access_needs_read
from commissioning.meetings import minutes_agreed
from commissioning.models import Programme
from commissioning.sections import contract_panels
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import require_visible
from coproduction.core.downloads import members_file_download
from coproduction.core.forms import errors_onto_form
from coproduction.core.uploads import DOCUMENT_CONTENT_TYPES
from coproduction.reports.models import ReportJob
from coproduction.reports.services import report_job_request

from . import selectors, services
from .forms import (
    ActionForm,
    AttendanceForm,
    CharacteristicForm,
    ContractForm,
    FindingsForm,
    FrameworkForm,
    IndicatorReportForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
    PaperForm,
    PeriodForm,
    RecognitionForm,
    ResponseForm,
    ReturnForm,
    ReviewForm,
    VisitForm,
)
from .models import (
    Contract,
    MeetingMember,
    MonitoringMeeting,
    QualityVisit,
    quarter_label,
)

TAB = "monitoring:contract_list"
FRAMEWORK_TAB = "monitoring:framework_list"


def _form_page(request, programme, form, page_title, *, back_url="", back_label="Back", intro="", tab=TAB) -> HttpResponse:
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": tab, "form": form, "page_title": page_title,
        "back_url": back_url, "back_label": back_label, "intro": intro,
    })


def _pager(request: HttpRequest, items, param: str):
    return Paginator(items, settings.PAGE_SIZE).get_page(request.GET.get(param))


# --- Contracts ---------------------------------------------------------------------------


def _contract(request: HttpRequest, programme_id: int, contract_id: int, permission: str = "monitoring.view_contract") -> Contract:
    contract = selectors.contract_or_404(programme_id=programme_id, contract_id=contract_id)
    return require_visible(request, contract, permission, visible_perm="monitoring.view_contract")


def contract_url(contract: Contract, anchor: str = "") -> str:
    url = reverse("monitoring:contract_detail", kwargs={"programme_id": contract.programme_id, "contract_id": contract.pk})
    return url + (f"#{anchor}" if anchor else "")


@require_GET
def contract_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "monitoring.view_contract_list")
    return render(request, "monitoring/contract_list.html", {
        "programme": programme, "section_url_name": TAB,
        "page": _pager(request, selectors.contracts_visible_to(user=request.user, programme=programme), "page"),
        "can_add": request.user.has_perm("monitoring.add_contract", programme),
        "can_see_frameworks": request.user.has_perm("monitoring.view_framework", programme),
    })


def _contract_form(request: HttpRequest, programme: Programme, contract: Contract | None) -> HttpResponse:
    initial = None
    if contract is not None:
        initial = {name: getattr(contract, name) for name in services.CONTRACT_FIELDS}
        initial["indicators"] = list(contract.indicators.values_list("pk", flat=True))
    form = ContractForm(
        data=request.POST or None, initial=initial, providers=selectors.provider_organisations(),
        indicators=selectors.programme_indicators(programme=programme), submit="Save the contract" if contract else "Add the contract",
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            if contract is None:
                contract = services.contract_create(programme=programme, data=data, indicators=data.get("indicators") or [], by=request.user, request=request)
            else:
                services.contract_update(contract=contract, data=data, indicators=data.get("indicators") or [], by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Saved: {contract.service_name}")
            return redirect(contract_url(contract))
    return _form_page(request, programme, form, f"Change “{contract.service_name}”" if contract else "Add a contract",
                      back_url=contract_url(contract) if contract else reverse(TAB, kwargs={"programme_id": programme.pk}))


@require_http_methods(["GET", "POST"])
def contract_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "monitoring.add_contract")
    return _contract_form(request, programme, None)


@require_http_methods(["GET", "POST"])
def contract_edit(request: HttpRequest, programme_id: int, contract_id: int) -> HttpResponse:
    contract = _contract(request, programme_id, contract_id, "monitoring.change_contract")
    return _contract_form(request, contract.programme, contract)


@require_GET
def contract_detail(request: HttpRequest, programme_id: int, contract_id: int) -> HttpResponse:
    contract = _contract(request, programme_id, contract_id)
    user = request.user
    indicators = selectors.contract_indicators(contract=contract)
    audit_record(actor=user, action=AuditEvent.Action.VIEW, obj=contract, request=request)
    actions = _pager(request, selectors.open_actions(contract=contract), "actions_page")
    for open_action in actions:
        open_action.can_complete = user.has_perm("monitoring.complete_action", open_action)
    return render(request, "monitoring/contract_detail.html", {
        "programme": contract.programme, "section_url_name": TAB, "contract": contract, "indicators": indicators,
        "returns": selectors.returns_over_time(contract=contract, indicators=indicators),
        "meetings": _pager(request, selectors.meetings_of(contract=contract), "page"),
        "visits": _pager(request, selectors.visits_visible_to(user=user, contract=contract), "visits_page"),
        "actions": actions, "contract_panels": contract_panels(contract),
        "can_change": user.has_perm("monitoring.change_contract", contract),
        "can_enter_return": user.has_perm("monitoring.enter_return", contract),
        "my_meeting_ids": set(_meeting_ids(user)),
    })


def _meeting_ids(user):
    from .rules import meeting_roles

    return meeting_roles(user).keys()


@require_GET
def return_list(request: HttpRequest, programme_id: int, contract_id: int) -> HttpResponse:
    contract = _contract(request, programme_id, contract_id)
    indicators = selectors.contract_indicators(contract=contract)
    return render(request, "monitoring/return_list.html", {
        "programme": contract.programme, "section_url_name": TAB, "contract": contract,
        "returns": selectors.returns_over_time(contract=contract, indicators=indicators, quarters=None),
        "sent": selectors.returns_sent(contract=contract),
        "can_enter_return": request.user.has_perm("monitoring.enter_return", contract),
    })


@require_GET
def return_start(request: HttpRequest, programme_id: int, contract_id: int) -> HttpResponse:
    contract = _contract(request, programme_id, contract_id, "monitoring.enter_return")
    quarters = selectors.contract_quarters(contract)
    form = PeriodForm(data=request.GET if "period" in request.GET else None, quarters=quarters)
    if form.is_bound and form.is_valid():
        return redirect("monitoring:return_edit", programme_id=contract.programme_id, contract_id=contract.pk, period=form.cleaned_data["period"])
    intro = "" if quarters else "The contract has not started yet, so there are no figures to send."
    response = _form_page(request, contract.programme, form, "Send figures for a quarter", back_url=contract_url(contract, "returns"), intro=intro)
    return response


@require_http_methods(["GET", "POST"])
def return_edit(request: HttpRequest, programme_id: int, contract_id: int, period: str) -> HttpResponse:
    contract = _contract(request, programme_id, contract_id, "monitoring.enter_return")
    quarter = selectors.parse_period(period)
    if quarter is None or quarter not in selectors.contract_quarters(contract):
        raise Http404
    indicators = selectors.contract_indicators(contract=contract)
    existing = selectors.return_for(contract=contract, period=quarter)
    initial = {}
    for indicator_id, figure in selectors.return_figures(monitoring_return=existing).items():
        initial[f"value_{indicator_id}"], initial[f"said_{indicator_id}"] = figure.value, figure.what_people_said
    form = ReturnForm(data=request.POST or None, initial=initial, indicators=indicators)
    if form.is_valid():
        submit = "save" not in request.POST
        try:
            services.return_save(contract=contract, period=quarter, figures=form.figures(), submit=submit, by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Figures for {quarter_label(quarter)} {'sent' if submit else 'saved. They are not sent yet'}")
            return redirect(contract_url(contract, "returns"))
    intro = "The indicators were agreed with people who use the service: some count things, others ask what people say matters."
    if existing and existing.submitted_at:
        intro += f" You sent these figures on {existing.submitted_at:%-d %B %Y}; sending again replaces them."
    if not indicators:
        intro = "This contract has no indicators yet. The commissioners add them from the outcomes framework."
    return _form_page(request, contract.programme, form, f"Figures for {quarter_label(quarter)}: {contract.service_name}",
                      back_url=contract_url(contract, "returns"), intro=intro)


# --- Meetings ----------------------------------------------------------------------------


def _meeting(request, programme_id, contract_id, meeting_id, permission="monitoring.view_meeting") -> MonitoringMeeting:
    contract = selectors.contract_or_404(programme_id=programme_id, contract_id=contract_id)
    meeting = selectors.meeting_or_404(contract=contract, meeting_id=meeting_id)
    return require_visible(request, meeting, permission, visible_perm="monitoring.view_meeting")


def meeting_url(meeting: MonitoringMeeting, anchor: str = "") -> str:
    url = reverse("monitoring:meeting_detail", kwargs={
        "programme_id": meeting.contract.programme_id, "contract_id": meeting.contract_id, "meeting_id": meeting.pk,
    })
    return url + (f"#{anchor}" if anchor else "")


@require_http_methods(["GET", "POST"])
def meeting_add(request: HttpRequest, programme_id: int, contract_id: int) -> HttpResponse:
    contract = _contract(request, programme_id, contract_id, "monitoring.change_contract")
    form = MeetingForm(data=request.POST or None, submit="Arrange the meeting")
    if form.is_valid():
        meeting = services.meeting_create(contract=contract, data=form.cleaned_data, by=request.user, request=request)
        messages.success(request, "Meeting arranged. Add its members and papers next.")
        return redirect(meeting_url(meeting))
    return _form_page(request, contract.programme, form, "Arrange a monitoring meeting", back_url=contract_url(contract, "meetings"))


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    initial = {name: getattr(meeting, name) for name in services.MEETING_FIELDS}
    form = MeetingForm(data=request.POST or None, initial=initial, submit="Save the meeting")
    if form.is_valid():
        services.meeting_update(meeting=meeting, data=form.cleaned_data, by=request.user, request=request)
        messages.success(request, "Meeting saved")
        return redirect(meeting_url(meeting))
    return _form_page(request, meeting.contract.programme, form, f"Change “{meeting.title}”", back_url=meeting_url(meeting))


@require_GET
def meeting_detail(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id)
    user = request.user
    members = selectors.members_of(meeting=meeting)
    me = next((member for member in members if member.user_id == user.pk), None)
    can_manage = user.has_perm("monitoring.manage_meeting", meeting)
    can_see_needs = user.has_perm("monitoring.view_access_needs", meeting)
    if can_see_needs:
        # Beside each member: what their involvement profile says helps them take part (audited).
        people = access_needs_read(users=[member.user for member in members], by=user, request=request)
        for member, (_name, needs) in zip(members, people):
            member.access_needs = needs
    indicators = selectors.contract_indicators(contract=meeting.contract)
    audit_record(actor=user, action=AuditEvent.Action.VIEW, obj=meeting, request=request)
    return render(request, "monitoring/meeting_detail.html", {
        "programme": meeting.contract.programme, "section_url_name": TAB, "contract": meeting.contract, "meeting": meeting,
        "members": members, "me": me, "can_see_needs": can_see_needs, "papers": selectors.papers_of(meeting=meeting),
        "reports": selectors.indicator_reports(meeting=meeting, indicators=indicators),
        "actions": selectors.meeting_actions(meeting=meeting),
        "minutes_agreed": minutes_agreed(members),
        "agreed_count": sum(1 for member in members if member.minutes_agreed_at),
        "can_manage": can_manage,
        "can_see_formats": user.has_perm("monitoring.view_members_formats", meeting),
        "can_give_view": user.has_perm("monitoring.give_representatives_view", meeting),
        "can_agree": me is not None and meeting.minutes_put_forward_at is not None and me.minutes_agreed_at is None,
    })


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    form = MemberForm(data=request.POST or None, candidates=selectors.member_candidates(contract=meeting.contract))
    if form.is_valid():
        try:
            member = services.member_add(meeting=meeting, by=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"{member.user.display_name} added to the meeting")
            return redirect(meeting_url(meeting, "members"))
    return _form_page(request, meeting.contract.programme, form, "Add a member to the meeting", back_url=meeting_url(meeting, "members"),
                      intro="Members get the papers in the format they asked for, and agree the minutes.")


@require_POST
def member_remove(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int, member_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    member = meeting.members.filter(pk=member_id).select_related("user").first()
    if member is None:
        raise Http404
    services.member_remove(member=member, by=request.user, request=request)
    messages.success(request, f"{member.user.display_name} removed from the meeting")
    return redirect(meeting_url(meeting, "members"))


@require_http_methods(["GET", "POST"])
def paper_add(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    form = PaperForm(data=request.POST or None, files=request.FILES or None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.paper_add(meeting=meeting, title=data["title"], text=data["text"], easy_read_text=data["easy_read_text"],
                               file=data.get("file"), file_type=form.file_type, by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Paper added: {data['title']}")
            return redirect(meeting_url(meeting, "papers"))
    return _form_page(request, meeting.contract.programme, form, "Add a paper", back_url=meeting_url(meeting, "papers"),
                      intro="Write the paper here so members can have it in large print or Easy Read, or upload a PDF or Word document.")


@require_GET
def paper_file(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int, paper_id: int) -> FileResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id)
    paper = selectors.paper_or_404(meeting=meeting, paper_id=paper_id)
    return members_file_download(request, record=paper, content_types=DOCUMENT_CONTENT_TYPES, name="paper",
                                 detail="meeting paper downloaded")


@require_POST
def paper_remove(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int, paper_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    paper = selectors.paper_or_404(meeting=meeting, paper_id=paper_id)
    services.paper_remove(paper=paper, by=request.user, request=request)
    messages.success(request, f"Paper removed: {paper.title}")
    return redirect(meeting_url(meeting, "papers"))


@require_POST
def papers_send(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    members = services.papers_send(meeting=meeting, by=request.user, request=request)
    messages.success(request, f"Papers sent to {len(members)} members, each in the format they asked for")
    return redirect(meeting_url(meeting, "papers"))


@require_GET
def papers_pack(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id)
    chosen = reader_format(request, user_id=request.user.pk)
    indicators = selectors.contract_indicators(contract=meeting.contract)
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=meeting, request=request, detail=f"papers pack ({chosen})")
    return render(request, "monitoring/papers_pack.html", {
        "programme": meeting.contract.programme, "section_url_name": TAB, "contract": meeting.contract, "meeting": meeting,
        **pack_context(meeting, chosen, indicators), "formats": DocumentFormat.choices,
    })


def pack_context(meeting: MonitoringMeeting, chosen: str, indicators) -> dict:
    papers = selectors.papers_of(meeting=meeting)
    easy_read = chosen == DocumentFormat.EASY_READ
    return {
        "format": chosen, "format_label": DocumentFormat(chosen).label, "easy_read": easy_read,
        "large_print": chosen == DocumentFormat.LARGE_PRINT,
        "agenda": (meeting.agenda_easy_read if easy_read and meeting.agenda_easy_read else meeting.agenda),
        "written": [(paper, paper.easy_read_text if easy_read and paper.easy_read_text else paper.text) for paper in papers if paper.text],
        "uploaded": [paper for paper in papers if paper.file],
        "reports": selectors.indicator_reports(meeting=meeting, indicators=indicators),
    }


@require_POST
def papers_pdf(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id)
    chosen = reader_format(request, user_id=request.user.pk)
    job = report_job_request(kind=ReportJob.Kind.MONITORING_PAPERS, requested_by=request.user, subject=meeting, request=request,
                             options={"format": chosen})
    return redirect("reports:job_detail", job_id=job.pk)


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    members = selectors.members_of(meeting=meeting)
    initial = {"attended": [str(member.pk) for member in members if member.attended]}
    form = AttendanceForm(data=request.POST or None, initial=initial, members=members)
    if form.is_valid():
        services.attendance_record(meeting=meeting, attended_ids={int(pk) for pk in form.cleaned_data["attended"]}, by=request.user, request=request)
        messages.success(request, "Attendance saved")
        return redirect(meeting_url(meeting, "members"))
    return _form_page(request, meeting.contract.programme, form, f"Who came to “{meeting.title}”", back_url=meeting_url(meeting, "members"))


@require_http_methods(["GET", "POST"])
def indicator_report(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int, indicator_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.give_representatives_view")
    indicator = next((i for i in selectors.contract_indicators(contract=meeting.contract) if i.pk == indicator_id), None)
    if indicator is None:
        raise Http404
    report = meeting.indicator_reports.filter(indicator=indicator).first()
    full = request.user.has_perm("monitoring.manage_meeting", meeting)
    if not full and report is None:
        messages.error(request, "The figure for this indicator has not been recorded yet. You can give your view once it has.")
        return redirect(meeting_url(meeting, "indicators"))
    initial = {"figure": report.figure, "what_people_said": report.what_people_said, "representatives_view": report.representatives_view} if report else None
    form = IndicatorReportForm(data=request.POST or None, initial=initial, indicator=indicator, full=full)
    if form.is_valid():
        try:
            services.indicator_report_save(meeting=meeting, indicator=indicator, data=form.cleaned_data, by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Saved: {indicator.name}")
            return redirect(meeting_url(meeting, "indicators"))
    return _form_page(request, meeting.contract.programme, form, f"{indicator.name}", back_url=meeting_url(meeting, "indicators"))


@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    form = MinutesForm(data=request.POST or None, initial={"minutes": meeting.minutes})
    if form.is_valid():
        services.minutes_put_forward(meeting=meeting, minutes=form.cleaned_data["minutes"], by=request.user, request=request)
        messages.success(request, "Minutes saved. Every member is asked to agree them.")
        return redirect(meeting_url(meeting, "minutes"))
    return _form_page(request, meeting.contract.programme, form, f"Minutes of “{meeting.title}”", back_url=meeting_url(meeting, "minutes"))


@require_POST
def minutes_agree(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.agree_minutes")
    try:
        services.minutes_agree(meeting=meeting, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Thank you. You have agreed the minutes.")
    return redirect(meeting_url(meeting, "minutes"))


def _action_form(request, contract: Contract, *, meeting=None, visit=None, back_url: str) -> HttpResponse:
    form = ActionForm(data=request.POST or None, owners=selectors.action_owner_candidates(contract=contract, meeting=meeting))
    if form.is_valid():
        services.action_add(contract=contract, meeting=meeting, quality_visit=visit, by=request.user, request=request, **form.cleaned_data)
        messages.success(request, "Action added")
        return redirect(back_url)
    return _form_page(request, contract.programme, form, "Add an action", back_url=back_url)


@require_http_methods(["GET", "POST"])
def meeting_action_add(request: HttpRequest, programme_id: int, contract_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, programme_id, contract_id, meeting_id, "monitoring.manage_meeting")
    return _action_form(request, meeting.contract, meeting=meeting, back_url=meeting_url(meeting, "actions"))


@require_POST
def action_done(request: HttpRequest, programme_id: int, contract_id: int, action_id: int) -> HttpResponse:
    contract = _contract(request, programme_id, contract_id)
    action = require_visible(request, selectors.action_or_404(contract=contract, action_id=action_id), "monitoring.complete_action")
    services.action_done(action=action, by=request.user, request=request)
    messages.success(request, "Action marked as done")
    return redirect(contract_url(contract, "actions"))


# --- Quality frameworks ------------------------------------------------------------------


@require_GET
def framework_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "monitoring.view_framework")
    return render(request, "monitoring/framework_list.html", {
        "programme": programme, "section_url_name": FRAMEWORK_TAB,
        "page": _pager(request, selectors.frameworks_of(programme=programme), "page"),
        "can_change": request.user.has_perm("monitoring.change_framework", programme),
    })


def framework_url(framework) -> str:
    return reverse("monitoring:framework_detail", kwargs={"programme_id": framework.programme_id, "framework_id": framework.pk})


def _framework_form(request, programme, framework) -> HttpResponse:
    initial = None
    if framework is not None:
        initial = {"title": framework.title, "how_it_was_made": framework.how_it_was_made,
                   "informed_by": list(framework.informed_by.values_list("pk", flat=True))}
    activities = programme.activities.order_by("-happened_on", "title")
    form = FrameworkForm(data=request.POST or None, initial=initial, activities=activities,
                         submit="Save the framework" if framework else "Start the framework")
    if form.is_valid():
        data = form.cleaned_data
        try:
            framework = services.framework_save(programme=programme, framework=framework, data=data, informed_by=data.get("informed_by") or [],
                                                by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Saved: {framework.title}")
            return redirect(framework_url(framework))
    return _form_page(request, programme, form, "Change the framework" if framework else "Start a quality framework", tab=FRAMEWORK_TAB,
                      back_url=framework_url(framework) if framework else reverse(FRAMEWORK_TAB, kwargs={"programme_id": programme.pk}),
                      intro="" if framework else "Write down the quality characteristics people designed together, each with what good looks like and what to look for.")


@require_http_methods(["GET", "POST"])
def framework_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "monitoring.change_framework")
    return _framework_form(request, programme, None)


@require_http_methods(["GET", "POST"])
def framework_edit(request: HttpRequest, programme_id: int, framework_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "monitoring.change_framework")
    return _framework_form(request, programme, selectors.framework_or_404(programme=programme, framework_id=framework_id))


@require_GET
def framework_detail(request: HttpRequest, programme_id: int, framework_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "monitoring.view_framework")
    framework = selectors.framework_or_404(programme=programme, framework_id=framework_id)
    return render(request, "monitoring/framework_detail.html", {
        "programme": programme, "section_url_name": FRAMEWORK_TAB, "framework": framework,
        "characteristics": selectors.characteristics_of(framework=framework),
        "informed_by": list(framework.informed_by.order_by("-happened_on", "title")),
        "in_use": selectors.framework_in_use(framework=framework),
        "can_change": request.user.has_perm("monitoring.change_framework", programme),
    })


def _characteristic_form(request, programme_id, framework_id, characteristic_id=None) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "monitoring.change_framework")
    framework = selectors.framework_or_404(programme=programme, framework_id=framework_id)
    characteristic = selectors.characteristic_or_404(framework=framework, characteristic_id=characteristic_id) if characteristic_id else None
    if selectors.framework_in_use(framework=framework):
        messages.error(request, services.IN_USE_MESSAGE)
        return redirect(framework_url(framework))
    initial = None
    if characteristic:
        initial = {name: getattr(characteristic, name) for name in ("title", "what_good_looks_like", "what_to_look_for")}
    form = CharacteristicForm(data=request.POST or None, initial=initial, submit="Save" if characteristic else "Add the characteristic")
    if form.is_valid():
        try:
            services.characteristic_save(framework=framework, characteristic=characteristic, data=form.cleaned_data, by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Saved: {form.cleaned_data['title']}")
            return redirect(framework_url(framework))
    return _form_page(request, programme, form, "Change a quality characteristic" if characteristic else "Add a quality characteristic",
                      back_url=framework_url(framework), tab=FRAMEWORK_TAB)


@require_http_methods(["GET", "POST"])
def characteristic_add(request: HttpRequest, programme_id: int, framework_id: int) -> HttpResponse:
    return _characteristic_form(request, programme_id, framework_id)


@require_http_methods(["GET", "POST"])
def characteristic_edit(request: HttpRequest, programme_id: int, framework_id: int, characteristic_id: int) -> HttpResponse:
    return _characteristic_form(request, programme_id, framework_id, characteristic_id)


@require_POST
def characteristic_remove(request: HttpRequest, programme_id: int, framework_id: int, characteristic_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "monitoring.change_framework")
    framework = selectors.framework_or_404(programme=programme, framework_id=framework_id)
    characteristic = selectors.characteristic_or_404(framework=framework, characteristic_id=characteristic_id)
    try:
        services.characteristic_remove(characteristic=characteristic, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Removed: {characteristic.title}")
    return redirect(framework_url(framework))


# --- Quality visits ----------------------------------------------------------------------


def _visit(request, programme_id, contract_id, visit_id, permission="monitoring.view_visit") -> QualityVisit:
    contract = selectors.contract_or_404(programme_id=programme_id, contract_id=contract_id)
    visit = selectors.visit_or_404(contract=contract, visit_id=visit_id)
    return require_visible(request, visit, permission, visible_perm="monitoring.view_visit")


def visit_url(visit: QualityVisit, anchor: str = "") -> str:
    url = reverse("monitoring:visit_detail", kwargs={
        "programme_id": visit.contract.programme_id, "contract_id": visit.contract_id, "visit_id": visit.pk,
    })
    return url + (f"#{anchor}" if anchor else "")


@require_http_methods(["GET", "POST"])
def visit_add(request: HttpRequest, programme_id: int, contract_id: int) -> HttpResponse:
    contract = _contract(request, programme_id, contract_id, "monitoring.change_contract")
    frameworks = selectors.frameworks_of(programme=contract.programme)
    if not frameworks.exists():
        messages.error(request, "Start a quality framework with the group first: assessors report against it.")
        return redirect("monitoring:framework_list", programme_id=contract.programme_id)
    form = VisitForm(data=request.POST or None, frameworks=frameworks, assessors=selectors.assessors())
    if form.is_valid():
        try:
            visit = services.visit_assign(contract=contract, by=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Visit assigned. The assessors see it on their monitoring page.")
            return redirect(visit_url(visit))
    return _form_page(request, contract.programme, form, f"Assign a quality visit to {contract.service_name}", back_url=contract_url(contract, "visits"))


@require_GET
def visit_detail(request: HttpRequest, programme_id: int, contract_id: int, visit_id: int) -> HttpResponse:
    visit = _visit(request, programme_id, contract_id, visit_id)
    user = request.user
    audit_record(actor=user, action=AuditEvent.Action.VIEW, obj=visit, request=request)
    return render(request, "monitoring/visit_detail.html", {
        "programme": visit.contract.programme, "section_url_name": TAB, "contract": visit.contract, "visit": visit,
        "assessors": list(visit.assessors.order_by("full_name", "pk")),
        "findings": selectors.visit_findings(visit=visit), "actions": selectors.visit_actions(visit=visit),
        "can_record": visit.status == QualityVisit.Status.ASSIGNED and user.has_perm("monitoring.record_findings", visit),
        "can_review": visit.status == QualityVisit.Status.SUBMITTED and user.has_perm("monitoring.review_visit", visit),
        "can_respond": not visit.responded_at and user.has_perm("monitoring.respond_to_visit", visit),
        "can_add_action": visit.status == QualityVisit.Status.REVIEWED and user.has_perm("monitoring.review_visit", visit),
        "can_recognise": visit.activity.happened_on is not None and user.has_perm("monitoring.review_visit", visit),
    })


@require_http_methods(["GET", "POST"])
def visit_findings(request: HttpRequest, programme_id: int, contract_id: int, visit_id: int) -> HttpResponse:
    visit = _visit(request, programme_id, contract_id, visit_id, "monitoring.record_findings")
    if visit.status != QualityVisit.Status.ASSIGNED:
        messages.error(request, services.SUBMITTED_MESSAGE)
        return redirect(visit_url(visit))
    pairs = selectors.visit_findings(visit=visit)
    initial = {"visited_on": visit.visited_on, "summary": visit.summary}
    for characteristic, finding in pairs:
        if finding:
            initial[f"rating_{characteristic.pk}"], initial[f"evidence_{characteristic.pk}"] = finding.rating, finding.evidence
    form = FindingsForm(data=request.POST or None, initial=initial, characteristics=[c for c, _ in pairs])
    if form.is_valid():
        submit = "save" not in request.POST
        try:
            services.findings_save(visit=visit, visited_on=form.cleaned_data["visited_on"], summary=form.cleaned_data["summary"],
                                   findings=form.findings(), submit=submit, by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Report sent to the commissioners. Thank you." if submit else "Saved. You can come back and finish it later.")
            return redirect(visit_url(visit))
    return _form_page(request, visit.contract.programme, form, f"Your findings: {visit.get_method_display().lower()} at {visit.contract.service_name}",
                      back_url=visit_url(visit), intro=f"Using the framework “{visit.framework.title}”. Rate what you can and say why in your own words.")


@require_http_methods(["GET", "POST"])
def visit_review(request: HttpRequest, programme_id: int, contract_id: int, visit_id: int) -> HttpResponse:
    visit = _visit(request, programme_id, contract_id, visit_id, "monitoring.review_visit")
    if visit.status != QualityVisit.Status.SUBMITTED:
        messages.error(request, "Only a report sent by the assessors can be reviewed.")
        return redirect(visit_url(visit))
    form = ReviewForm(data=request.POST or None)
    if form.is_valid():
        services.visit_review(visit=visit, notes=form.cleaned_data["review_notes"], by=request.user, request=request)
        messages.success(request, "Review saved. The provider can now read the report and respond.")
        return redirect(visit_url(visit))
    return _form_page(request, visit.contract.programme, form, "Review the quality visit report", back_url=visit_url(visit))


@require_http_methods(["GET", "POST"])
def visit_respond(request: HttpRequest, programme_id: int, contract_id: int, visit_id: int) -> HttpResponse:
    visit = _visit(request, programme_id, contract_id, visit_id, "monitoring.respond_to_visit")
    form = ResponseForm(data=request.POST or None, initial={"provider_response": visit.provider_response})
    if form.is_valid():
        try:
            services.visit_respond(visit=visit, response=form.cleaned_data["provider_response"], by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Response sent")
            return redirect(visit_url(visit, "response"))
    return _form_page(request, visit.contract.programme, form, "Respond to the quality visit report", back_url=visit_url(visit))


@require_http_methods(["GET", "POST"])
def visit_action_add(request: HttpRequest, programme_id: int, contract_id: int, visit_id: int) -> HttpResponse:
    visit = _visit(request, programme_id, contract_id, visit_id, "monitoring.review_visit")
    if visit.status != QualityVisit.Status.REVIEWED:
        messages.error(request, "Review the report before adding actions.")
        return redirect(visit_url(visit))
    return _action_form(request, visit.contract, visit=visit, back_url=visit_url(visit, "actions"))


@require_http_methods(["GET", "POST"])
def visit_recognition(request: HttpRequest, programme_id: int, contract_id: int, visit_id: int) -> HttpResponse:
    """Assessors are paid for their time: recognition goes into the involvement ledger against
    the visit's activity, like any other co-production."""
    from commissioning.involvement.models.ledger import (
        CATEGORY_KIND,
        ClaimCategory,
        ClaimKind,
    )
    from commissioning.involvement.services import claim_enter

    visit = _visit(request, programme_id, contract_id, visit_id, "monitoring.review_visit")
    if visit.activity.happened_on is None:
        messages.error(request, "Recognition can be recorded once the assessors have been and sent their report.")
        return redirect(visit_url(visit))
    categories = [(value, label) for value, label in ClaimCategory.choices if CATEGORY_KIND.get(value) == ClaimKind.RECOGNITION]
    form = RecognitionForm(data=request.POST or None, assessors=visit.assessors.order_by("full_name", "pk"), categories=categories)
    if form.is_valid():
        data = form.cleaned_data
        try:
            claim_enter(by=request.user, claimant=data["claimant"], activity=visit.activity, kind=ClaimKind.RECOGNITION,
                        category=data["category"], amount=data["amount"], description=data["description"], request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Recognition recorded for {data['claimant'].display_name}. It waits for approval in the involvement ledger.")
            return redirect(visit_url(visit, "recognition"))
    return _form_page(request, visit.contract.programme, form, "Recognition for the assessors' time", back_url=visit_url(visit))


# --- Each person's own monitoring --------------------------------------------------------


@require_GET
def my_monitoring(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("monitoring.view_my_monitoring"):
        raise PermissionDenied
    mine = selectors.my_monitoring(user=request.user)
    return render(request, "monitoring/my_monitoring.html", {
        "contracts": _pager(request, mine["contracts"], "page"),
        "meetings": _pager(request, mine["meetings"], "meetings_page"),
        "visits": _pager(request, mine["visits"], "visits_page"),
        "MeetingMember": MeetingMember,
    })
