"""Importing assets from a CSV file, with a dry run first.

check_file() reads the file and checks every row, saving nothing: it reports each problem as
(row, column, plain-English message), the row numbered as a spreadsheet shows it (the headings
are row 1). import_checked() then saves in one transaction: every row, or, when the person
chose it, only the rows without problems. Imported assets are published straight away: only
commissioners and community moderators may import, and they are the people who publish
suggestions, so their import is their review. Duplicates of assets already on the map (same
name and postcode) are problems, so a re-run of the same file adds nothing twice.

The reading of the file, the dry run's shape and the keeping of the checked file until it is
confirmed are shared with the other imports (coproduction.core.csv_import)."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone

from coproduction.accounts.models import Organisation
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many
from coproduction.core import csv_import
from coproduction.core.csv_files import csv_text
from coproduction.core.csv_import import DryRun, FileProblem, Problem  # noqa: F401 (the import's own names)

from .geo import normalise_postcode
from .models import (
    AgeGroup,
    Asset,
    Category,
    Cost,
    Need,
    OpeningTime,
    Weekday,
    name_key,
)

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
UPLOAD_DIR = "asset-imports"
SESSION_KEY = "asset_imports"
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    explain: str
    example: str


COLUMNS = [
    Column("name", True, "The asset's name, up to 200 characters.", "Riverside Community Garden"),
    Column("category", True, "One of: " + ", ".join(Category.values) + ".", "physical"),
    Column("description", True, "What it is and how it helps, in plain English.", "A shared garden where anyone can grow food and meet neighbours."),
    Column("age_groups", False, "Who it is for by age, separated by ; from: " + ", ".join(AgeGroup.values) + ". Blank means all ages.", "adults;older_people"),
    Column("needs", False, "Who it is especially for, separated by ; from: " + ", ".join(Need.values) + ". Blank means everyone.", "loneliness;mental_health"),
    Column("communities", False, "Communities it welcomes, in words.", "Men over 50"),
    Column("contact_name", False, "Who to ask for.", "Sam Green"),
    Column("phone", False, "A phone number.", "01539 000000"),
    Column("email", False, "An email address.", "hello@riverside.example"),
    Column("website", False, "A web address.", "https://riverside.example"),
    Column("opening_times", False, "Weekly times separated by ;, each a day and a time range.", "Mon 10:00-16:00;Sat 09:30-12:00"),
    Column("opening_notes", False, "Anything the weekly times do not say.", "Closed on bank holidays"),
    Column("cost", False, "free, low_cost or paid. Blank means free.", "free"),
    Column("cost_details", False, "What it costs, in words.", ""),
    Column("step_free", False, "yes or no.", "yes"),
    Column("hearing_loop", False, "yes or no.", "no"),
    Column("quiet_space", False, "yes or no.", "yes"),
    Column("bsl", False, "British Sign Language: yes or no.", "no"),
    Column("languages", False, "Languages spoken, separated by ;.", "English;Polish"),
    Column("accessibility_notes", False, "Anything else about access.", "Raised beds for wheelchair users"),
    Column("address", False, "The address, lines separated by commas.", "Mill Lane, Kendal"),
    Column("postcode", False, "A UK postcode.", "LA9 4DL"),
    Column("uprn", False, "The Unique Property Reference Number, digits only.", ""),
    Column("latitude", False, "Between -90 and 90, with longitude.", "54.3280"),
    Column("longitude", False, "Between -180 and 180, with latitude.", "-2.7460"),
    Column("no_fixed_place", False, "yes if it moves around or has no building.", "no"),
    Column("online", False, "yes if it can be used online or by phone.", "no"),
    Column("tags", False, "Words people might search for, separated by ;.", "gardening;outdoors"),
    Column("responsible_organisation", False, "An organisation already in the system, by its exact name.", ""),
    Column("responsible_name", False, "The group or person who runs it.", "Friends of Riverside"),
    Column("responsible_is_private", False, "yes if a private individual runs it (their details are never shown publicly).", "no"),
    Column("consent_to_publish", False, "yes if the private individual agreed to it being listed (needed for people's skills and gifts).", "no"),
    Column("last_checked_on", False, "When the details were last checked, as 2026-11-23. Blank means today.", ""),
]
COLUMN_NAMES = [column.name for column in COLUMNS]
REQUIRED = [column.name for column in COLUMNS if column.required]

YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}
DAYS = {day.label.lower()[:3]: day.value for day in Weekday}
_OPENING = re.compile(r"^([a-z]{3})[a-z]*\s+(\d{1,2})[:.](\d{2})\s*(?:-|–|to)\s*(\d{1,2})[:.](\d{2})$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
_LENGTHS = {
    "name": 200, "communities": 300, "contact_name": 200, "phone": 40, "email": 254, "website": 200,
    "opening_notes": 300, "cost_details": 300, "accessibility_notes": 300, "responsible_name": 200,
}


@dataclass
class CheckedRow(csv_import.CheckedRow):
    openings: list = field(default_factory=list)


NUMBER_COLUMNS = {"latitude", "longitude"}


def template_csv() -> str:
    # Coordinates are written as numbers: a negative longitude is a figure, not text to quote.
    examples = [Decimal(column.example) if column.name in NUMBER_COLUMNS and column.example else column.example for column in COLUMNS]
    return csv_text([COLUMN_NAMES, examples])


def read_rows(data: bytes) -> list[dict]:
    """The file's rows as {column: text}; FileProblem when it is not a CSV this import can use."""
    return csv_import.read_table(
        data, known=COLUMN_NAMES, required=REQUIRED, max_bytes=MAX_BYTES, max_rows=MAX_ROWS, rows_are="assets", one_row_is="asset",
        headings_are="the column headings from the template",
    )


