from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from careplans.selectors import plan_draft, plan_latest
from careplans.views import person_or_404
from commissioning.access import programme_or_404
from commissioning.models import Activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many
from coproduction.core.access import require_perm
from coproduction.core.forms import errors_onto_form

from . import selectors, services
from .forms import (
    AssetForm,
    LinksForm,
    MappingExerciseForm,
    ModeratorForm,
    PlanAssetForm,
    PlanSearchForm,
    ReviewForm,
    SearchForm,
)
from .models import Asset, Suggestion

MODERATE, SUGGEST, PRIVATE = "assets.moderate_asset", "assets.suggest_asset", "assets.view_private_details"
TAB = "assets:coverage"


def _map_settings() -> dict:
    return {"tile_url": settings.ASSET_TILE_URL, "attribution": settings.ASSET_TILE_ATTRIBUTION}


def _markers(assets) -> list[dict]:
    """Only public fields, for the map drawn from the page's data (one page of results). Each
    asset is given its page's address on the way, for the list."""
    url = reverse("assets:asset_detail", kwargs={"asset_id": 0}).replace("/0/", "/{}/")
    markers = []
    for number, asset in enumerate(assets, start=1):
        asset.url = url.format(asset.pk)
        if asset.has_place:
            markers.append({"n": number, "name": asset.name, "lat": float(asset.latitude), "lon": float(asset.longitude), "url": asset.url})
    return markers


@login_not_required  # the community's map is public: only published assets, only public fields
@require_GET
@vary_on_headers("HX-Request")
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(data=request.GET or None, action=reverse("assets:search"))
    if form.is_bound:
        form.is_valid()
    criteria = form.search()
    page = Paginator(selectors.search(criteria), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form, "page": page, "criteria": criteria, "markers": _markers(page.object_list),
        "extra_query": (query.urlencode() + "&") if query else "", "map": _map_settings(),
        "can_suggest": request.user.has_perm(SUGGEST), "can_moderate": request.user.has_perm(MODERATE),
    }
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "assets/partials/results.html" if partial else "assets/search.html", context)


@login_not_required  # a published asset is public; anything else needs signing in (checked below)
@require_GET
def asset_detail(request: HttpRequest, asset_id: int) -> HttpResponse:
    asset = selectors.asset_or_404(asset_id)
    if not request.user.has_perm("assets.view_asset", asset):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    private = request.user.has_perm(PRIVATE, asset)
    show_contact = private or not asset.responsible_is_private
    if private and asset.responsible_is_private:
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=asset, request=request, detail="private contact details read")
    return render(request, "assets/asset_detail.html", {
        "asset": asset, "show_contact": show_contact, "private": private,
        "markers": _markers([asset]), "map": _map_settings(),
        "can_suggest": request.user.has_perm(SUGGEST) and asset.is_public,
        "can_moderate": request.user.has_perm(MODERATE),
        "can_add_to_plan": request.user.has_perm("assets.add_to_plan") and asset.is_public,
        "found_by_visible": asset.found_by_activity_id and request.user.has_perm(
            "commissioning.view_programme", asset.found_by_activity.programme),
    })


def _activity_from(request: HttpRequest) -> Activity | None:
    """A mapping walk the new asset was found on, if the person may see that programme."""
    activity_id = request.GET.get("activity") or request.POST.get("activity")
    if not activity_id or not str(activity_id).isdigit():
        return None
    activity = selectors.mapping_activity(activity_id=int(activity_id))
    if activity is None or not request.user.has_perm("commissioning.view_programme", activity.programme):
        return None
    return activity


