"""Reading and comparing a plan's content, built from the section definitions."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from coproduction.core.money import money_text

from .plan_links import item_link, plan_links_resolve
from .sections import SECTION_BY_KEY, Field, Kind, Section, missing, section_for, sections_for, whose_label


class Status:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    LABELS = {"not_started": "Not yet started", "in_progress": "In progress", "completed": "Completed"}


def display_value(field: Field, value) -> str:
    if value in (None, "", {}):
        return ""
    if field.kind == Kind.TEXT:
        return value.get("text", "") if isinstance(value, dict) else str(value)
    if field.kind in (Kind.CHOICE,):
        return dict(field.choices).get(value, value)
    if field.kind == Kind.YES_NO:
        return "Yes" if value in (True, "yes") else "No"
    if field.kind == Kind.DATE:
        try:
            return date.fromisoformat(value).strftime("%-d %B %Y")
        except (TypeError, ValueError):
            return str(value)
    if field.kind == Kind.MONEY:
        return money_text(value)
    return str(value)


def whose(value) -> str:
    return value.get("whose", "") if isinstance(value, dict) else ""


def section_status(plan, section: Section) -> str:
    """Completed only when marked so and nothing it needs is missing (a list item removed
    since, or a plan copied from a version written before the section's needs were set)."""
    data = plan.section_data(section.key)
    if data.get("status") == Status.COMPLETED and all(need.check(data) for need in section.needs):
        return Status.COMPLETED
    if data.get("fields") or any(data.get("lists", {}).values()):
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def budget_total(plan) -> Decimal:
    """Added up from the items: a total is never typed."""
    total = Decimal("0")
    for item in plan.section_data("budget").get("lists", {}).get("items", []):
        try:
            total += Decimal(str(item.get("weekly") or 0))
        except InvalidOperation:
            continue
    return total


@dataclass
class ShownField:
    label: str
    value: str
    whose: str = ""
    whose_label: str = ""
    easy_label: str = ""  # its name in the Easy Read copy


def describe(plan, person, *, own: bool = False, shown_to_read: bool = False) -> list[dict]:
    """Every section of the plan, ready for a page or a PDF; ``own``: read by the person themselves.
    ``shown_to_read``: on the plan page or its PDF, which show the plan's one next review date."""
    described = []
    links = plan_links_resolve(
        item for data in plan.content.get("sections", {}).values() for items in data.get("lists", {}).values() for item in items
    )
    for section in sections_for(person):
        data = plan.section_data(section.key)
        fields = []
        for field in section.fields:
            if field.name == "review_date" and shown_to_read and not plan.is_draft:
                continue  # one next review date: the plan's own (shown above it), which the latest review set
            raw = data.get("fields", {}).get(field.name)
            text = display_value(field, raw)
            if text:
                fields.append(ShownField(field.label, text, whose(raw), whose_label(whose(raw), name=person.display_name, own=own), field.easy or field.label))
        lists = []
        for item_list in section.lists:
            items = []
            for item in data.get("lists", {}).get(item_list.name, []):
                shown = [
                    ShownField(f.label, display_value(f, item.get(f.name)), easy_label=f.easy or f.label)
                    for f in item_list.fields if display_value(f, item.get(f.name))
                ]
                found = item_link(item)
                items.append({
                    "id": item.get("id"), "fields": shown, "whose_label": whose_label(item.get("whose", ""), name=person.display_name, own=own),
                    "link": links.get(found) if found else None,
                })
            lists.append({"definition": item_list, "items": items})
        described.append(
            {
                "section": section,
                "status": section_status(plan, section),
                "status_label": Status.LABELS[section_status(plan, section)],
                "missing": [message for _, message in missing(section, data, name=person.display_name, own=own)],
                "fields": fields,
                "lists": lists,
                "total": budget_total(plan) if section.key == "budget" else None,
            }
        )
    return described


@dataclass
class Change:
    section: str
    what: str
    before: str
    after: str


def content_lines(plan, person) -> Iterator[tuple[str, str, str, str]]:
    """Everything written in a plan, one line per answer or list item:
    (section title, what, the words, whose words they are)."""
    for part in describe(plan, person):
        title = part["section"].title
        for shown in part["fields"]:
            yield title, shown.label, shown.value, shown.whose_label
        for shown_list in part["lists"]:
            for index, item in enumerate(shown_list["items"], start=1):
                text = "; ".join(f"{f.label}: {f.value}" for f in item["fields"])
                if item["link"] and item["link"].withdrawn:
                    text += f" ({item['link'].withdrawn})"
                yield title, f"{shown_list['definition'].item_name.capitalize()} {index}", text, item["whose_label"]
        if part["total"] is not None:
            yield title, "Total each week", money_text(part["total"]), ""


def _flatten(plan, person) -> dict[tuple[str, str], str]:
    return {(title, what): text for title, what, text, _ in content_lines(plan, person)}


def compare(older, newer, person) -> list[Change]:
    """What changed between two versions, section by section, in reading order."""
    before, after = _flatten(older, person), _flatten(newer, person)
    keys = list(dict.fromkeys([*before, *after]))
    return [Change(section, what, before.get((section, what), ""), after.get((section, what), "")) for section, what in keys if before.get((section, what), "") != after.get((section, what), "")]


def incomplete_sections(plan, person, *, own: bool = False) -> list[dict]:
    """The sections that apply and are not complete yet, each with what it still needs."""
    return [part for part in describe(plan, person, own=own) if part["status"] != Status.COMPLETED]


def section_or_404(person, key: str):
    """The section as this person's plan numbers it; 404 if there is none, or it does not apply."""
    from django.http import Http404

    section = section_for(person, key) if key in SECTION_BY_KEY else None
    if section is None:
        raise Http404
    return section

