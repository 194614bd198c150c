from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.involvement.formats import reader_format
from commissioning.involvement.ledger.forms import RecognitionForm
from commissioning.involvement.ledger.selectors import current_rates
from commissioning.involvement.models import DocumentFormat
from commissioning.listings import listing_available
from commissioning.meetings import minutes_agreed, papers_text
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import require_perm, require_visible
from coproduction.core.forms import form_page as _form_page, saved_or_errors

from . import selectors, services
from .forms import (
    AllianceForm,
    AttendanceForm,
    LibraryItemForm,
    ListingForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
    NetworkForm,
    PaperTextForm,
    PostForm,
    ThreadForm,
    WayOfWorkingForm,
)
from .models import Network, NetworkMeeting, Thread

VIEW = "networks.view_network"
VISIBLE = ("networks.view_network", "networks.view_network_summary")


def _network(request: HttpRequest, network_id: int, permission: str = VIEW) -> Network:
    return require_visible(request, selectors.network_or_none(network_id=network_id), permission, visible_perm=VISIBLE)


def _thread(request: HttpRequest, network_id: int, thread_id: int, permission: str = VIEW) -> Thread:
    # A peer support network's conversations: a 404 for anyone outside it, the council included.
    network = require_visible(request, selectors.network_or_none(network_id=network_id), permission, visible_perm=VIEW)
    thread = selectors.thread_or_none(network=network, thread_id=thread_id)
    if thread is None:
        raise Http404
    return thread


def _meeting(request: HttpRequest, network_id: int, meeting_id: int, permission: str = VIEW) -> NetworkMeeting:
    network = require_visible(request, selectors.network_or_none(network_id=network_id), permission, visible_perm=VIEW)
    meeting = selectors.meeting_or_none(network=network, meeting_id=meeting_id)
    if meeting is None:
        raise Http404
    return meeting


def network_url(network: Network, anchor: str = "") -> str:
    return reverse("networks:network_detail", kwargs={"network_id": network.pk}) + (f"#{anchor}" if anchor else "")


def meeting_url(meeting: NetworkMeeting, anchor: str = "") -> str:
    url = reverse("networks:meeting_detail", kwargs={"network_id": meeting.network_id, "meeting_id": meeting.pk})
    return url + (f"#{anchor}" if anchor else "")


@require_GET
def network_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "networks.view_network_list")
    return render(request, "networks/network_list.html", {
        "networks": list(selectors.network_list_visible_to(user=request.user)),
        "can_add": request.user.has_perm("networks.add_network"),
    })


@require_http_methods(["GET", "POST"])
def network_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, "networks.add_network")
    form = NetworkForm(data=request.POST or None, founders=selectors.founder_candidates(), programmes=selectors.programme_choices())
    network = saved_or_errors(form, lambda: services.network_create(data=form.cleaned_data, by=request.user, request=request))
    if network is not None:
        messages.success(request, f"{network.name} set up")
        return redirect(network_url(network))
    return _form_page(request, form, "Set up a network", back_url=reverse("networks:network_list"),
                      intro="Providers, commissioners (from social care, health, housing and beyond), people who use services and "
                            "carers, working towards the same aim.")


@require_GET
def network_detail(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, VISIBLE[1])
    user = request.user
    if not user.has_perm(VIEW, network):
        # The council enables a peer support network: it sees the network and its size, nothing its members say.
        return render(request, "networks/network_summary.html", {"network": network})
    member = selectors.member_for(network=network, user=user)
    version = selectors.way_of_working(network=network)
    return render(request, "networks/network_detail.html", {
        "network": network, "members": selectors.current_members(network=network), "member": member,
        "way_of_working": version, "agreed": selectors.has_agreed(version=version, member=member),
        "threads": selectors.threads_of(network=network)[:50], "library": selectors.library_of(network=network)[:50],
        "meetings": selectors.meetings_of(network=network)[:50], "alliances": selectors.alliances_of(network=network),
        "can_manage": user.has_perm("networks.manage_network", network), "can_take_part": user.has_perm("networks.take_part", network),
        "can_manage_alliance": user.has_perm("networks.manage_alliance", network),
        "can_list": user.has_perm("networks.list_on_asset_map", network) and listing_available(),
    })


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.manage_network")
    form = MemberForm(data=request.POST or None, people=selectors.person_candidates(network=network),
                      organisations=selectors.organisation_candidates(network=network))
    member = saved_or_errors(form, lambda: services.member_add(network=network, data=form.cleaned_data, by=request.user, request=request))
    if member is not None:
        messages.success(request, f"{member.name} added to the network")
        return redirect(network_url(network, "members"))
    return _form_page(request, form, f"Add a member to {network.name}", back_url=network_url(network, "members"),
                      intro="A person, or an organisation such as a provider, the NHS, a housing association or a voluntary group.")


