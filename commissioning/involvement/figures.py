"""Turning the reach counts into tables a commissioner can read, without letting anyone work out
who a small number of people are: counts under 5 are shown as "fewer than 5", and enough other
counts are hidden with them that the total cannot give them away (complementary suppression)."""

from dataclasses import dataclass, field

from .models import EQUALITY_QUESTIONS

THRESHOLD = 5
HIDDEN = "fewer than 5"
NOT_ANSWERED = "Not answered"


def suppress(counts: list[int], threshold: int = THRESHOLD) -> list[int | None]:
    """The counts with small ones hidden (None). Zero is shown: it gives nobody away. When any
    count is hidden, at least two are, and the hidden ones add up to at least the threshold, so
    subtracting the shown counts from the total never reveals a small one."""
    hidden = {index for index, count in enumerate(counts) if 0 < count < threshold}
    if not hidden:
        return list(counts)
    while len(hidden) < 2 or sum(counts[index] for index in hidden) < threshold:
        shown = sorted((count, index) for index, count in enumerate(counts) if index not in hidden and count > 0)
        if not shown:
            break
        hidden.add(shown[0][1])
    return [None if index in hidden else count for index, count in enumerate(counts)]


def percent(part: int | None, whole: int) -> str:
    if part is None or not whole:
        return ""
    return f"{round(100 * part / whole)}%"


def show(count: int | None) -> str:
    return HIDDEN if count is None else f"{count:,}"


@dataclass
class AnswerRow:
    label: str
    taking_part: str
    taking_part_percent: str
    care_and_support_percent: str = ""
    area_percent: str = ""
    fewer_than_area: bool = False


@dataclass
class QuestionTable:
    field: str
    heading: str
    total: int
    shown: bool  # False when fewer than THRESHOLD people took part: nothing is shown
    rows: list[AnswerRow] = field(default_factory=list)
    has_care_and_support: bool = False
    has_area: bool = False
    area_source: str = ""


def _hidden_totals(counts: list[int]) -> tuple[list[int | None], int]:
    total = sum(counts)
    return (suppress(counts) if total >= THRESHOLD else [None] * len(counts)), total


def equality_tables(*, counts: dict[str, dict[str, int]], care_ages: dict[str, int] | None,
                    population: dict[str, dict[str, int]], sources: dict[str, str]) -> list[QuestionTable]:
    tables = []
    for question, _asked, heading, choices in EQUALITY_QUESTIONS:
        answers = [*choices.values, ""]
        labels = [*[str(label) for label in choices.labels], NOT_ANSWERED]
        raw = [counts[question].get(value, 0) for value in answers]
        shown, total = _hidden_totals(raw)
        table = QuestionTable(field=question, heading=heading, total=total, shown=total >= THRESHOLD)
        care = None
        if question == "age_band" and care_ages is not None:
            care_raw = [care_ages.get(value, 0) for value in answers]
            care, care_total = _hidden_totals(care_raw)
            table.has_care_and_support = care_total > 0
        area = population.get(question, {})
        area_total = sum(area.values())
        table.has_area = area_total > 0
        table.area_source = sources.get(question, "")
        for index, (value, label) in enumerate(zip(answers, labels)):
            row = AnswerRow(label=label, taking_part=show(shown[index]), taking_part_percent=percent(shown[index], total))
            if care is not None and table.has_care_and_support:
                row.care_and_support_percent = percent(care[index], care_total) if care[index] is not None else HIDDEN
            if table.has_area and value:
                row.area_percent = percent(area.get(value, 0), area_total) if value in area else ""
                if shown[index] is not None and value in area and total:
                    # Noticeably fewer than in the area: a prompt to try other ways of reaching people.
                    row.fewer_than_area = shown[index] / total < 0.8 * area[value] / area_total and area[value] / area_total >= 0.01
            table.rows.append(row)
        tables.append(table)
    return tables
