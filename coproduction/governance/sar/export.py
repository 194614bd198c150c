"""What a subject access request contains, and the machine-readable copy (ZIP of JSON and CSV).

The content comes from the personal-data registry (coproduction/core/personal_data.py): every
registered model, reached through the subject's account, their person's record or both, and a
list of the exempt records that name them. The PDF and the ZIP are made from the same context.
"""

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone

from coproduction.core.csv_files import csv_bytes
from coproduction.core.templatetags.plain_words import clock
from coproduction.core.personal_data import (
    ExportSection,
    Subject,
    collect_for_subject,
    collect_naming,
    json_value,
)

# Headings for each app's part of the export, in plain English.
APP_HEADINGS = {
    "accounts": "Your account and teams",
    "audit": "Who has seen or changed your records",
    "careplans": "Care and support plans and reviews",
    "checklist": "Co-production checklist",
    "commissioning": "Co-production groups",
    "core": "Other records that name you",
    "governance": "Consents and requests about your data",
    "reports": "Reports asked for",
}
# Third-party apps whose records belong with another part (two-factor devices with the account).
# The person record lives in the platform's people app, but people read it with their plans.
PART_OF = {"otp_totp": "accounts", "otp_static": "accounts", "people": "careplans"}

# Fixed timestamp for entries in the ZIP, so the same job gives the same bytes.
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass
class AppPart:
    label: str
    heading: str
    sections: list[ExportSection]

    @property
    def row_count(self) -> int:
        return sum(len(section.rows) for section in self.sections)

    @property
    def filled(self) -> list[ExportSection]:
        return [section for section in self.sections if section.rows]

    @property
    def empty_titles(self) -> list[str]:
        return [section.title for section in self.sections if not section.rows]


def app_heading(label: str) -> str:
    if label in APP_HEADINGS:
        return APP_HEADINGS[label]
    try:
        return str(apps.get_app_config(label).verbose_name)
    except LookupError:
        return label


def build_parts(subject: Subject, *, progress: Callable[[int, int], None] | None = None) -> list[AppPart]:
    sections = collect_for_subject(subject, progress=progress)
    sections.append(collect_naming(subject))
    parts: dict[str, AppPart] = {}
    for section in sections:
        label = PART_OF.get(section.app_label, section.app_label)
        part = parts.setdefault(label, AppPart(label, app_heading(label), []))
        part.sections.append(section)
    core = parts.pop("core", None)  # "other records" last
    ordered = sorted(parts.values(), key=lambda part: part.heading)
    return [*ordered, core] if core else ordered


def subject_access_context(job, progress: Callable[[int], None]) -> dict:
    subject = Subject.of(job.subject)
    parts = build_parts(subject, progress=lambda done, total: progress(10 + 50 * done // total))
    return {
        "subject": subject,
        "parts": parts,
        "job": job,
        "made_at": job.created_at,
        "total_rows": sum(part.row_count for part in parts),
    }


def _slug(section: ExportSection) -> str:
    if section.file_name:
        return section.file_name
    return section.model_label.split(".", 1)[1].lower() if "." in section.model_label else "records"


def _csv_bytes(section: ExportSection) -> bytes:
    return csv_bytes([section.headings, *section.rows])


def _readme(context: dict) -> str:
    subject = context["subject"]
    lines = [
        "Subject access request: a copy of the personal data this service holds",
        "",
        f"About: {subject.full_name}",
        f"Made: {timezone.localtime(context['made_at']):%-d %B %Y} at {clock(timezone.localtime(context['made_at']))}",
        "",
        "What is in this file",
        "- One JSON file per part of the service (for example careplans.json), with every record",
        "  about you: its id, and each field under a plain-English name. Dates, times and",
        "  durations are ISO 8601; amounts are numbers; a choice is the words you saw.",
        "- The same records as spreadsheets in the csv folder, one CSV file per kind of record.",
        "- core.json lists other records that name you because of something you did at work;",
        "  they are listed, not copied. Ask if you want a copy of any of them.",
        "",
        "The PDF made with this file holds the same information, laid out to read.",
        "This file contains personal information. Keep it safe.",
        "",
        "Parts of the service:",
    ]
    lines += [f"- {part.label}.json: {part.heading} ({part.row_count} records)" for part in context["parts"]]
    return "\n".join(lines) + "\n"


def subject_access_zip(context: dict) -> bytes:
    """The ZIP: README.txt, one JSON file per app, one CSV per section."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def write(name: str, data: bytes | str) -> None:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)

        write("README.txt", _readme(context))
        for part in context["parts"]:
            document = {
                "part": part.label,
                "heading": part.heading,
                "sections": [
                    {
                        "title": section.title,
                        "model": section.model_label,
                        "explanation": section.explanation,
                        "records": section.records,
                    }
                    for section in part.sections
                ],
            }
            write(f"{part.label}.json", json.dumps(document, ensure_ascii=False, indent=2, default=json_value))
            for section in part.sections:
                write(f"csv/{part.label}/{_slug(section)}.csv", _csv_bytes(section))
    return buffer.getvalue()
