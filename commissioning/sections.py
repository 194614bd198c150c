"""What the sub-apps tell the programme pages in their AppConfig.ready(): their sections, where
the record owning an activity lives, which stage each kind of activity belongs to, and what
leads to or carries on a decision. The programme pages never name a page that is not installed."""

from collections.abc import Callable
from dataclasses import dataclass


# The three phases a programme's pages are grouped in, and "" for the pages about the whole
# programme (its overview, group and decisions). Values of commissioning.models.Phase.
PHASES = [("plan", "Plan"), ("do", "Do"), ("review", "Review")]


@dataclass(frozen=True)
class ProgrammeSection:
    label: str
    url_name: str  # takes programme_id
    order: int
    permission: str = "commissioning.view_programme"
    # "plan", "do", "review", or "" for the whole programme. Left as None, the order says:
    # below 70 plan, below 80 do, else review.
    phase: str | None = None

    @property
    def in_phase(self) -> str:
        if self.phase is not None:
            return self.phase
        return "plan" if self.order < 70 else "do" if self.order < 80 else "review"


PROGRAMME_SECTIONS: list[ProgrammeSection] = []


def register_section(section: ProgrammeSection) -> None:
    if all(existing.url_name != section.url_name for existing in PROGRAMME_SECTIONS):
        PROGRAMME_SECTIONS.append(section)
        PROGRAMME_SECTIONS.sort(key=lambda item: item.order)


def sections_for(user, programme) -> list[ProgrammeSection]:
    return [section for section in PROGRAMME_SECTIONS if user.has_perm(section.permission, programme)]


@dataclass
class NavPhase:
    key: str
    label: str
    sections: list[ProgrammeSection]
    current: bool = False  # the page shown is one of this phase's


def programme_nav(user, programme, current_url_name: str = "") -> tuple[list[ProgrammeSection], list[NavPhase]]:
    """(pages about the whole programme, [Plan, Do, Review with their few parts]) that the user
    may open, in place of one long row of tabs."""
    sections = sections_for(user, programme)
    whole = [section for section in sections if section.in_phase == ""]
    phases = []
    for key, label in PHASES:
        parts = [section for section in sections if section.in_phase == key]
        if parts:
            phases.append(NavPhase(key, label, parts, any(part.url_name == current_url_name for part in parts)))
    return whole, phases


@dataclass(frozen=True)
class YourPart:
    """Something a person takes part in within a programme (a panel, a meeting, an invitation),
    with what they are asked to do about it now, if anything, in plain English."""

    text: str  # "You are on the procurement panel “Day opportunities”"
    url: str
    ask: str = ""  # "Score the bids", "Say whether you can come"


# Each: (user, programme) -> list[YourPart], in one query whatever the data size.
YOUR_PARTS: list[Callable[[object, object], list[YourPart]]] = []


def register_your_part(parts_for: Callable[[object, object], list[YourPart]]) -> None:
    if parts_for not in YOUR_PARTS:
        YOUR_PARTS.append(parts_for)


def your_parts(user, programme) -> list[YourPart]:
    if not user.is_authenticated:
        return []
    return [part for parts_for in YOUR_PARTS for part in parts_for(user, programme)]


def _may_open(user, permission: str, permission_object, record) -> bool:
    """Whether the page of record opens for the user: the rule it asks, on the object it asks it on."""
    return user.has_perm(permission, permission_object(record) if permission_object else record)


# Pages that own an activity (a workshop, a budgeting round...) say where it lives, so a stage
# page or a decision can link to it. Key: the reverse one-to-one name on Activity (e.g. "workshop").
@dataclass(frozen=True)
class ActivityLink:
    """url_for(owner) -> the page of the record that owns the activity. permission: the rule its
    page asks, on permission_object(owner) (the owner itself unless given); a page links to it
    only for someone the rule lets in. The rule reads a fixed number of queries per request, or
    prepare(user, owners) reads once, for a whole page's owners, what it would read for each."""

    url_for: Callable[[object], str]
    permission: str = "commissioning.view_programme"
    permission_object: Callable[[object], object] | None = None
    prepare: Callable[[object, list], None] | None = None
    joins: tuple[str, ...] = ()  # the owner's relations the rule reads, joined in with the activity

    def allows(self, user, owner) -> bool:
        return _may_open(user, self.permission, self.permission_object, owner)


