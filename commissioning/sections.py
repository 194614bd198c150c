"""The tabs along the top of a programme's pages. Each sub-app adds its own section in its
AppConfig.ready(), so the programme pages never name a page that is not installed."""

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