@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    require_perm(request, SUGGEST)
    activity = _activity_from(request)
    form = AssetForm(data=request.POST or None, submit="Send suggestion", with_note=True)
    if form.is_valid():
        try:
            services.asset_suggest(
                by=request.user, data=form.asset_data(), opening_times=form.opening_times(),
                found_by_activity=activity, note=form.cleaned_data.get("note", ""), request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Thank you. A moderator will check your suggestion. You can see what happens to it here.")
            return redirect("assets:my_suggestions")
    return render(request, "assets/asset_form.html", {
        "form": form, "page_title": "Suggest a local asset", "activity": activity,
        "intro": "Tell us about something local that helps people live well. A moderator checks it before it goes on the map.",
    })


@require_http_methods(["GET", "POST"])
def correct(request: HttpRequest, asset_id: int) -> HttpResponse:
    require_perm(request, SUGGEST)
    asset = selectors.asset_or_404(asset_id)
    if not asset.is_public:
        raise Http404
    form = AssetForm(data=request.POST or None, instance=asset, submit="Send correction", with_note=True)
    if form.is_valid():
        try:
            services.correction_suggest(asset=asset, by=request.user, data=form.asset_data(), note=form.cleaned_data.get("note", ""), request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Thank you. A moderator will check your correction.")
            return redirect("assets:my_suggestions")
    return render(request, "assets/asset_form.html", {
        "form": form, "page_title": f"Suggest a correction to {asset.name}", "asset": asset,
        "intro": "Change anything that is wrong or out of date. Only what you change is sent to the moderator.",
    })


@require_GET
def my_suggestions(request: HttpRequest) -> HttpResponse:
    require_perm(request, SUGGEST)
    page = Paginator(selectors.suggestions_by(request.user), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "assets/my_suggestions.html", {"page": page})


@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, MODERATE)
    queue = Paginator(selectors.review_queue(), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    stale = Paginator(selectors.needs_checking(), settings.PAGE_SIZE).get_page(request.GET.get("checking_page"))
    # Who suggested what is personal data of the people who suggested it.
    audit_record_many(
        actor=request.user, action=AuditEvent.Action.VIEW, objects=queue.object_list,
        subject_of=lambda suggestion: suggestion.suggested_by, request=request, detail="asset suggestions listed",
    )
    return render(request, "assets/review_list.html", {
        "queue": queue, "stale": stale, "can_import": request.user.has_perm("assets.import_assets"),
    })


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    require_perm(request, MODERATE)
    suggestion = selectors.suggestion_or_404(suggestion_id)
    asset = suggestion.asset
    duplicates = list(selectors.duplicates_of(asset)[:10]) if suggestion.kind == Suggestion.Kind.NEW else []
    form = ReviewForm(data=request.POST or None, may_duplicate=bool(duplicates))
    if suggestion.status != Suggestion.Status.WAITING:
        messages.info(request, "This suggestion has been reviewed already.")
        return redirect("assets:review_list")
    if form.is_valid():
        try:
            services.suggestion_review(
                suggestion=suggestion, by=request.user, accept=form.cleaned_data["decision"] == "accept",
                reply=form.cleaned_data["reply"], not_a_duplicate=form.cleaned_data.get("not_a_duplicate", False), request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Saved. The person who suggested it can see what you decided.")
            return redirect("assets:review_list")
    if request.method == "GET":
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=suggestion, subject=suggestion.suggested_by,
                     request=request, detail="asset suggestion read")
    changes = [
        (Asset._meta.get_field(name).verbose_name.capitalize(), getattr(asset, name), value)
        for name, value in suggestion.changes.items()
    ]
    return render(request, "assets/review.html", {
        "suggestion": suggestion, "asset": asset, "form": form, "duplicates": duplicates, "changes": changes,
        "opening_times": list(asset.opening_times.all()),
    })


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, asset_id: int) -> HttpResponse:
    require_perm(request, MODERATE)
    asset = selectors.asset_or_404(asset_id)
    form = AssetForm(data=request.POST or None, instance=asset, submit="Save changes")
    if form.is_valid():
        try:
            services.asset_update(asset=asset, by=request.user, data=form.asset_data(), opening_times=form.opening_times(), request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Changes saved")
            return redirect("assets:asset_detail", asset_id=asset.pk)
    return render(request, "assets/asset_form.html", {"form": form, "page_title": f"Change {asset.name}", "asset": asset})


@require_POST
def mark_checked(request: HttpRequest, asset_id: int) -> HttpResponse:
    require_perm(request, MODERATE)
    asset = get_object_or_404(Asset, pk=asset_id)
    try:
        services.asset_mark_checked(asset=asset, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"{asset.name} is marked as checked today")
    return redirect(request.POST.get("next") == "review" and "assets:review_list" or reverse("assets:asset_detail", kwargs={"asset_id": asset.pk}))


@require_POST
def close(request: HttpRequest, asset_id: int) -> HttpResponse:
    require_perm(request, MODERATE)
    asset = get_object_or_404(Asset, pk=asset_id)
    services.asset_close(asset=asset, by=request.user, request=request)
    messages.success(request, f"{asset.name} is marked as closed and no longer shows on the map")
    return redirect("assets:review_list")


@require_http_methods(["GET", "POST"])
def moderators(request: HttpRequest) -> HttpResponse:
    require_perm(request, "assets.appoint_moderator")
    form = ModeratorForm(data=request.POST or None)
    if form.is_valid():
        services.moderator_appoint(user=form.cleaned_data["email"], by=request.user, area=form.cleaned_data["area"])
        messages.success(request, f"{form.cleaned_data['email'].display_name} can now review and publish assets")
        return redirect("assets:moderators")
    return render(request, "assets/moderators.html", {"form": form, "moderators": list(selectors.moderators())})


@require_POST
def moderator_remove(request: HttpRequest, moderator_id: int) -> HttpResponse:
    require_perm(request, "assets.appoint_moderator")
    moderator = selectors.moderator_or_404(moderator_id=moderator_id)
    services.moderator_remove(moderator=moderator, by=request.user)
    messages.success(request, f"{moderator.user.display_name} is no longer a moderator")
    return redirect("assets:moderators")


# --- A programme's view of local assets: coverage of its needs, and its mapping walks -----------

@require_GET
def coverage(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id)
    rows = selectors.coverage(programme=programme)
    can_link = request.user.has_perm("assets.link_asset")
    text = request.GET.get("q", "").strip()[:100]
    found = selectors.search(selectors.Search(text=text))[:20] if (can_link and text) else []
    return render(request, "assets/coverage.html", {
        "programme": programme, "section_url_name": TAB, "rows": rows,
        "gaps": [row for row in rows if not row.asset_count], "can_link": can_link, "q": text, "found": found,
        "exercises": selectors.mapping_exercises(programme=programme),
    })


@require_http_methods(["GET", "POST"])
def links(request: HttpRequest, programme_id: int, asset_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "commissioning.manage_programme")
    require_perm(request, "assets.link_asset")
    asset = get_object_or_404(selectors.public_assets(), pk=asset_id)
    initial = selectors.asset_links_in(asset=asset, programme=programme)
    form = LinksForm(data=request.POST or None, programme=programme, initial=initial)
    if form.is_valid():
        services.asset_links_set(asset=asset, programme=programme, priorities=list(form.cleaned_data["priorities"]),
                                 outcomes=list(form.cleaned_data["outcomes"]), by=request.user)
        messages.success(request, f"Links for {asset.name} saved")
        return redirect(TAB, programme_id=programme.pk)
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": TAB, "form": form,
        "page_title": f"Which needs does {asset.name} help with?",
        "back_url": reverse(TAB, kwargs={"programme_id": programme.pk}), "back_label": "Back to local assets",
    })