ACTIVITY_LINKS: dict[str, ActivityLink] = {}


def register_activity_link(
    related_name: str, url_for: Callable[[object], str], *, permission: str,
    permission_object: Callable[[object], object] | None = None, prepare: Callable[[object, list], None] | None = None,
    joins: tuple[str, ...] = (),
) -> None:
    """url_for(owner) -> URL of the page of the record that owns the activity; permission (asked
    on permission_object(owner), or the owner) -> whether that page opens for a user."""
    ACTIVITY_LINKS[related_name] = ActivityLink(url_for, permission, permission_object, prepare, joins)


def activity_owner_joins() -> list[str]:
    """What to join in with an activity so its owner and what the owner's rule reads cost no queries."""
    return [*ACTIVITY_LINKS, *(f"{name}__{join}" for name, link in ACTIVITY_LINKS.items() for join in link.joins)]


def _activity_owner(activity) -> tuple[ActivityLink, object] | None:
    for related_name, link in ACTIVITY_LINKS.items():
        owner = getattr(activity, related_name, None)
        if owner is not None:
            return link, owner
    return None


def activity_programme(owner):
    """The programme of an activity's owner (joined in with the activity), for pages that ask a
    rule on the programme."""
    return owner.activity.programme


def owner_url(activity) -> str | None:
    """The page of the record that owns the activity, whoever asks (to send its changes there)."""
    found = _activity_owner(activity)
    return found[0].url_for(found[1]) if found else None


def activity_links_prepare(user, activities) -> None:
    """Before a page links many activities: each kind of owner reads what its rule needs at once."""
    owners: dict[ActivityLink, list] = {}
    for activity in activities:
        found = _activity_owner(activity)
        if found is not None and found[0].prepare is not None:
            owners.setdefault(found[0], []).append(found[1])
    for link, found_owners in owners.items():
        link.prepare(user, found_owners)


def activity_url(activity, user) -> str | None:
    """The page of the record that owns the activity if the user may open it; "" when a record
    owns it but its page is closed to the user (show the title alone); None when nothing does."""
    found = _activity_owner(activity)
    if found is None:
        return None
    link, owner = found
    return link.url_for(owner) if link.allows(user, owner) else ""


@dataclass(frozen=True)
class DecisionLink:
    """Records that lead to a decision or carry it on (a funded idea, a specification...).
    related_name: the reverse foreign key on Decision; url_for(record) -> its page; permission:
    the rule that page asks, on permission_object(record) (the record itself unless given),
    reading a fixed number of queries per request."""

    related_name: str
    heading: str
    url_for: Callable[[object], str]
    permission: str
    select_related: tuple[str, ...] = ()
    permission_object: Callable[[object], object] | None = None
    prepare: Callable[[object, list], None] | None = None  # as ActivityLink.prepare, for the records

    def allows(self, user, record) -> bool:
        return _may_open(user, self.permission, self.permission_object, record)


DECISION_LINKS: list[DecisionLink] = []


def register_decision_link(link: DecisionLink) -> None:
    if all(existing.related_name != link.related_name for existing in DECISION_LINKS):
        DECISION_LINKS.append(link)


def decision_trail(decision, user) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(heading, [(title, url), ...]), ...] for what led to this decision and what carried it on;
    the url is "" where the user may not open the record's page."""
    trail = []
    for link in DECISION_LINKS:
        records = list(getattr(decision, link.related_name).select_related(*link.select_related))
        if records:
            if link.prepare is not None:
                link.prepare(user, records)
            trail.append((link.heading, [
                (str(record), link.url_for(record) if link.allows(user, record) else "") for record in records
            ]))
    return trail


@dataclass(frozen=True)
class ContractPanel:
    """A panel on a contract's monitoring page from a sub-app that relates to the contract (an
    alliance delivering it, say). context(contract) reads a fixed number of queries and returns
    the template's context, or None to show nothing."""

    template: str
    context: Callable[[object], dict | None]


