"""Where the case management system's nightly extracts arrive and where plans go back to it:
a folder on the server (CASE_SYSTEM_IMPORT_FOLDER, CASE_SYSTEM_EXPORT_FOLDER) or, when the
service keeps its files in object storage, a prefix in that bucket (CASE_SYSTEM_IMPORT_PREFIX,
CASE_SYSTEM_EXPORT_PREFIX). Unset, the scheduled import or export does nothing."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage


def _place(folder: str, prefix: str) -> tuple[Storage, str] | None:
    if folder:
        return FileSystemStorage(location=folder), ""
    if prefix:
        return default_storage, prefix.strip("/") + "/"
    return None


def import_place() -> tuple[Storage, str] | None:
    return _place(settings.CASE_SYSTEM_IMPORT_FOLDER, settings.CASE_SYSTEM_IMPORT_PREFIX)


def export_place() -> tuple[Storage, str] | None:
    return _place(settings.CASE_SYSTEM_EXPORT_FOLDER, settings.CASE_SYSTEM_EXPORT_PREFIX)


def waiting_extracts() -> list[tuple[str, bytes]]:
    """Each CSV file in the drop folder or bucket, oldest name first, as (name, bytes)."""
    place = import_place()
    if place is None:
        return []
    storage, prefix = place
    try:
        _, names = storage.listdir(prefix or ".")
    except FileNotFoundError:
        return []
    found = []
    for name in sorted(names):
        if not name.lower().endswith(".csv"):
            continue
        with storage.open(prefix + name, "rb") as extract:
            found.append((name, extract.read()))
    return found


def drop_export(name: str, content: bytes) -> str:
    """Write one exported file, replacing one of the same name (a retry writes the same bytes)."""
    place = export_place()
    if place is None:
        raise RuntimeError("No export folder or bucket is configured")
    storage, prefix = place
    path = prefix + name
    if storage.exists(path):
        storage.delete(path)
    return storage.save(path, ContentFile(content))


def export_configured() -> bool:
    return export_place() is not None


def export_destination() -> str:
    """Where exported files go, in words for the settings page; empty when the export is off."""
    if settings.CASE_SYSTEM_EXPORT_FOLDER:
        return f"The folder {settings.CASE_SYSTEM_EXPORT_FOLDER} on the server"
    if settings.CASE_SYSTEM_EXPORT_PREFIX:
        where = f"the bucket {settings.AWS_STORAGE_BUCKET_NAME}" if settings.AWS_STORAGE_BUCKET_NAME else "the service’s file storage"
        return f"{settings.CASE_SYSTEM_EXPORT_PREFIX.strip('/')}/ in {where}"
    return ""
