"""The PDF structure check finds what it is there to find: a PDF with no title, language or
tags, a heading that skips a level, a figure without alternative text; and passes a good one."""

import io

import pikepdf

from tests.harness.pdf_structure import pdf_accessibility_problems


def weasyprint_pdf(body: str, *, title: str = "A report", lang: str = "en-GB") -> bytes:
    from weasyprint import HTML

    html = f"<!DOCTYPE html><html lang='{lang}'><head><title>{title}</title></head><body>{body}</body></html>"
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


SQUARE = "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' height='10'/></svg>"


def test_a_tagged_pdf_with_headings_in_order_and_described_images_passes():
    body = f"<h1>Report</h1><h2>Part</h2><h3>Detail</h3><h2>Next part</h2><img src=\"{SQUARE}\" alt='A black square'>"
    assert pdf_accessibility_problems(weasyprint_pdf(body)) == []


def test_a_heading_that_skips_a_level_fails():
    assert pdf_accessibility_problems(weasyprint_pdf("<h1>Report</h1><h3>Detail</h3>")) == ["a heading jumps from H1 to H3"]


def test_an_image_without_alternative_text_fails():
    problems = pdf_accessibility_problems(weasyprint_pdf(f"<h1>Report</h1><img src=\"{SQUARE}\">"))
    assert problems == ["a figure without alternative text"]


def test_an_untagged_pdf_without_title_or_language_fails():
    buffer = io.BytesIO()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(buffer)
    assert pdf_accessibility_problems(buffer.getvalue()) == [
        "no title", "the title is not shown as the window's title (DisplayDocTitle)", "no language",
        "not marked as tagged (MarkInfo)", "no tags (StructTreeRoot)",
    ]
