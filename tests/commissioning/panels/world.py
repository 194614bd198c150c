"""panels records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py and tests/commissioning/specifications/world.py.

world["panel"]: in world["programme"], for world["specification"] (its published version 1).
The COMMISSIONER chairs it; the PERSON user sits on it with lived experience and has declared,
with a conflict of interest in world["panel_bidder_conflicted"] (Northside Care Ltd) and none
in world["panel_bidder"] (Bright Days CIC). The CARER user is in the programme's group but not
on the panel. world["panel_question"]: proposed by the PERSON user, agreed, with a comment.
world["panel_member"]: the PERSON user's membership, with a briefing pack sent and not opened.
world["other_panel"]: in world["other_programme"], where nobody from the world is a member."""


from commissioning.panels import services
from commissioning.panels.models import PanelMember
from coproduction.accounts.models import Role
from tests.commissioning.panels.factories import PanelFactory


def _build_panel_setup_world(world: dict) -> dict:
    users = world["users"]
    commissioner, person = users[Role.COMMISSIONER], users[Role.PERSON]
    panel = services.panel_create(
        programme=world["programme"], specification=world["specification"], chair=commissioner,
        title="Day opportunities tender panel", purpose="To choose who runs day opportunities from 2027.",
        timetable="Briefing in March, scoring in May.", by=commissioner,
    )
    chair = panel.members.get(role=PanelMember.Role.CHAIR)
    member = services.member_add(panel=panel, user=person, role=PanelMember.Role.LIVED_EXPERIENCE, by=commissioner)
    bright = services.bidder_add(panel=panel, name="Bright Days CIC", by=commissioner)
    northside = services.bidder_add(panel=panel, name="Northside Care Ltd", by=commissioner)
    services.conflicts_declare(member=member, bidders=[northside], details="My brother works there.", by=person)
    services.conflicts_declare(member=chair, bidders=[], details="", by=commissioner)
    services.briefing_send(panel=panel, members=[member], formats={person.pk: "large_print"}, by=commissioner)
    criterion = panel.version.criteria.order_by("position", "pk").first()
    question = services.question_propose(panel=panel, criterion=criterion, kind="written",
                                         text="How will people who use the service help choose staff?", by=person)
    services.question_comment(question=question, text="Could we ask about weekends too?", by=commissioner)
    services.questions_agree(panel=panel, agreed_ids={question.pk}, by=commissioner)
    member.refresh_from_db()
    other = PanelFactory(programme=world["other_programme"], specification=world["other_specification"], title="Carers' breaks panel")
    return {
        "panel": panel,
        "panel_chair": chair,
        "panel_member": member,
        "panel_bidder": bright,
        "panel_bidder_conflicted": northside,
        "panel_question": question,
        "other_panel": other,
    }


# ---- Bids and scoring ----
# world["scoring_panel"]: in world["programme"], closed for scoring and being moderated. The
# COMMISSIONER chairs it; the PERSON user (lived experience) is conflicted with Northside Care Ltd
# and has scored Bright Days CIC's answer. Both answers have a PDF. world["awarded_panel"]: the
# same people, every answer moderated and the award recorded, with a note.


def _scoring_world(world: dict) -> dict:
    from commissioning.panels.scoring import services as scoring_services
    from commissioning.panels.models import BidResponse
    from tests.commissioning.panels.factories import panel_ready_to_score, pdf_upload

    users = world["users"]
    commissioner, person = users[Role.COMMISSIONER], users[Role.PERSON]
    built = {}
    for key, title in (("scoring_panel", "Day opportunities scoring panel"), ("awarded_panel", "Day opportunities awarded panel")):
        panel, members, bidders, questions = panel_ready_to_score(
            programme=world["programme"], specification=world["specification"], chair=commissioner,
            members={person: PanelMember.Role.LIVED_EXPERIENCE}, conflicts={person: ["Northside Care Ltd"]}, title=title,
        )
        for bidder in bidders:
            scoring_services.response_save(bidder=bidder, question=questions[0], text="Our answer is attached.",
                                           file=pdf_upload(), file_type="pdf", by=commissioner)
        responses = {r.bidder.name: r for r in BidResponse.objects.filter(bidder__panel=panel).select_related("bidder__panel")}
        bright, northside = responses["Bright Days CIC"], responses["Northside Care Ltd"]
        scoring_services.score_submit(response=bright, member=members[person], value=4, reason="People choose staff.", by=person)
        scoring_services.score_submit(response=bright, member=members[commissioner], value=2, reason="No weekends.", by=commissioner)
        scoring_services.score_submit(response=northside, member=members[commissioner], value=3, reason="Adequate.", by=commissioner)
        scoring_services.moderation_start(panel=panel, by=commissioner)
        if key == "awarded_panel":
            for response in (bright, northside):
                scoring_services.moderated_score_record(response=response, value=3, rationale="Agreed at moderation.", by=commissioner)
            scoring_services.panel_award(panel=panel, bidder=bright.bidder, recommendation="Bright Days ranked first.", decided_by="The panel",
                                         by=commissioner)
            scoring_services.annotation_add(panel=panel, text="Feedback letters sent.", by=commissioner)
        built[key] = panel
        built[f"{key}_bright"] = bright
        built[f"{key}_northside"] = northside
    return built


def build_panels_world(world: dict) -> dict:
    """The set-up world, then bids and scoring on panels of their own."""
    built = _build_panel_setup_world(world)
    built.update(_scoring_world({**world, **built}))
    return built