@require_POST
def member_leave(request: HttpRequest, network_id: int, member_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.manage_network")
    member = next((member for member in selectors.current_members(network=network) if member.pk == member_id), None)
    if member is None:
        raise Http404
    services.member_leave(member=member, by=request.user, request=request)
    messages.success(request, f"{member.name} has left the network")
    return redirect(network_url(network, "members"))


@require_http_methods(["GET", "POST"])
def way_of_working_edit(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.manage_network")
    current = selectors.way_of_working(network=network)
    form = WayOfWorkingForm(data=request.POST or None, initial={"text": current.text if current else ""})
    version = saved_or_errors(form, lambda: services.way_of_working_write(network=network, text=form.cleaned_data["text"],
                                                                          by=request.user, request=request))
    if version is not None:
        messages.success(request, f"Version {version.version} of the way of working saved: members are asked to agree it")
        return redirect(network_url(network, "way-of-working"))
    return _form_page(request, form, "The network's way of working", back_url=network_url(network, "way-of-working"))


@require_POST
def way_of_working_agree(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.take_part")
    version, member = selectors.way_of_working(network=network), selectors.member_for(network=network, user=request.user)
    if version is None or member is None:
        raise Http404
    try:
        services.way_of_working_agree(way_of_working=version, member=member, by=request.user, request=request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "You have agreed the way of working")
    return redirect(network_url(network, "way-of-working"))


@require_http_methods(["GET", "POST"])
def thread_add(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.take_part")
    form = ThreadForm(data=request.POST or None)
    thread = saved_or_errors(form, lambda: services.thread_start(network=network, by=request.user, request=request, **form.cleaned_data))
    if thread is not None:
        messages.success(request, "Discussion started")
        return redirect("networks:thread_detail", network_id=network.pk, thread_id=thread.pk)
    return _form_page(request, form, "Start a discussion", back_url=network_url(network, "discussions"),
                      intro="Every member of the network can read and reply." + (
                          " Only members: the council cannot read it." if network.is_peer_support else ""))


@require_http_methods(["GET", "POST"])
def thread_detail(request: HttpRequest, network_id: int, thread_id: int) -> HttpResponse:
    thread = _thread(request, network_id, thread_id)
    network, user = thread.network, request.user
    can_post = user.has_perm("networks.take_part", network)
    form = PostForm(data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        require_perm(request, "networks.take_part", network)
        if saved_or_errors(form, lambda: services.post_add(thread=thread, text=form.cleaned_data["text"], by=user, request=request)):
            messages.success(request, "Reply posted")
            return redirect("networks:thread_detail", network_id=network.pk, thread_id=thread.pk)
    audit_record(actor=user, action=AuditEvent.Action.VIEW, obj=thread, request=request)
    return render(request, "networks/thread_detail.html", {
        "network": network, "thread": thread, "posts": selectors.posts_of(thread=thread), "form": form if can_post else None,
        "can_moderate": user.has_perm("networks.moderate_threads", network),
    })


@require_POST
def post_hide(request: HttpRequest, network_id: int, thread_id: int, post_id: int) -> HttpResponse:
    thread = _thread(request, network_id, thread_id, "networks.moderate_threads")
    post = selectors.post_or_none(thread=thread, post_id=post_id)
    if post is None:
        raise Http404
    services.post_hide(post=post, by=request.user, request=request)
    messages.success(request, "Post hidden")
    return redirect("networks:thread_detail", network_id=thread.network_id, thread_id=thread.pk)


@require_http_methods(["GET", "POST"])
def library_add(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.take_part")
    form = LibraryItemForm(data=request.POST or None)
    item = saved_or_errors(form, lambda: services.library_add(network=network, data=form.cleaned_data, by=request.user, request=request))
    if item is not None:
        messages.success(request, f"\u201c{item.title}\u201d shared with every member")
        return redirect(network_url(network, "library"))
    return _form_page(request, form, "Share information with the network", back_url=network_url(network, "library"))


@require_http_methods(["GET", "POST"])
def listing(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.list_on_asset_map")
    if request.method == "POST" and request.POST.get("take_off"):
        services.listing_set(network=network, listed=False, by=request.user, request=request)
        messages.success(request, "The network is off the asset map")
        return redirect(network_url(network))
    form = ListingForm(data=request.POST or None, initial={"description": network.aim})
    if saved_or_errors(form, lambda: services.listing_set(network=network, listed=True, by=request.user, request=request, **form.cleaned_data)):
        messages.success(request, "The network is on the asset map")
        return redirect(network_url(network))
    return render(request, "networks/listing.html", {"form": form, "network": network, "back_url": network_url(network)})


@require_http_methods(["GET", "POST"])
def meeting_add(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.manage_network")
    form = MeetingForm(data=request.POST or None, submit="Add the meeting")
    meeting = saved_or_errors(form, lambda: services.meeting_create(network=network, data=form.cleaned_data, by=request.user, request=request))
    if meeting is not None:
        messages.success(request, "Meeting added")
        return redirect(meeting_url(meeting))
    return _form_page(request, form, f"Add a meeting of {network.name}", back_url=network_url(network, "meetings"))


@require_GET
def meeting_detail(request: HttpRequest, network_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, network_id, meeting_id)
    places = selectors.places_of(meeting=meeting)
    mine = selectors.place_for(places, request.user)
    return render(request, "networks/meeting_detail.html", {
        "network": meeting.network, "meeting": meeting, "papers": selectors.papers_of(meeting=meeting), "places": places,
        "mine": mine, "minutes_agreed": minutes_agreed(places), "agreed_count": sum(1 for p in places if p.minutes_agreed_at),
        "attendance_recorded": any(p.attended is not None for p in places), "came": [p for p in places if p.attended],
        "can_manage": request.user.has_perm("networks.manage_network", meeting.network),
    })


@require_http_methods(["GET", "POST"])
def paper_add(request: HttpRequest, network_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, network_id, meeting_id, "networks.manage_network")
    form = PaperTextForm(data=request.POST or None)
    paper = saved_or_errors(form, lambda: services.paper_add(meeting=meeting, data=form.cleaned_data, by=request.user, request=request))
    if paper is not None:
        messages.success(request, f"Paper \u201c{paper.title}\u201d added")
        return redirect(meeting_url(meeting, "papers"))
    return _form_page(request, form, "Add a paper", back_url=meeting_url(meeting, "papers"))


@require_POST
def papers_send(request: HttpRequest, network_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, network_id, meeting_id, "networks.manage_network")
    try:
        places = services.papers_send(meeting=meeting, by=request.user, request=request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Papers sent to {len(places)} members, each in the format they asked for")
    return redirect(meeting_url(meeting, "papers"))


@require_GET
def papers_pack(request: HttpRequest, network_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, network_id, meeting_id)
    mine = selectors.place_for(selectors.places_of(meeting=meeting), request.user)
    chosen = reader_format(request, user_id=request.user.pk, sent_in=mine.papers_format if mine else None)
    easy_read = chosen == DocumentFormat.EASY_READ
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=meeting, request=request, detail=f"network papers ({chosen})")
    return render(request, "networks/papers_pack.html", {
        "network": meeting.network, "meeting": meeting, "format": chosen, "format_label": DocumentFormat(chosen).label,
        "large_print": chosen == DocumentFormat.LARGE_PRINT, "formats": DocumentFormat.choices,
        "agenda": meeting.agenda_easy_read if easy_read and meeting.agenda_easy_read else meeting.agenda,
        "papers": [(paper, papers_text(paper, easy_read=easy_read)) for paper in selectors.papers_of(meeting=meeting)],
    })


@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, network_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, network_id, meeting_id, "networks.manage_network")
    form = MinutesForm(data=request.POST or None, initial={"minutes": meeting.minutes})
    if saved_or_errors(form, lambda: services.minutes_put_forward(meeting=meeting, minutes=form.cleaned_data["minutes"],
                                                                  by=request.user, request=request)):
        messages.success(request, "Minutes saved: every member is asked to agree them")
        return redirect(meeting_url(meeting, "minutes"))
    return _form_page(request, form, "Minutes of the meeting", back_url=meeting_url(meeting, "minutes"))


@require_POST
def minutes_agree(request: HttpRequest, network_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, network_id, meeting_id, "networks.take_part")
    try:
        services.minutes_agree(meeting=meeting, by=request.user, request=request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "You have agreed the minutes")
    return redirect(meeting_url(meeting, "minutes"))


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, network_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, network_id, meeting_id, "networks.manage_network")
    choices, came = selectors.attendance_choices(meeting=meeting)
    form = AttendanceForm(data=request.POST if request.method == "POST" else None, choices=choices, initial={"attended": came})
    if saved_or_errors(form, lambda: services.attendance_record(
            meeting=meeting, attended_ids=set(form.cleaned_data["attended"]), by=request.user, request=request)):
        messages.success(request, "Who came is saved")
        return redirect(meeting_url(meeting, "attendance"))
    return _form_page(request, form, f"Who came to “{meeting.title}”", back_url=meeting_url(meeting, "attendance"))


@require_http_methods(["GET", "POST"])
def recognition(request: HttpRequest, network_id: int, meeting_id: int) -> HttpResponse:
    """Recognition or expenses for a member who came, through the supporting programme's ledger."""
    meeting = _meeting(request, network_id, meeting_id, "networks.manage_network")
    if meeting.activity_id is None:
        raise Http404
    came = [place for place in selectors.places_of(meeting=meeting) if place.attended and place.member.user_id]
    form = RecognitionForm(data=request.POST or None, people=[(place.pk, place.member.name, place) for place in came],
                           rates=current_rates(), invalid="Select a member who came to the meeting")
    claim = saved_or_errors(form, lambda: services.recognition_record(
        meeting=meeting, place=form.cleaned_data["member"], **form.claim_data(), by=request.user, request=request))
    if claim is not None:
        messages.success(request, f"Recorded for {form.cleaned_data['member'].member.name}")
        return redirect(meeting_url(meeting, "attendance"))
    return _form_page(request, form, "Record recognition or expenses", back_url=meeting_url(meeting, "attendance"),
                      intro="Recognise the time members who use services and carers give the network, as the council sets it, "
                            "and pay back what coming cost them.")


@require_http_methods(["GET", "POST"])
def alliance_add(request: HttpRequest, network_id: int) -> HttpResponse:
    network = _network(request, network_id, "networks.manage_alliance")
    form = AllianceForm(data=request.POST or None, providers=selectors.provider_choices(network=network),
                        outcomes=selectors.outcome_choices(), contracts=selectors.contract_choices())

    def save():
        data = {name: form.cleaned_data[name] for name in ("name", "starts_on", "ends_on", "outcomes", "contracts")}
        return services.alliance_create(network=network, data=data, shares=form.shares(), by=request.user, request=request)

    alliance = saved_or_errors(form, save)
    if alliance is not None:
        messages.success(request, f"{alliance.name} recorded")
        return redirect("networks:alliance_detail", network_id=network.pk, alliance_id=alliance.pk)
    return _form_page(request, form, "Record an alliance agreement", back_url=network_url(network, "alliances"),
                      intro="Member providers agree shared outcomes and share the risk and reward of delivering them, for a term.")


@require_GET
def alliance_detail(request: HttpRequest, network_id: int, alliance_id: int) -> HttpResponse:
    network = _network(request, network_id)
    alliance = selectors.alliance_or_none(network=network, alliance_id=alliance_id)
    if alliance is None:
        raise Http404
    return render(request, "networks/alliance_detail.html", {"network": network, "alliance": alliance})
