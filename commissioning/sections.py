"""The tabs along the top of a programme's pages. Each sub-app adds its own section in its
AppConfig.ready(), so the programme pages never name a page that is not installed."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgrammeSection:
    label: str
    url_name: str  # takes programme_id
    order: int
    permission: str = "commissioning.view_programme"


PROGRAMME_SECTIONS: list[ProgrammeSection] = []


def register_section(section: ProgrammeSection) -> None:
    if all(existing.url_name != section.url_name for existing in PROGRAMME_SECTIONS):
        PROGRAMME_SECTIONS.append(section)
        PROGRAMME_SECTIONS.sort(key=lambda item: item.order)


def sections_for(user, programme) -> list[ProgrammeSection]:
    return [section for section in PROGRAMME_SECTIONS if user.has_perm(section.permission, programme)]


# Pages that own an activity (a workshop, a budgeting round...) say where it lives, so a stage
# page or a decision can link to it. Key: the reverse one-to-one name on Activity (e.g. "workshop").
ACTIVITY_LINKS: dict[str, Callable[[object], str]] = {}


def register_activity_link(related_name: str, url_for: Callable[[object], str]) -> None:
    """url_for(owner) -> URL of the page of the record that owns the activity."""
    ACTIVITY_LINKS[related_name] = url_for


def activity_url(activity) -> str | None:
    for related_name, url_for in ACTIVITY_LINKS.items():
        owner = getattr(activity, related_name, None)
        if owner is not None:
            return url_for(owner)
    return None
