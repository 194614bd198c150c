"""Uploads built in the test: a real (minimal) Word document, and zips that only pretend to be one."""

import io
import zipfile

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="{main}"/>
</Types>"""
RELATIONSHIPS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/>
</Relationships>"""
DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:body><w:p><w:r><w:t>Our answer to the question</w:t></w:r></w:p></w:body>
</w:document>"""
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def zip_bytes(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def word_parts(*, main: str = WORD_MAIN, target: str = "word/document.xml") -> dict[str, str]:
    """The three parts of the smallest package Word opens: content types, relationships, document."""
    return {
        "[Content_Types].xml": CONTENT_TYPES.format(main=main),
        "_rels/.rels": RELATIONSHIPS.format(target=target),
        "word/document.xml": DOCUMENT,
    }


def word_document_bytes() -> bytes:
    return zip_bytes(word_parts())
