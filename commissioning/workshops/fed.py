"""What a workshop fed: the programme's priorities, outcomes and specification sections whose
`informed_by` names the workshop's activity. Those models belong to the priorities and
specifications apps; this module is the one place here that names them."""

from django.db.models import OuterRef, QuerySet, Subquery

from commissioning.models import Programme
from commissioning.priorities.models import Outcome, Priority
from commissioning.specifications.models import Section, SpecificationVersion

from .models import Workshop

# Form field -> (reverse name on Activity, heading on the workshop page).
RELATIONS = {
    "priorities": ("priorities", "Priorities"),
    "outcomes": ("outcomes", "Outcomes"),
    "sections": ("specification_sections", "Parts of the specification"),
}


def _priority_label(priority: Priority) -> str:
    return priority.title if priority.kind == Priority.Kind.PRIORITY else f"{priority.title} (desired outcome)"


def _section_label(section: Section) -> str:
    return f"{section.version.specification.title}: {section.title}"


def _latest_sections(programme: Programme) -> QuerySet[Section]:
    """Sections of each specification's newest version: older versions are history."""
    newest = SpecificationVersion.objects.filter(specification=OuterRef("version__specification")).order_by("-number")
    return (
        Section.objects.filter(version__specification__programme=programme, version__number=Subquery(newest.values("number")[:1]))
        .select_related("version__specification")
        .order_by("version__specification__title", "position")
    )


def choices_for(*, programme: Programme) -> dict:
    """Field name -> (queryset, label): the items the workshop can be said to have fed."""
    return {
        "priorities": (Priority.objects.filter(programme=programme).order_by("kind", "title", "pk"), _priority_label),
        "outcomes": (Outcome.objects.filter(programme=programme).order_by("position", "pk"), str),
        "sections": (_latest_sections(programme), _section_label),
    }


def initial_for(*, workshop: Workshop) -> dict:
    return {
        name: list(getattr(workshop.activity, related_name).values_list("pk", flat=True))
        for name, (related_name, _) in RELATIONS.items()
    }


def fed_by(*, workshop: Workshop) -> list[tuple[str, list]]:
    """(heading, items) for each kind of record the workshop fed, one query each."""
    activity = workshop.activity
    return [
        ("Priorities", [_priority_label(p) for p in activity.priorities.order_by("kind", "title", "pk")]),
        ("Outcomes", [str(o) for o in activity.outcomes.order_by("position", "pk")]),
        (
            "Parts of the specification",
            [_section_label(s) for s in activity.specification_sections.select_related("version__specification").order_by("version__specification__title", "position")],
        ),
    ]


def fed_set(*, workshop: Workshop, offered: dict, chosen: dict) -> None:
    """Link the chosen items and unlink the offered ones not chosen; links to items not offered
    (an older specification version's sections) are kept."""
    activity = workshop.activity
    for name, (related_name, _) in RELATIONS.items():
        manager = getattr(activity, related_name)
        selected = list(chosen.get(name, []))
        manager.remove(*[item for item in offered[name] if item not in selected])
        manager.add(*selected)