@require_http_methods(["GET", "POST"])
def mapping_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "commissioning.manage_programme")
    form = MappingExerciseForm(data=request.POST or None)
    if form.is_valid():
        exercise = services.mapping_exercise_record(programme=programme, by=request.user, **{
            key: value if value is not None else 0 if key == "others_taking_part" else value for key, value in form.cleaned_data.items()
        })
        messages.success(request, "Recorded. Add the assets it found, so everyone knows who found what.")
        return redirect("assets:mapping_detail", programme_id=programme.pk, exercise_id=exercise.pk)
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": TAB, "form": form, "page_title": "Record an asset mapping walk or group",
        "intro": "A walk or a focus group where people found the things that help them locally.",
        "back_url": reverse(TAB, kwargs={"programme_id": programme.pk}), "back_label": "Back to local assets",
    })


@require_GET
def mapping_detail(request: HttpRequest, programme_id: int, exercise_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id)
    exercise = selectors.mapping_exercise_or_404(programme=programme, exercise_id=exercise_id)
    page = Paginator(selectors.found_by(exercise.activity), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    # An asset not yet published opens for the person who suggested it and moderators: link only those.
    openable = {asset.pk for asset in page.object_list if request.user.has_perm("assets.view_asset", asset)}
    return render(request, "assets/mapping_detail.html", {
        "programme": programme, "section_url_name": TAB, "exercise": exercise, "page": page, "openable": openable,
        "participants": selectors.mapping_participants(exercise=exercise),
    })


# --- Care plans: a local asset as an option or community support, or in the plan's support --------

def _plan_for(request: HttpRequest, person_id: int):
    require_perm(request, "assets.add_to_plan")
    person = person_or_404(request, person_id, "careplans.change_plan")
    plan = plan_latest(person=person)
    if plan is None:
        raise Http404
    return person, plan


def _writer(request: HttpRequest, person) -> str:
    if request.user.has_perm("careplans.change_plan", person):
        return "staff"
    return "person" if person.user_id == request.user.pk else "representative"


@require_http_methods(["GET", "POST"])
def plan_add(request: HttpRequest, person_id: int) -> HttpResponse:
    """Search the map and add a local asset to the plan: as an option or as community support
    (whoever may write the plan, while it is a draft), or to the plan's support list (the team)."""
    person = person_or_404(request, person_id, "careplans.write_plan")
    draft = plan_draft(person=person)
    if request.method == "POST":
        asset = get_object_or_404(selectors.public_assets(), pk=request.POST.get("asset") if str(request.POST.get("asset", "")).isdigit() else 0)
        form = PlanAssetForm(data=request.POST)
        form.is_valid()
        place = request.POST.get("place", "")
        if place in services.PLAN_PLACES:
            if draft is None:
                raise Http404
            key = services.PLAN_PLACES[place][0]
            try:
                services.plan_asset_choose(
                    plan=draft, asset=asset, place=place, note=form.cleaned_data.get("note", ""), by=request.user,
                    writer=_writer(request, person), request=request,
                )
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, f"{asset.name} added to the plan as {'an option' if place == 'option' else 'community support'}")
            return redirect(reverse("careplans:plan_detail", kwargs={"person_id": person.pk}) + f"#section-{key}")
        person, plan = _plan_for(request, person_id)
        try:
            services.plan_asset_add(plan=plan, asset=asset, by=request.user, note=form.cleaned_data.get("note", ""), request=request)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"{asset.name} added to {person.display_name}'s support")
        return redirect(reverse("careplans:plan_detail", kwargs={"person_id": person.pk}) + "#section-needs")
    own = person.user_id == request.user.pk
    form = PlanSearchForm(
        data=request.GET or None, action=reverse("assets:plan_add", kwargs={"person_id": person.pk}),
        home_postcode=person.postcode, home_point=selectors.resolve_place(person.postcode) if person.postcode else None,
        own=own, name=person.display_name, swap_results=False,
    )
    if form.is_bound:
        form.is_valid()
    page = Paginator(selectors.search(form.search()), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    staff = request.user.has_perm("assets.add_to_plan") and request.user.has_perm("careplans.change_plan", person)
    return render(request, "assets/plan_add.html", {
        "person": person, "draft": draft, "form": form, "page": page, "own": own, "near_home": form.home_point is not None,
        "linked": selectors.plan_assets(plan_latest(person=person)) if staff else [], "can_add_to_support": staff,
        "extra_query": (query.urlencode() + "&") if query else "",
    })


@require_POST
def plan_remove(request: HttpRequest, person_id: int, link_id: int) -> HttpResponse:
    person, plan = _plan_for(request, person_id)
    link = selectors.plan_asset_or_404(person=person, link_id=link_id)
    services.plan_asset_remove(link=link, by=request.user, request=request)
    messages.success(request, f"{link.asset.name} removed from the plan's support")
    return redirect(reverse("careplans:plan_detail", kwargs={"person_id": person.pk}) + "#section-needs")
