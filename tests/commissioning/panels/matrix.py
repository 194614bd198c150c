"""Authorization matrix rows for the panels pages (see tests/authorization_matrix.py).

In the world the COMMISSIONER chairs world["panel"], the PERSON user sits on it, and the CARER
user is in the programme's group but not on the panel."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

# The programme's group and the commissioners who run programmes.
GROUP = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
# The panel's members (the chair and the lived-experience member).
PANEL = only(Role.PERSON, Role.COMMISSIONER)
CHAIR = only(Role.COMMISSIONER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def programme(world) -> dict:
    return {"programme_id": world["programme"].pk}


def panel(world, **extra) -> dict:
    return {"programme_id": world["programme"].pk, "panel_id": world["panel"].pk, **extra}


def question(world) -> dict:
    return panel(world, question_id=world["panel_question"].pk)


ROWS: list[Row] = [
    Row("panels:panel_list", GROUP, kwargs=programme),
    Row(
        "panels:panel_list", CHAIR, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="panels:panel_list[not a member]",
    ),
    Row("panels:panel_add", CHAIR, kwargs=programme),
    Row("panels:panel_detail", PANEL, kwargs=panel),
    Row(  # commissioners see any panel's page (without its member list)
        "panels:panel_detail", CHAIR,
        kwargs=lambda world: {"programme_id": world["other_programme"].pk, "panel_id": world["other_panel"].pk},
        id="panels:panel_detail[not on the panel]",
    ),
    Row(  # the right panel under the wrong programme: not found, for everyone
        "panels:panel_detail", only(),
        kwargs=lambda world: {"programme_id": world["programme"].pk, "panel_id": world["other_panel"].pk},
        id="panels:panel_detail[wrong programme]",
    ),
    Row("panels:panel_edit", CHAIR, kwargs=panel),
    Row("panels:member_add", CHAIR, kwargs=panel),
    Row("panels:bidder_add", CHAIR, kwargs=panel),
    Row("panels:consortium_member_add", CHAIR, kwargs=lambda world: panel(world, bidder_id=world["panel_bidder"].pk)),
    Row("panels:declaration", PANEL, kwargs=panel),
    Row("panels:briefing", PANEL, kwargs=panel),
    Row("panels:briefing_pdf", POST_ONLY, kwargs=panel),
    Row("panels:briefing_send", CHAIR, kwargs=panel),
    Row("panels:questions", PANEL, kwargs=panel),
    Row("panels:question_add", PANEL, kwargs=panel),
    Row("panels:question_reword", PANEL, kwargs=question),
    Row("panels:question_comment", PANEL, kwargs=question),
    Row("panels:questions_agree", CHAIR, kwargs=panel),
    Row("panels:tender_questions", GROUP, kwargs=panel),
    Row("panels:recognition", CHAIR, kwargs=panel),
    Row("panels:recognition_add", CHAIR, kwargs=panel),
]


# ---- Bids and scoring ----
# world["scoring_panel"] is being moderated: the COMMISSIONER chairs it, the PERSON user scores on
# it and is conflicted with Northside Care Ltd. world["awarded_panel"] has made its award.
# Nobody in the world is a procurement officer, so nobody may open the price page.

def scoring(world, key="scoring_panel", **extra) -> dict:
    return {"programme_id": world[key].programme_id, "panel_id": world[key].pk, **extra}


def answer(world, which="bright", key="scoring_panel") -> dict:
    return scoring(world, key, response_id=world[f"{key}_{which}"].pk)


ROWS += [
    Row("panels:bids", CHAIR, kwargs=scoring),
    Row("panels:response_enter", CHAIR,
        kwargs=lambda world: panel(world, bidder_id=world["panel_bidder"].pk, question_id=world["panel_question"].pk)),
    Row("panels:response_detail", PANEL, kwargs=answer),
    Row(  # a member conflicted with the bidder never sees their answer; the chair does
        "panels:response_detail", CHAIR, kwargs=lambda world: answer(world, "northside"),
        id="panels:response_detail[conflicted member]",
    ),
    Row("panels:response_file", PANEL, kwargs=answer),
    Row("panels:response_file", CHAIR, kwargs=lambda world: answer(world, "northside"), id="panels:response_file[conflicted member]"),
    Row("panels:response_file", only(), kwargs=lambda world: {
        "programme_id": world["programme"].pk, "panel_id": world["other_panel"].pk, "response_id": world["scoring_panel_bright"].pk,
    }, id="panels:response_file[another panel]"),
    Row("panels:response_moderate", CHAIR, kwargs=answer),
    # Shortlisting, on the panel still preparing: declared members, each for bidders they are not
    # conflicted with (the PERSON user is conflicted with Northside).
    Row("panels:shortlisting", PANEL, kwargs=panel),
    Row("panels:shortlist_check", PANEL, kwargs=lambda world: panel(world, bidder_id=world["panel_bidder"].pk)),
    Row("panels:shortlist_check", CHAIR, kwargs=lambda world: panel(world, bidder_id=world["panel_bidder_conflicted"].pk),
        id="panels:shortlist_check[conflicted member]"),
    Row("panels:shortlist_letter_pdf", POST_ONLY, kwargs=lambda world: panel(world, bidder_id=world["panel_bidder"].pk)),
    Row("panels:scoring", PANEL, kwargs=scoring),
    Row("panels:scoring", only(), kwargs=lambda world: {"programme_id": world["other_programme"].pk, "panel_id": world["other_panel"].pk},
        id="panels:scoring[not on the panel]"),
    Row("panels:scoring_open", POST_ONLY, kwargs=scoring),
    Row("panels:moderation", CHAIR, kwargs=scoring),
    Row("panels:moderation_start", POST_ONLY, kwargs=scoring),
    Row("panels:price_enter", only(), kwargs=lambda world: scoring(world, bidder_id=world["scoring_panel_bright"].bidder_id)),
    Row("panels:totals", CHAIR, kwargs=scoring),
    Row("panels:totals", PANEL, kwargs=lambda world: scoring(world, "awarded_panel"), id="panels:totals[after the award]"),
    Row("panels:award", CHAIR, kwargs=scoring),
    Row("panels:annotation_add", PANEL, kwargs=lambda world: scoring(world, "awarded_panel")),
    Row("panels:report_pdf", POST_ONLY, kwargs=scoring),
    # The open data the council publishes: commissioners, before and after the award.
    Row("panels:ocds_releases", CHAIR, kwargs=scoring),
    Row("panels:ocds_releases", CHAIR, kwargs=lambda world: scoring(world, "awarded_panel"), id="panels:ocds_releases[after the award]"),
    Row("panels:feedback_pdf", POST_ONLY, kwargs=lambda world: scoring(world, "awarded_panel", bidder_id=world["awarded_panel_bright"].bidder_id)),
]
