"""Every CSV file the service makes is written here, so none can carry a spreadsheet formula.

A text cell starting with =, +, -, @, a tab or a carriage return would run as a formula when
the file is opened in a spreadsheet program, so it gets a leading single quote (OWASP's advice
on CSV injection). Numbers are written as they are: a negative figure stays a number, while
"-5" typed by a person is text and is escaped.
"""

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"  # so spreadsheet programs read the file as UTF-8


def safe_cell(value):
    """The value to write: text that could run as a formula quoted, anything else unchanged."""
    if value is None:
        return ""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer with every cell passed through safe_cell."""

    def __init__(self, out):
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(rows: Iterable[Iterable], *, byte_order_mark: bool = False) -> str:
    out = io.StringIO()
    if byte_order_mark:
        out.write(BYTE_ORDER_MARK)
    SafeWriter(out).writerows(rows)
    return out.getvalue()


def csv_bytes(rows: Iterable[Iterable], *, byte_order_mark: bool = True) -> bytes:
    return csv_text(rows, byte_order_mark=byte_order_mark).encode("utf-8")


def csv_download(rows: Iterable[Iterable], *, filename: str, byte_order_mark: bool = True,
                 content_type: str = "text/csv", private: bool = True) -> HttpResponse:
    """A CSV file as a download; ``private`` ones are never kept by a shared cache."""
    response = HttpResponse(csv_text(rows, byte_order_mark=byte_order_mark), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
