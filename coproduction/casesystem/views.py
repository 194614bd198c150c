"""The integration team's pages: column mappings, imports with their dry run, and runs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from coproduction.core.access import require_perm, require_visible
from coproduction.core.csv_import import FileProblem
from coproduction.core.forms import errors_onto_form

from . import importing, selectors, services
from .forms import ImportConfirmForm, ImportUploadForm, MappingForm

MANAGE = "casesystem.manage_imports"
# A whole extract in the wrong date format would list a problem a row: the first ones show what to correct.
PROBLEMS_SHOWN = 1000


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    require_perm(request, MANAGE)
    return render(request, "casesystem/overview.html", {
        "mappings": selectors.mapping_list(), "runs": selectors.recent_runs(), "flagged": selectors.flagged_count(),
        "layout": importing.LAYOUT,
    })


def _mapping_page(request: HttpRequest, form: MappingForm) -> HttpResponse:
    return render(request, "casesystem/mapping_form.html", {"form": form})


def _save_mapping(request: HttpRequest, form: MappingForm) -> HttpResponse:
    if not form.is_valid():
        return _mapping_page(request, form)
    try:
        mapping = services.mapping_save(mapping=form.instance, actor=request.user, request=request)
    except ValidationError as error:
        errors_onto_form(form, error)
        return _mapping_page(request, form)
    messages.success(request, f"Mapping “{mapping.name}” saved.")
    return redirect("casesystem:overview")


@require_http_methods(["GET", "POST"])
def mapping_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, MANAGE)
    if request.method == "GET":
        return _mapping_page(request, MappingForm())
    return _save_mapping(request, MappingForm(data=request.POST))


@require_http_methods(["GET", "POST"])
def mapping_edit(request: HttpRequest, mapping_id: int) -> HttpResponse:
    require_perm(request, MANAGE)
    mapping = require_visible(request, selectors.mapping_by_id(mapping_id))
    if request.method == "GET":
        return _mapping_page(request, MappingForm(instance=mapping))
    return _save_mapping(request, MappingForm(data=request.POST, instance=mapping))


def _upload_page(request: HttpRequest, form: ImportUploadForm) -> HttpResponse:
    return render(request, "casesystem/import.html", {"form": form, "has_mappings": selectors.mapping_list().exists()})


def _check_page(request: HttpRequest, *, dry_run, upload_id: str, mapping, file_name: str) -> HttpResponse:
    problems = dry_run.problems
    return render(request, "casesystem/import_check.html", {
        "dry_run": dry_run, "problems": problems[:PROBLEMS_SHOWN], "problem_count": len(problems), "mapping": mapping,
        "file_name": file_name, "valid_count": len(dry_run.valid_rows),
        "confirm": ImportConfirmForm(initial={"upload_id": upload_id, "mapping": mapping.pk, "file_name": file_name}),
    })


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload, then the dry run: every row's problems, by row, column and message, before
    anything is saved."""
    require_perm(request, MANAGE)
    if request.method == "GET":
        return _upload_page(request, ImportUploadForm())
    form = ImportUploadForm(data=request.POST, files=request.FILES)
    if not form.is_valid():
        return _upload_page(request, form)
    mapping = form.cleaned_data["mapping"]
    data = form.cleaned_data["file"].read(importing.MAX_BYTES + 1)
    try:
        dry_run = importing.check_file(data, mapping)
    except FileProblem as problem:
        form.add_error("file", str(problem))
        return _upload_page(request, form)
    upload_id = importing.UPLOADS.store(data=data, session=request.session)
    return _check_page(request, dry_run=dry_run, upload_id=upload_id, mapping=mapping, file_name=form.cleaned_data["file"].name)


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """The checked extract is queued and imported in the background: the run's page follows it."""
    require_perm(request, MANAGE)
    form = ImportConfirmForm(data=request.POST)
    data = importing.UPLOADS.read(upload_id=form.data.get("upload_id", ""), session=request.session) if form.is_valid() else None
    mapping = selectors.mapping_by_id(form.cleaned_data["mapping"]) if data is not None else None
    if data is None or mapping is None:
        messages.error(request, "That extract has already been imported or has expired. Upload it again to check it.")
        return redirect("casesystem:import_upload")
    run = services.upload_import(data=data, file_name=form.cleaned_data["file_name"], mapping=mapping, actor=request.user, request=request)
    importing.UPLOADS.forget(upload_id=form.cleaned_data["upload_id"], session=request.session)
    return redirect("casesystem:run_detail", run_id=run.pk)


@require_GET
@vary_on_headers("HX-Request")
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    """A run, with its progress while an uploaded extract is being imported: the status part
    polls itself with JavaScript; without, the page offers a link to look again."""
    require_perm(request, MANAGE)
    run = selectors.run_by_id(run_id)
    if run is None:
        raise Http404
    problems = [{"row": row, "column": column, "message": message} for row, column, message in run.problems]
    template = "casesystem/run_detail.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#run-status"
    return render(request, template, {"run": run, "problems": problems, "rows_done": selectors.run_rows_done(run)})


@require_GET
def export_settings(request: HttpRequest) -> HttpResponse:
    """Plans back to the case system: where they go (environment settings, shown, not edited),
    whether the export is on, what is waiting and what was sent last."""
    require_perm(request, MANAGE)
    return render(request, "casesystem/export_settings.html", selectors.export_overview())


@require_POST
def export_send(request: HttpRequest) -> HttpResponse:
    require_perm(request, MANAGE)
    if services.exports_send_now(actor=request.user):
        messages.success(request, "The waiting plans and reviews are being sent. Refresh this page in a minute to see them under “Last sent”.")
    else:
        messages.error(request, "Nothing was sent: the export is off. Ask whoever runs the service to set the export folder or bucket prefix.")
    return redirect("casesystem:export_settings")
