"""Panels other apps show under a section of a person's plan: local assets under "needs", say.

Each app registers its own in its AppConfig.ready(), so care plans never import commissioning.
The plan page's view builds them and passes them in its context, so no template tag reads the
database or decides who may change what."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionPanel:
    section_key: str
    template: str  # included with `panel`, the context's result
    context: Callable[..., dict]  # context(person=..., user=...): a fixed number of queries


SECTION_PANELS: list[SectionPanel] = []


def register_section_panel(*, section_key: str, template: str, context: Callable[..., dict]) -> None:
    if all(existing.template != template for existing in SECTION_PANELS):
        SECTION_PANELS.append(SectionPanel(section_key, template, context))


def section_panels_for(*, person, user, section_keys: Iterable[str]) -> dict[str, list[tuple[str, dict]]]:
    """The panels of the sections shown, by section key; a section not shown costs no query."""
    shown = set(section_keys)
    panels: dict[str, list[tuple[str, dict]]] = {}
    for panel in SECTION_PANELS:
        if panel.section_key in shown:
            panels.setdefault(panel.section_key, []).append((panel.template, panel.context(person=person, user=user)))
    return panels
