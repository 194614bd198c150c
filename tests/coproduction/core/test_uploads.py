"""A document upload is kept only when it really is the PDF or Word document its name says."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from coproduction.core.uploads import document_upload_kind
from tests.harness.documents import WORD_MAIN, word_document_bytes, word_parts, zip_bytes

LIMIT = 1024 * 1024
NOT_WORD = "The selected file is not a real Word document"


def _kind(content: bytes, name: str = "answer.docx") -> str:
    return document_upload_kind(SimpleUploadedFile(name, content), max_bytes=LIMIT)


def _without(name: str) -> dict:
    parts = word_parts()
    del parts[name]
    return parts


@pytest.mark.parametrize("content", [
    word_document_bytes(),
    zip_bytes(word_parts(target="/word/document.xml")),  # an absolute target
    zip_bytes(word_parts(target="Word/Document.xml")),  # part names ignore case
], ids=["minimal package", "absolute target", "target in another case"])
def test_a_real_word_document_is_accepted(content):
    upload = SimpleUploadedFile("answer.docx", content)
    assert document_upload_kind(upload, max_bytes=LIMIT) == "docx"
    assert upload.read() == content, "the check must leave the whole file to be saved"


@pytest.mark.parametrize("content", [
    zip_bytes({"notes.txt": "any zip at all"}),
    zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
    zip_bytes(_without("[Content_Types].xml")),
    zip_bytes(_without("_rels/.rels")),
    zip_bytes(_without("word/document.xml")),
    zip_bytes(word_parts(main="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
    zip_bytes(word_parts(main="application/vnd.ms-word.document.macroEnabled.main+xml")),
    zip_bytes(word_parts(target="word/elsewhere.xml")),
    zip_bytes({**word_parts(), "[Content_Types].xml": '<!DOCTYPE t [<!ENTITY a "aaaa">]><Types>&a;</Types>'}),
    b"PK\x03\x04 not really a zip",
], ids=[
    "plain zip renamed", "document part without a real package", "no content types", "no relationships",
    "no main document part", "a spreadsheet renamed", "a macro-enabled document renamed",
    "relationship to a missing part", "entity declarations", "zip header only",
])
def test_a_zip_that_is_not_a_word_document_is_refused(content):
    with pytest.raises(ValidationError) as refused:
        _kind(content)
    assert refused.value.messages == [NOT_WORD]


def test_a_word_document_main_part_is_found_by_its_content_type_not_its_usual_name():
    parts = word_parts(target="word/main.xml")
    parts["word/main.xml"] = parts.pop("word/document.xml")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("/word/document.xml", "/word/main.xml")
    assert _kind(zip_bytes(parts)) == "docx"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(WORD_MAIN, "application/xml")
    with pytest.raises(ValidationError):
        _kind(zip_bytes(parts))