def _choices(text: str, choices, column: str, problems: list, number: int) -> list[str]:
    chosen = []
    by_label = {label.lower(): value for value, label in choices.choices}
    for item in (part.strip() for part in text.split(LIST_SEPARATOR)):
        if not item:
            continue
        value = item.lower().replace(" ", "_") if item.lower().replace(" ", "_") in choices.values else by_label.get(item.lower())
        if value is None:
            problems.append(Problem(number, column, f"“{item}” is not one of: {', '.join(choices.values)}"))
        elif value not in chosen:
            chosen.append(value)
    return chosen


def _yes_no(text: str, column: str, problems: list, number: int) -> bool:
    if text.lower() in YES:
        return True
    if text.lower() not in NO:
        problems.append(Problem(number, column, f"Enter yes or no for {column.replace('_', ' ')}"))
    return False


def _openings(text: str, problems: list, number: int) -> list[tuple[int, time, time]]:
    found = []
    for item in (part.strip() for part in text.split(LIST_SEPARATOR)):
        if not item:
            continue
        match = _OPENING.match(item.lower())
        day = DAYS.get(match.group(1)) if match else None
        try:
            opens = time(int(match.group(2)), int(match.group(3))) if match else None
            closes = time(int(match.group(4)), int(match.group(5))) if match else None
        except ValueError:
            opens = closes = None
        if day is None or opens is None or closes is None:
            problems.append(Problem(number, "opening_times", f"“{item}” must be a day and times, like “Mon 09:00-17:00”"))
        elif closes <= opens:
            problems.append(Problem(number, "opening_times", f"In “{item}” the closing time must be after the opening time"))
        else:
            found.append((day, opens, closes))
    return found


def _coordinate(text: str, column: str, limit: int, problems: list, number: int) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        problems.append(Problem(number, column, f"{column.capitalize()} must be a number, like {'54.3280' if limit == 90 else '-2.7460'}"))
        return None
    if not value.is_finite() or not -limit <= value <= limit:
        problems.append(Problem(number, column, f"{column.capitalize()} must be between -{limit} and {limit}"))
        return None
    return value.quantize(Decimal("0.000001"))


