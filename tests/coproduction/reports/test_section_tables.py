"""How a section's rows become the PDF's table: a column with the same value on every row is
stated once above the table, while the CSV and JSON keep every column."""

import csv
import io
import subprocess
from types import SimpleNamespace

from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import timezone

from coproduction.core.personal_data import ExportSection
from coproduction.governance.sar.export import _csv_bytes
from coproduction.reports.pdf import pdf_from_html


def _audit_section() -> ExportSection:
    headings = ["When", "Who", "What", "About"]
    rows = [
        ["01 March 2026, 09:00", "Wren Reader", "Viewed", "Kestrel Person"],
        ["02 March 2026, 10:30", "Heron Writer", "Viewed", "Kestrel Person"],
        ["03 March 2026, 11:45", "Wren Reader", "Viewed", "Kestrel Person"],
    ]
    return ExportSection(title="Who has seen your records", explanation="", headings=headings, rows=rows)


def test_a_column_with_one_value_on_every_row_is_taken_out_of_the_table():
    section = _audit_section()
    assert section.shared == [("What", "Viewed"), ("About", "Kestrel Person")]
    assert section.table_headings == ["When", "Who"]
    assert section.table_rows[1] == ["02 March 2026, 10:30", "Heron Writer"]
    assert len(section.column_widths) == 2 and round(sum(section.column_widths)) == 100
    # The machine-readable copy keeps every column on every row.
    assert list(csv.reader(io.StringIO(_csv_bytes(section).decode("utf-8-sig")))) == [section.headings, *section.rows]


def test_a_single_record_or_identical_rows_keep_every_column():
    single = ExportSection(title="Your account", explanation="", headings=["Name", "Email"], rows=[["Kestrel", "k@example.com"]])
    assert single.shared == [] and single.table_headings == ["Name", "Email"]
    same = ExportSection(title="Twice", explanation="", headings=["A", "B"], rows=[["x", "y"], ["x", "y"]])
    assert same.shared == [] and same.table_rows == [["x", "y"], ["x", "y"]]


def test_the_shared_value_is_stated_once_above_the_table_and_not_in_its_rows():
    html = BeautifulSoup(render_to_string("reports/pdf/_section_table.html", {"section": _audit_section()}), "html.parser")
    shared = html.select_one("table.shared")
    assert [(row.th.get_text(), row.td.get_text()) for row in shared.select("tr")] == [
        ("What", "Viewed"), ("About", "Kestrel Person")]
    assert "all 3 entries" in html.select_one("p.shared").get_text()
    table = html.select_one("table.rows")
    assert [th.get_text() for th in table.select("thead th")] == ["When", "Who"]
    assert len(table.select("col")) == 2
    assert all(len(row.select("td")) == 2 for row in table.select("tbody tr"))
    assert "Kestrel Person" not in table.get_text() and "Viewed" not in table.get_text()


def test_the_pdf_still_holds_every_value():
    section = _audit_section()
    context = {
        "person": SimpleNamespace(full_name="Kestrel Person", email="kestrel@example.com"),
        "job": SimpleNamespace(created_at=timezone.now()),
        "sections": [section],
    }
    pdf, _ = pdf_from_html(html=render_to_string("reports/pdf/my_data.html", context), identifier=b"0" * 16)
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode().split())
    for row in section.rows:
        for value in row:
            assert value in text
    assert text.count("Kestrel Person") == 2  # the title, and once above the table
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Tagged:          yes" in info
