"""Reads for panel pages. Each returns in a fixed number of queries whatever the panel's size;
counts and totals are worked out in SQL."""

from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from commissioning.models import Programme
from commissioning.specifications.models import (
    EvaluationCriterion,
    Section,
    Specification,
    SpecificationVersion,
)

from .models import Bidder, Conflict, ConsortiumMember, Panel, PanelMember, PanelQuestion, QuestionComment
from .rules import membership, remember_membership

# The sections of the specification the briefing pack summarises, in order.
BRIEFING_SECTIONS = ("background", "requirements", "quality")


def panels_for(*, programme: Programme, user, everyone: bool) -> QuerySet[Panel]:
    """Every panel of the programme (for commissioners), or those the user sits on."""
    panels = Panel.objects.filter(programme=programme)
    if not everyone:
        panels = panels.filter(members__user=user)
    return (
        panels.select_related("specification")
        .annotate(
            member_count=Count("members", distinct=True),
            bidder_count=Count("bidders", distinct=True),
            is_mine=Exists(PanelMember.objects.filter(panel=OuterRef("pk"), user=user)),
        )
        .order_by("-created_at", "pk")
    )


def panel_or_404(*, programme: Programme, panel_id: int, user) -> Panel:
    """The panel, with the user's own membership read in the same query and remembered for
    the permission checks that follow."""
    panel = (
        Panel.objects.select_related("specification", "version", "activity", "award_decision", "deputy__user")
        .filter(programme=programme, pk=panel_id)
        .first()
    )
    if panel is None:
        raise Http404
    panel.programme = programme
    if user.is_authenticated:
        member = PanelMember.objects.filter(panel=panel, user=user).select_related("briefing").first()
        if member is not None:
            member.panel = panel
        remember_membership(user, member, panel_id=panel.pk)
    return panel


def published_specifications(*, programme: Programme) -> QuerySet[Specification]:
    """The programme's specifications with a published version: the ones a panel can score bids for."""
    published = SpecificationVersion.objects.filter(status=SpecificationVersion.Status.PUBLISHED).values("specification_id")
    return Specification.objects.filter(programme=programme, pk__in=published).order_by("title", "pk")


def panel_to_edit(*, panel: Panel) -> Panel:
    """A fresh copy of the panel for the edit form, so a rejected edit leaves the page's copy as it was."""
    return Panel.objects.get(pk=panel.pk)


def my_membership(*, panel: Panel, user) -> PanelMember | None:
    return membership(user, panel)


def my_membership_with_briefing(*, panel: Panel, user) -> PanelMember:
    """The user's own membership with their briefing pack, for the briefing page."""
    me = PanelMember.objects.select_related("briefing").get(pk=my_membership(panel=panel, user=user).pk)
    me.panel = panel
    return me


def members_to_choose(*, panel: Panel) -> QuerySet[PanelMember]:
    """The panel's members with their accounts, in the order they joined, for a form's choices."""
    return PanelMember.objects.filter(panel=panel).select_related("user").order_by("pk")


def members_of(*, panel: Panel) -> list[PanelMember]:
    members = list(
        PanelMember.objects.filter(panel=panel)
        .select_related("user", "briefing")
        .annotate(conflict_count=Count("conflicts"))
        .order_by("pk")
    )
    for member in members:
        member.panel = panel
    return members


def member_or_404(*, panel: Panel, member_id: int) -> PanelMember:
    member = PanelMember.objects.select_related("user").filter(panel=panel, pk=member_id).first()
    if member is None:
        raise Http404
    member.panel = panel
    return member


def bidders_of(*, panel: Panel) -> list[Bidder]:
    """The bidders, each consortium with its members (lead provider first), in two queries."""
    return list(Bidder.objects.filter(panel=panel).select_related("organisation")
                .prefetch_related("consortium_members").order_by("name", "pk"))


def consortium_members_of(*, panel: Panel) -> QuerySet[ConsortiumMember]:
    return ConsortiumMember.objects.filter(bidder__panel=panel).select_related("bidder").order_by("bidder__name", "-is_lead", "name", "pk")


def conflicts_of(*, panel: Panel) -> list[Conflict]:
    return list(
        Conflict.objects.filter(member__panel=panel).select_related("member__user", "bidder").order_by("bidder__name", "pk")
    )


def conflicts_of_member(*, member: PanelMember) -> list[Conflict]:
    return list(Conflict.objects.filter(member=member).select_related("bidder").order_by("bidder__name", "pk"))


def criteria_to_choose(*, panel: Panel) -> QuerySet[EvaluationCriterion]:
    """The criteria of the specification version the panel scores with questions, in the
    specification's order. Price is worked out by its formula, so it takes no questions."""
    return EvaluationCriterion.objects.filter(version_id=panel.version_id, scored_on_price=False).order_by("position", "pk")


def criteria_of(*, panel: Panel) -> list[EvaluationCriterion]:
    """Every published criterion of the panel's version, price included."""
    return list(EvaluationCriterion.objects.filter(version_id=panel.version_id).order_by("position", "pk"))