def _check_row(raw: dict, number: int, organisations: dict[str, Organisation], today: date) -> CheckedRow:
    problems: list[Problem] = []
    row = CheckedRow(number=number, name=raw["name"][:200], problems=problems)
    if raw.pop("_extra_cells", False):
        problems.append(Problem(number, "", "This row has more cells than there are column headings"))
    for column in REQUIRED:
        if not raw[column]:
            problems.append(Problem(number, column, f"Enter the {column}"))
    for column, limit in _LENGTHS.items():
        if len(raw[column]) > limit:
            problems.append(Problem(number, column, f"The {column.replace('_', ' ')} must be {limit} characters or fewer"))
    values: dict = {
        name: raw[name] for name in (
            "name", "description", "communities", "contact_name", "phone", "opening_notes",
            "cost_details", "accessibility_notes", "responsible_name",
        )
    }
    values["address"] = "\n".join(part.strip() for part in raw["address"].split(",") if part.strip())
    category = _choices(raw["category"], Category, "category", problems, number) if raw["category"] else []
    if len(category) > 1:
        problems.append(Problem(number, "category", "Choose one category"))
    values["category"] = category[0] if category else ""
    values["age_groups"] = _choices(raw["age_groups"], AgeGroup, "age_groups", problems, number)
    values["needs"] = _choices(raw["needs"], Need, "needs", problems, number)
    cost = _choices(raw["cost"], Cost, "cost", problems, number) if raw["cost"] else [Cost.FREE]
    values["cost"] = cost[0] if cost else Cost.FREE
    for flag in ("step_free", "hearing_loop", "quiet_space", "bsl", "no_fixed_place", "online", "responsible_is_private", "consent_to_publish"):
        values[flag] = _yes_no(raw[flag], flag, problems, number)
    values["languages"] = [part.strip()[:50] for part in raw["languages"].split(LIST_SEPARATOR) if part.strip()]
    values["tags"] = [part.strip()[:50] for part in raw["tags"].split(LIST_SEPARATOR) if part.strip()]
    values["email"] = raw["email"]
    if raw["email"]:
        try:
            validate_email(raw["email"])
        except ValidationError:
            problems.append(Problem(number, "email", "Enter an email address in the correct format, like name@example.com"))
    website = raw["website"]
    if website and "://" not in website:
        website = "https://" + website
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            problems.append(Problem(number, "website", "Enter a web address, like https://www.example.org"))
    values["website"] = website
    values["postcode"] = ""
    if raw["postcode"]:
        postcode = normalise_postcode(raw["postcode"])
        if postcode is None:
            problems.append(Problem(number, "postcode", "Enter a real UK postcode, like LA9 4DL"))
        values["postcode"] = postcode or ""
    values["uprn"] = raw["uprn"]
    if raw["uprn"] and not (raw["uprn"].isdigit() and len(raw["uprn"]) <= 12):
        problems.append(Problem(number, "uprn", "The UPRN must be up to 12 digits"))
    values["latitude"] = values["longitude"] = None
    if raw["latitude"] or raw["longitude"]:
        if not (raw["latitude"] and raw["longitude"]):
            missing = "longitude" if raw["latitude"] else "latitude"
            problems.append(Problem(number, missing, "Enter both latitude and longitude, or neither"))
        else:
            values["latitude"] = _coordinate(raw["latitude"], "latitude", 90, problems, number)
            values["longitude"] = _coordinate(raw["longitude"], "longitude", 180, problems, number)
    values["responsible_organisation"] = None
    if raw["responsible_organisation"]:
        organisation = organisations.get(raw["responsible_organisation"].lower())
        if organisation is None:
            problems.append(Problem(
                number, "responsible_organisation",
                f"There is no organisation called “{raw['responsible_organisation']}”: leave it blank and use responsible_name",
            ))
        values["responsible_organisation"] = organisation
    values["last_checked_on"] = today
    if raw["last_checked_on"]:
        checked = None
        for pattern in _DATE_FORMATS:
            try:
                checked = datetime.strptime(raw["last_checked_on"], pattern).date()
                break
            except ValueError:
                continue
        if checked is None:
            problems.append(Problem(number, "last_checked_on", "The date last checked must be a real date, like 2026-11-23"))
        elif checked > today:
            problems.append(Problem(number, "last_checked_on", "The date last checked must be today or in the past"))
        else:
            values["last_checked_on"] = checked
    if values["category"] == Category.INDIVIDUAL and not values["consent_to_publish"]:
        problems.append(Problem(
            number, "consent_to_publish", "A person's skills or time can only be listed when they agreed: enter yes once they have",
        ))
    row.values = values
    row.openings = _openings(raw["opening_times"], problems, number)
    return row


