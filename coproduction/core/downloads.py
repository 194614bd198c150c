"""Serving a file only some people may have: a stored file as an attachment no shared cache
keeps, with the download written to the audit trail. The view decides who may have it first."""

from collections.abc import Mapping

from django.http import FileResponse, Http404, HttpRequest

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record


def private_file_response(file, *, filename: str, content_type: str) -> FileResponse:
    """The stored file as a download only this person's browser may keep."""
    if not file:
        raise Http404
    response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


def members_file_download(
    request: HttpRequest, *, record, content_types: Mapping[str, str], name: str, detail: str, subject=None,
) -> FileResponse:
    """A record's uploaded file (``record.file``, of kind ``record.file_type``), audited as a download.

    Only the kinds in ``content_types`` (file type -> content type) are served; the file is named
    ``<name>-<record id>.<type>`` so the uploader's own file name never reaches anyone else.
    """
    if not record.file or record.file_type not in content_types:
        raise Http404
    audit_record(actor=request.user, action=AuditEvent.Action.DOWNLOAD, obj=record, subject=subject, request=request,
                 detail=detail)
    return private_file_response(
        record.file, filename=f"{name}-{record.pk}.{record.file_type}", content_type=content_types[record.file_type],
    )