def bids_in_reason(specification) -> str:
    """Why the specification's criteria can no longer change: bids are in on one of its panels."""
    from .models import BidResponse

    if BidResponse.objects.filter(bidder__panel__specification=specification).exists():
        return "Bids are in for this tender, so its criteria and weights cannot change."
    return ""


def questions_to_agree(*, panel: Panel) -> QuerySet[PanelQuestion]:
    """Every question drafted for the panel, by criterion, for the chair to mark the agreed set."""
    return PanelQuestion.objects.filter(panel=panel).select_related("criterion").order_by("criterion__position", "position", "pk")


def questions_of(*, panel: Panel) -> list[PanelQuestion]:
    """Every question drafted, rewordings after the question they reword, with comments."""
    questions = list(
        PanelQuestion.objects.filter(panel=panel)
        .select_related("criterion", "proposed_by", "rewords")
        .prefetch_related(Prefetch("comments", queryset=QuestionComment.objects.select_related("author")))
        .order_by("position", "pk")
    )
    return questions


def questions_by_criterion(*, panel: Panel, agreed_only: bool = False) -> list[tuple[EvaluationCriterion, list[PanelQuestion]]]:
    """[(criterion, its questions), ...] for every criterion of the panel's version."""
    criteria = criteria_of(panel=panel)
    questions = PanelQuestion.objects.filter(panel=panel).select_related("proposed_by").order_by("kind", "position", "pk")
    if agreed_only:
        questions = questions.filter(agreed=True)
    else:
        questions = questions.prefetch_related(Prefetch("comments", queryset=QuestionComment.objects.select_related("author")))
    by_criterion: dict[int, list] = {}
    for question in questions:
        by_criterion.setdefault(question.criterion_id, []).append(question)
    return [(criterion, by_criterion.get(criterion.pk, [])) for criterion in criteria]


def question_or_404(*, panel: Panel, question_id: int) -> PanelQuestion:
    question = PanelQuestion.objects.select_related("criterion").filter(panel=panel, pk=question_id).first()
    if question is None:
        raise Http404
    question.panel = panel
    return question


def specification_summary(*, panel: Panel) -> list[Section]:
    sections = {
        section.key: section
        for section in Section.objects.filter(version_id=panel.version_id, key__in=BRIEFING_SECTIONS)
    }
    return [sections[key] for key in BRIEFING_SECTIONS if key in sections and sections[key].text.strip()]


def briefing_status(members: list[PanelMember]) -> dict:
    """Who has not yet been sent their pack, and who has not opened it, from members_of()."""
    not_sent = [member for member in members if pack_of(member) is None]
    not_opened = [member for member in members if pack_of(member) is not None and pack_of(member).first_opened_at is None]
    return {"not_sent": not_sent, "not_opened": not_opened}


def pack_of(member: PanelMember):
    try:
        return member.briefing
    except PanelMember.briefing.RelatedObjectDoesNotExist:
        return None


def recognition_table(*, panel: Panel) -> dict:
    """Each member's recognition and expenses for this panel, with totals per member and for the
    panel, summed in SQL from the council's ledger."""
    from commissioning.involvement.models import Claim

    money = DecimalField(max_digits=12, decimal_places=2)
    zero = Value(Decimal("0.00"), output_field=money)
    claims = Claim.objects.filter(activity_id=panel.activity_id)
    per_member = {
        row["claimant_id"]: row
        for row in claims.values("claimant_id").annotate(
            recognition=Coalesce(Sum("amount", filter=Q(kind="recognition")), zero),
            expenses=Coalesce(Sum("amount", filter=Q(kind="expense")), zero),
            total=Coalesce(Sum("amount"), zero),
            claim_count=Count("pk"),
        ).order_by()
    }
    totals = claims.aggregate(
        recognition=Coalesce(Sum("amount", filter=Q(kind="recognition")), zero),
        expenses=Coalesce(Sum("amount", filter=Q(kind="expense")), zero),
        total=Coalesce(Sum("amount"), zero),
    )
    lines = list(claims.select_related("claimant").order_by("claimant_id", "kind", "category", "pk"))
    return {"per_member": per_member, "totals": totals, "claims": lines}


def agreed_questions_for_version(*, version) -> dict[int, list[PanelQuestion]]:
    """{criterion id: agreed questions} from every panel on this specification version, in one
    query, for the tender pack (the specification's PDF)."""
    found: dict[int, list[PanelQuestion]] = {}
    for question in PanelQuestion.objects.filter(panel__version=version, agreed=True).order_by("kind", "position", "pk"):
        found.setdefault(question.criterion_id, []).append(question)
    return found


def consortium_evidence_sentence() -> str | None:
    """For the Spectrum of Practice self-assessment, in one query; None before any consortium bid."""
    counts = ConsortiumMember.objects.aggregate(bids=Count("bidder", distinct=True), providers=Count("pk"))
    if not counts["bids"]:
        return None
    return (f"Procurement panels: {counts['bids']} consortium bid{'s' if counts['bids'] != 1 else ''} from "
            f"{counts['providers']} providers working together")
