"""A procurement as open data: OCDS 1.1 releases for the tender, the shortlisting outcome (once
every bid is checked) and, once made, the award.

Under the Procurement Act 2023 a council publishes its tender and award information as open data
based on the Open Contracting Data Standard. The releases name the council, the bidders (as
organisations) and the criteria and weights as published; never a member of the panel, their
scores or their reasons. Validated against the shipped schema (see ../schema/README.md)."""

from decimal import Decimal

from django.conf import settings

from commissioning.specifications.models import EvaluationCriterion

from ..models import Panel
from . import selectors

OCDS_VERSION = "1.1"
BUYER_ID = "buyer"


def ocid(panel: Panel) -> str:
    """The contracting process's identifier: the council's OCID prefix and the panel."""
    return f"{settings.OCDS_OCID_PREFIX}-panel-{panel.pk}"


def _amount(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def _award_criteria_details(criteria: list[EvaluationCriterion]) -> str:
    parts = [
        f"{criterion.title}: {criterion.weight}" + (f" (scored by formula: {EvaluationCriterion.PRICE_FORMULA})" if criterion.scored_on_price else "")
        for criterion in criteria
    ]
    return "Weights out of 100. " + "; ".join(parts) + "."


def releases(*, panel: Panel) -> list[dict]:
    """The tender release, the shortlisting outcome and, after the award, the award release."""
    criteria = selectors.criteria_of(panel=panel)
    questions, rows = selectors.shortlisting(panel=panel)
    bidders = [row.bidder for row in rows]
    process = ocid(panel)
    buyer = {"id": BUYER_ID, "name": settings.COUNCIL_NAME}
    tenderers = [{"id": f"bidder-{bidder.pk}", "name": bidder.name} for bidder in bidders]
    parties = [{**buyer, "roles": ["buyer", "procuringEntity"]}]
    parties += [{**tenderer, "roles": ["tenderer"]} for tenderer in tenderers]
    tender = {
        "id": f"specification-{panel.specification_id}-version-{panel.version.number}",
        "title": panel.specification.title,
        "description": panel.purpose,
        "status": "complete" if panel.is_awarded else "active",
        "procuringEntity": buyer,
        "mainProcurementCategory": "services",
        "procurementMethodDetails": "Light touch regime, Procurement Act 2023",
        "awardCriteria": "ratedCriteria",
        "awardCriteriaDetails": _award_criteria_details(criteria),
        "numberOfTenderers": len(tenderers),
        "tenderers": tenderers,
    }
    if questions:
        tender["eligibilityCriteria"] = "Every bid must meet these before it is scored: " + " ".join(
            f"{n}. {question.text} ({question.get_kind_display().lower()})." for n, question in enumerate(questions, start=1)
        )
    common = {"ocid": process, "initiationType": "tender", "language": "en", "buyer": buyer, "parties": parties}
    found = [{
        **common, "id": f"{process}-tender", "date": panel.version.published_at.isoformat(), "tag": ["tender"], "tender": tender,
    }]
    if questions and rows and all(row.status != "to check" for row in rows):
        passed = [row.bidder.name for row in rows if row.status == "shortlisted"]
        failed = [row.bidder.name for row in rows if row.status == "not shortlisted"]
        decided = max(check.checked_at for row in rows for _, check in row.checks)
        milestone = {
            "id": "shortlisting", "title": "Shortlisting", "type": "assessment", "status": "met", "dateMet": decided.isoformat(),
            "description": f"Shortlisted: {', '.join(passed) or 'none'}. Not shortlisted: {', '.join(failed) or 'none'}.",
        }
        found.append({
            **common, "id": f"{process}-shortlisting", "date": decided.isoformat(), "tag": ["tenderUpdate"],
            "tender": {**tender, "milestones": [milestone]},
        })
        tender = {**tender, "milestones": [milestone]}
    winner_id = selectors.recommended_bidder_id(panel=panel)
    if panel.is_awarded and winner_id is not None:
        winner = next(bidder for bidder in selectors.bidders_of(panel=panel) if bidder.pk == winner_id)
        award = {
            "id": f"{process}-award-1",
            "title": f"Award recommendation: {panel.title}",
            # The panel recommends; the council's decision makes the award final.
            "status": "pending",
            "date": panel.awarded_at.isoformat(),
            "suppliers": [{"id": f"bidder-{winner.pk}", "name": winner.name}],
        }
        price = getattr(winner, "price_score", None)
        if price is not None and price.bid_price is not None:
            award["value"] = {"amount": _amount(price.bid_price), "currency": "GBP"}
        found.append({
            **common, "id": f"{process}-award", "date": panel.awarded_at.isoformat(), "tag": ["award"], "tender": tender,
            "awards": [award],
        })
    return found


def release_package(*, panel: Panel, uri: str, published) -> dict:
    return {
        "uri": uri, "version": OCDS_VERSION, "publishedDate": published.isoformat(),
        "publisher": {"name": settings.COUNCIL_NAME}, "releases": releases(panel=panel),
    }
