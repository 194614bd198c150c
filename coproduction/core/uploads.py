"""Checking that an uploaded document is what its name says before it is kept: the one place
that knows what a real PDF and a real Word document look like."""

import posixpath
import zipfile
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

WORD_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# What a document may be uploaded as -> the content type it is served back with.
DOCUMENT_CONTENT_TYPES: dict[str, str] = {"pdf": "application/pdf", "docx": WORD_CONTENT_TYPE}

# The content type of a Word document's main part (a macro-enabled or template main part is not
# a .docx), and the relationship from the package to it, in transitional and strict OOXML.
_WORD_MAIN_PART = f"{WORD_CONTENT_TYPE}.main+xml"
_OFFICE_DOCUMENT = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
}
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# [Content_Types].xml and _rels/.rels are a few kilobytes; a bigger one is not read, so a
# compressed bomb posing as either costs nothing.
_PACKAGE_PART_LIMIT = 1024 * 1024


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def document_upload_kind(upload: UploadedFile, *, max_bytes: int) -> str:
    """"pdf" or "docx" for a real PDF or Word document of at most ``max_bytes``; otherwise a
    ValidationError saying what to change, in GOV.UK words."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in DOCUMENT_CONTENT_TYPES:
        raise ValidationError("The selected file must be a PDF or a Word document (DOCX)")
    if upload.size > max_bytes:
        raise ValidationError(f"The selected file must be smaller than {megabytes(max_bytes)}")
    if extension == "pdf" and not _is_pdf(upload):
        raise ValidationError("The selected file is not a real PDF file")
    if extension == "docx" and not is_word_document(upload):
        raise ValidationError("The selected file is not a real Word document")
    return extension


def _is_pdf(upload: UploadedFile) -> bool:
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    return head == b"%PDF-"


def is_word_document(upload: UploadedFile) -> bool:
    """True only for an Office Open XML word-processing package: a zip whose [Content_Types].xml
    gives its main part the Word document type, with that part named by the package's
    relationships and present. Any other zip renamed .docx is refused."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            parts = {name.lower() for name in package.namelist()}
            content_types = _package_xml(package, "[Content_Types].xml")
            relationships = _package_xml(package, "_rels/.rels")
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, ValueError, EOFError, NotImplementedError, RuntimeError):
        return False
    finally:
        upload.seek(0)
    main = _main_part(relationships)
    return main is not None and main in parts and _content_type(content_types, main) == _WORD_MAIN_PART


def _package_xml(package: zipfile.ZipFile, name: str) -> ElementTree.Element:
    if package.getinfo(name).file_size > _PACKAGE_PART_LIMIT:
        raise ValueError(f"{name} is too big for a package part")
    with package.open(name) as part:
        data = part.read(_PACKAGE_PART_LIMIT + 1)
    # A package's XML never declares a DTD; one here could only be an entity-expansion attack.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError(f"{name} declares a DTD")
    return ElementTree.fromstring(data)


def _main_part(relationships: ElementTree.Element) -> str | None:
    """The main document's part name, lower-case and without the leading slash (as zip names are)."""
    for relationship in relationships.iter(f"{_RELATIONSHIPS}Relationship"):
        if relationship.get("Type") in _OFFICE_DOCUMENT and relationship.get("TargetMode", "Internal") == "Internal":
            target = relationship.get("Target", "")
            # Targets are relative to the package root, or absolute from it.
            return posixpath.normpath(target.lstrip("/")).lower() if target else None
    return None


def _content_type(content_types: ElementTree.Element, part: str) -> str | None:
    # Part names are compared without regard to case (ECMA-376 part 2, 9.1.1.1).
    for override in content_types.iter(f"{_CONTENT_TYPES}Override"):
        if override.get("PartName", "").lstrip("/").lower() == part:
            return override.get("ContentType")
    extension = part.rsplit(".", 1)[-1]
    for default in content_types.iter(f"{_CONTENT_TYPES}Default"):
        if default.get("Extension", "").lower() == extension:
            return default.get("ContentType")
    return None