def check_rows(rows: list[dict]) -> DryRun:
    """Check every row against the rules and the map as it is now. Saves nothing."""
    wanted = {row["responsible_organisation"].lower() for row in rows if row["responsible_organisation"]}
    organisations = {}
    if wanted:
        for organisation in Organisation.objects.all().only("pk", "name", "kind"):
            if organisation.name.lower() in wanted:
                organisations[organisation.name.lower()] = organisation
    today = timezone.localdate()
    checked = [_check_row(raw, raw.pop("_row", number), organisations, today) for number, raw in enumerate(rows, start=2)]
    keys = {name_key(row.values["name"]) for row in checked}
    existing = set(
        Asset.objects.filter(name_key__in=keys).exclude(status=Asset.Status.DECLINED).values_list("name_key", "postcode")
    )
    seen: dict[tuple[str, str], int] = {}
    for row in checked:
        key = (name_key(row.values["name"]), row.values["postcode"])
        if not key[0]:
            continue
        if key in existing:
            row.problems.append(Problem(row.number, "name", "An asset with this name and postcode is already on the map"))
        elif key in seen:
            row.problems.append(Problem(row.number, "name", f"This asset is the same as row {seen[key]} (same name and postcode)"))
        else:
            seen[key] = row.number
    return DryRun(rows=checked)


def check_file(data: bytes) -> DryRun:
    return check_rows(read_rows(data))


UPLOADS = csv_import.UploadStore(UPLOAD_DIR, SESSION_KEY)
forget_old_uploads = UPLOADS.forget_old
store_upload = UPLOADS.store
read_upload = UPLOADS.read
forget_upload = UPLOADS.forget


@transaction.atomic
def import_checked(*, dry_run: DryRun, by, only_valid: bool, request=None) -> list[Asset]:
    """Save the checked rows as published assets, all or nothing."""
    if not dry_run.all_valid and not only_valid:
        raise ValidationError("Some rows have problems: correct them, or choose to import only the valid rows")
    rows = dry_run.valid_rows
    now = timezone.now()
    assets = [
        Asset(
            **row.values,
            name_key=name_key(row.values["name"]),  # bulk_create skips save(), which sets it
            status=Asset.Status.PUBLISHED,
            added_by=by,
            published_at=now,
            last_checked_by=by,
        )
        for row in rows
    ]
    Asset.objects.bulk_create(assets)
    OpeningTime.objects.bulk_create([
        OpeningTime(asset=asset, weekday=day, opens=opens, closes=closes)
        for asset, row in zip(assets, rows, strict=True)
        for day, opens, closes in row.openings
    ])
    audit_record_many(actor=by, action=AuditEvent.Action.CREATE, objects=assets, request=request, detail="asset CSV import")
    audit_record(actor=by, action=AuditEvent.Action.CREATE, request=request, detail=f"asset CSV import: {len(assets)} assets")
    return assets
