"""Open data and import: the Open Referral UK feed of published assets (a read-only JSON API
and a download, open to anyone, a deliberate exception to default-deny), and the CSV import
with its dry run (commissioners and community moderators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import require_perm

from . import importing, oruk
from .open_forms import ImportConfirmForm, ImportUploadForm

IMPORT = "assets.import_assets"
DEFAULT_PER_PAGE, MAX_PER_PAGE = 50, 200


def _open(response: HttpResponse) -> HttpResponse:
    # The Open Referral UK rules: any web page, on any site, may read the feed.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json(data: dict, status: int = 200) -> HttpResponse:
    return _open(JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False}))


def _positive(request: HttpRequest, name: str, default: int) -> int | None:
    text = request.GET.get(name, "")
    if text == "":
        return default
    return int(text) if text.isdigit() and int(text) > 0 else None


@login_not_required
@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    """A page saying what the feed is and where it is, for people who look after directories."""
    return render(request, "assets/open/open_data.html", {
        "version": oruk.ORUK_VERSION,
        "can_import": request.user.has_perm(IMPORT),
    })


@login_not_required
@require_GET
def oruk_api_details(request: HttpRequest) -> HttpResponse:
    return _json(oruk.api_details())


@login_not_required
@require_GET
def oruk_service_list(request: HttpRequest) -> HttpResponse:
    page_number = _positive(request, "page", 1)
    per_page = _positive(request, "per_page", DEFAULT_PER_PAGE)
    if page_number is None or per_page is None:
        return _json({"error": "page and per_page must be whole numbers of 1 or more"}, status=400)
    per_page = min(per_page, MAX_PER_PAGE)
    assets = oruk.exportable_assets()
    total = assets.count()
    start = (page_number - 1) * per_page
    rows = list(assets[start:start + per_page]) if start < total else []
    return _json(oruk.page(assets=rows, total_items=total, page_number=page_number, size=per_page))


@login_not_required
@require_GET
def oruk_service_detail(request: HttpRequest, service_id) -> HttpResponse:
    pk = oruk.asset_pk_from_service_id(service_id)
    asset = oruk.exportable_assets().filter(pk=pk).first() if pk is not None else None
    if asset is None:
        return _json({"error": "No published service has this id"}, status=404)
    return _json(oruk.service(asset))


@login_not_required
@require_GET
def oruk_export(request: HttpRequest) -> HttpResponse:
    audit_record(actor=request.user, action=AuditEvent.Action.EXPORT, request=request, detail="Open Referral UK export")
    response = StreamingHttpResponse(oruk.export_chunks(), content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="local-assets-open-referral-uk-{stamp}.json"'
    return _open(response)


def _may_import(request: HttpRequest) -> None:
    require_perm(request, IMPORT)


@require_GET
def asset_import_template(request: HttpRequest) -> HttpResponse:
    _may_import(request)
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="asset-import-template.csv"'
    return response


def _upload_page(request: HttpRequest, form: ImportUploadForm) -> HttpResponse:
    return render(request, "assets/open/import.html", {"form": form, "columns": importing.COLUMNS})


def _check_page(request: HttpRequest, *, dry_run: importing.DryRun, upload_id: str, filename: str) -> HttpResponse:
    return render(request, "assets/open/import_check.html", {
        "dry_run": dry_run,
        "filename": filename,
        "confirm_all": ImportConfirmForm(initial={"upload_id": upload_id, "scope": ImportConfirmForm.ALL}),
        "confirm_valid": ImportConfirmForm(initial={"upload_id": upload_id, "scope": ImportConfirmForm.VALID_ONLY}),
    })


@require_http_methods(["GET", "POST"])
def asset_import(request: HttpRequest) -> HttpResponse:
    """Upload, then the dry run: every row's problems, before anything is saved."""
    _may_import(request)
    if request.method == "GET":
        return _upload_page(request, ImportUploadForm())
    form = ImportUploadForm(data=request.POST, files=request.FILES)
    if not form.is_valid():
        return _upload_page(request, form)
    data = form.cleaned_data["file"].read(importing.MAX_BYTES + 1)
    try:
        dry_run = importing.check_file(data)
    except importing.FileProblem as problem:
        form.add_error("file", str(problem))
        return _upload_page(request, form)
    upload_id = importing.store_upload(data=data, session=request.session)
    return _check_page(request, dry_run=dry_run, upload_id=upload_id, filename=form.cleaned_data["file"].name)


@require_POST
def asset_import_confirm(request: HttpRequest) -> HttpResponse:
    _may_import(request)
    form = ImportConfirmForm(data=request.POST)
    data = importing.read_upload(upload_id=form.data.get("upload_id", ""), session=request.session) if form.is_valid() else None
    if data is None:
        messages.error(request, "That file has already been imported or has expired. Upload it again to check it.")
        return redirect("assets:asset_import")
    upload_id = form.cleaned_data["upload_id"]
    # Checked again: the map may have changed since the dry run. The file itself was read then.
    dry_run = importing.check_file(data)
    try:
        assets = importing.import_checked(
            dry_run=dry_run, by=request.user, only_valid=form.cleaned_data["scope"] == ImportConfirmForm.VALID_ONLY, request=request,
        )
    except ValidationError:
        messages.error(request, "Some rows now have problems. Nothing was imported: check them below.")
        return _check_page(request, dry_run=dry_run, upload_id=upload_id, filename="")
    importing.forget_upload(upload_id=upload_id, session=request.session)
    skipped = len(dry_run.rows) - len(assets)
    text = f"{len(assets)} asset{'s' if len(assets) != 1 else ''} imported and published."
    if skipped:
        text += f" {skipped} row{'s' if skipped != 1 else ''} with problems {'were' if skipped != 1 else 'was'} not imported."
    messages.success(request, text)
    return redirect(reverse("assets:asset_import"))