CONTRACT_PANELS: list[ContractPanel] = []


def register_contract_panel(panel: ContractPanel) -> None:
    if all(existing.template != panel.template for existing in CONTRACT_PANELS):
        CONTRACT_PANELS.append(panel)


def contract_panels(contract) -> list[tuple[str, dict]]:
    """[(template, context), ...] for the panels with something to show for this contract."""
    shown = []
    for panel in CONTRACT_PANELS:
        context = panel.context(contract)
        if context:
            shown.append((panel.template, context))
    return shown


@dataclass(frozen=True)
class PagePanel:
    """A panel a sub-app adds to a page another sub-app owns: peer research findings on the Working
    Together for Change theming board ("wtfc_board", object: the exercise) and on a priority's page
    ("priority", object: the priority). context(obj, user) reads a fixed number of queries and
    returns the template's context (with whatever the user may do there), or None to show nothing."""

    page: str
    template: str
    context: Callable[[object, object], dict | None]


PAGE_PANELS: list[PagePanel] = []


def register_page_panel(panel: PagePanel) -> None:
    if all((existing.page, existing.template) != (panel.page, panel.template) for existing in PAGE_PANELS):
        PAGE_PANELS.append(panel)


def page_panels(page: str, obj, user) -> list[tuple[str, dict]]:
    """[(template, context), ...] for the panels with something to show on this page."""
    shown = []
    for panel in PAGE_PANELS:
        context = panel.context(obj, user) if panel.page == page else None
        if context:
            shown.append((panel.template, context))
    return shown


# What other pages add to a specification and to a programme's timeline. Sub-apps register in
# their AppConfig.ready(), so the specification and programme pages never name them.

# specification -> [(heading, [line, ...], url or None), ...], read in a fixed number of queries.
SPECIFICATION_NOTES: list[Callable[[object], list[tuple[str, list[str], str | None]]]] = []
# (specification, [section, ...]) -> {section id: [(title, url), ...]}: the evidence each section cites.
SECTION_EVIDENCE: list[Callable[[object, list], dict[int, list[tuple[str, str]]]]] = []
# programme -> [warning, ...]: things due on the programme's timeline that are not ready.
TIMELINE_WARNINGS: list[Callable[[object], list[str]]] = []


def register_specification_note(note: Callable[[object], list[tuple[str, list[str], str | None]]]) -> None:
    if note not in SPECIFICATION_NOTES:
        SPECIFICATION_NOTES.append(note)


def register_section_evidence(evidence: Callable[[object, list], dict[int, list[tuple[str, str]]]]) -> None:
    if evidence not in SECTION_EVIDENCE:
        SECTION_EVIDENCE.append(evidence)


def register_timeline_warning(warning: Callable[[object], list[str]]) -> None:
    if warning not in TIMELINE_WARNINGS:
        TIMELINE_WARNINGS.append(warning)


def specification_notes(specification) -> list[tuple[str, list[str], str | None]]:
    return [note for notes in SPECIFICATION_NOTES for note in notes(specification)]


def section_evidence(specification, sections: list) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for evidence in SECTION_EVIDENCE:
        for section_id, items in evidence(specification, sections).items():
            found.setdefault(section_id, []).extend(items)
    return found


def timeline_warnings(programme) -> list[str]:
    return [text for warning in TIMELINE_WARNINGS for text in warning(programme)]


@dataclass(frozen=True)
class ActivityKindStage:
    """The stage a kind of co-production belongs to: a procurement panel (and its shortlisting)
    is part of choosing who provides the service, a co-assessment part of assessing it.
    stage_name is one of commissioning.models.DEFAULT_STAGES; phase is used when a programme has
    renamed or removed that stage."""

    kind: str  # a commissioning.models.ActivityKind value
    phase: str
    stage_name: str


ACTIVITY_KIND_STAGES: dict[str, ActivityKindStage] = {}


def register_activity_kind(kind: str, *, phase: str, stage_name: str) -> None:
    ACTIVITY_KIND_STAGES[kind] = ActivityKindStage(kind, phase, stage_name)
