"""Who may open each page: every named URL x every role. Add a row with every new URL.

Outcomes are for a GET. Rows that need a record take it from the `world` fixture in
tests/test_authorization_matrix.py (users by role and records owned by some of them).
"""

from coproduction.accounts.models import Role
from tests.checklist.practice_groups.matrix import ROWS as PRACTICE_GROUP_ROWS
from tests.commissioning.assets.matrix import ROWS as ASSETS_ROWS
from tests.commissioning.boards.matrix import ROWS as BOARDS_ROWS
from tests.commissioning.networks.matrix import ROWS as NETWORKS_ROWS
from tests.commissioning.budgeting.matrix import ROWS as BUDGETING_ROWS
from tests.commissioning.coassessment.matrix import ROWS as COASSESSMENT_ROWS
from tests.commissioning.involvement.matrix import ROWS as INVOLVEMENT_ROWS
from tests.commissioning.matrix import ROWS as COMMISSIONING_ROWS
from tests.commissioning.monitoring.matrix import ROWS as MONITORING_ROWS
from tests.commissioning.panels.matrix import ROWS as PANELS_ROWS
from tests.commissioning.priorities.matrix import ROWS as PRIORITIES_ROWS
from tests.commissioning.recruitment.matrix import ROWS as RECRUITMENT_ROWS
from tests.commissioning.research.matrix import ROWS as RESEARCH_ROWS
from tests.commissioning.specifications.matrix import ROWS as SPECIFICATIONS_ROWS
from tests.commissioning.training.matrix import ROWS as TRAINING_ROWS
from tests.commissioning.workshops.matrix import ROWS as WORKSHOPS_ROWS
from tests.coproduction.casesystem.matrix import ROWS as CASESYSTEM_ROWS
from tests.coproduction.governance.matrix import ROWS as GOVERNANCE_ROWS
from tests.coproduction.notifications.matrix import ROWS as NOTIFICATIONS_ROWS
from tests.harness.matrix import Expect, Row, only, public, signed_in

ROLE_HOMES = [
    Row(
        "accounts:role_home",
        only(role),
        kwargs=lambda world, role=role: {"role": role.value.replace("_", "-")},
        id=f"accounts:role_home[{role.value}]",
    )
    for role in Role
]

PLAN_READERS = only(Role.PERSON, Role.CARER, Role.PRACTITIONER, Role.TEAM_MANAGER)
PLAN_WRITERS = only(Role.PRACTITIONER, Role.TEAM_MANAGER)


def plan_writer_rows(name: str) -> list[Row]:
    """A page of the person's record that whoever may write their plan may open: never a
    representative whose consent was withdrawn, or one consulted in the person's best interests."""
    return [
        Row(name, PLAN_READERS, kwargs=lambda world: {"person_id": world["person"].pk}),
        Row(name, PLAN_WRITERS, kwargs=lambda world: {"person_id": world["withdrawn_person"].pk}, id=f"{name}[consent withdrawn]"),
        Row(name, PLAN_WRITERS, kwargs=lambda world: {"person_id": world["best_interests_person"].pk}, id=f"{name}[best interests]"),
    ]


MATRIX: list[Row] = [
    # Public pages
    Row("core:index", signed_in(Expect.REDIRECT)),  # signed out: to the sign-in page
    Row("core:accessibility", public()),
    Row("core:privacy", public()),
    Row("core:health_live", public()),
    Row("core:health_ready", public(Expect.PROBE)),
    Row("accounts:login", public(Expect.OK, signed_in_outcome=Expect.REDIRECT)),
    Row("accounts:password_reset", public()),
    Row("accounts:password_reset_done", public()),
    Row(
        "accounts:password_reset_confirm",
        public(),  # an invalid link shows "This link has expired"
        kwargs=lambda world: {"uidb64": "MQ", "token": "set-password"},
    ),
    Row("accounts:password_reset_complete", public()),
    # Signed in
    Row("accounts:home", signed_in(Expect.REDIRECT)),
    *ROLE_HOMES,
    Row("accounts:logout", signed_in(Expect.METHOD_NOT_ALLOWED)),  # POST only
    Row("accounts:session_extend", signed_in(Expect.METHOD_NOT_ALLOWED)),  # POST only
    # Staff have already passed two-factor in the matrix, and nobody else uses it: all are sent on.
    # The set-up and code pages themselves are tested in tests/coproduction/accounts/test_views.py.
    Row("accounts:mfa", signed_in(Expect.REDIRECT)),
    Row("accounts:password_change", signed_in()),
    Row("accounts:password_change_done", signed_in()),
    Row("reports:my_data", signed_in()),
    Row("reports:job_detail", only(Role.PERSON), kwargs=lambda world: {"job_id": world["person_job"].pk}),
    Row("reports:job_download", only(Role.PERSON), kwargs=lambda world: {"job_id": world["person_job"].pk}),
    Row("audit:event_list", only(Role.ADMINISTRATOR, Role.TEAM_MANAGER)),
    # Managing accounts, organisations and teams: administrators only.
    Row("accounts:user_list", only(Role.ADMINISTRATOR)),
    Row("accounts:user_add", only(Role.ADMINISTRATOR)),
    Row("accounts:user_edit", only(Role.ADMINISTRATOR), kwargs=lambda world: {"user_id": world["users"][Role.PERSON].pk}),
    Row(
        "accounts:user_reset_two_factor",
        signed_in(Expect.METHOD_NOT_ALLOWED),  # POST only; tested in tests/coproduction/accounts/test_manage.py
        kwargs=lambda world: {"user_id": world["users"][Role.PRACTITIONER].pk},
        id="accounts:user_reset_two_factor (GET)",
    ),
    Row("accounts:team_list", only(Role.ADMINISTRATOR)),
    Row(
        "accounts:user_sign_out_everywhere",
        signed_in(Expect.METHOD_NOT_ALLOWED),  # POST only; tested in tests/coproduction/accounts/test_identity_provider.py
        kwargs=lambda world: {"user_id": world["users"][Role.PRACTITIONER].pk},
        id="accounts:user_sign_out_everywhere (GET)",
    ),
    # Which council identity provider groups give which staff roles: administrators only.
    Row("accounts:group_mapping_list", only(Role.ADMINISTRATOR)),
    Row(
        "accounts:group_mapping_remove",
        signed_in(Expect.METHOD_NOT_ALLOWED),  # POST only; tested in tests/coproduction/accounts/test_manage.py
        kwargs=lambda world: {"mapping_id": world["group_mapping"].pk},
        id="accounts:group_mapping_remove (GET)",
    ),
    # Signing in through the council's identity provider: not found unless it is configured
    # (the signed-in flow is tested in tests/coproduction/accounts/test_identity_provider.py).
    Row("accounts:sso_start", public(Expect.DENIED)),
    Row("accounts:sso_callback", public(Expect.DENIED)),
    Row("accounts:sso_invitation", public(Expect.DENIED), kwargs=lambda world: {"token": "not-an-invitation"}),
    Row(
        "accounts:user_invite_council_sign_in",
        signed_in(Expect.METHOD_NOT_ALLOWED),  # POST only; tested in tests/coproduction/accounts/test_identity_provider.py
        kwargs=lambda world: {"user_id": world["users"][Role.PRACTITIONER].pk},
        id="accounts:user_invite_council_sign_in (GET)",
    ),
    # People and their representatives. world["person"] is the PERSON user's own record in the
    # practitioner's team, with the CARER user as a consented representative.
    Row("careplans:caseload", only(Role.PRACTITIONER, Role.TEAM_MANAGER)),
    Row("careplans:review_themes", only(Role.ADMINISTRATOR)),
    Row("careplans:person_add", only(Role.PRACTITIONER, Role.TEAM_MANAGER)),
    Row(
        "careplans:person_detail",
        only(Role.PERSON, Role.CARER, Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["person"].pk},
    ),
    Row(  # someone else's record: another team's, with nobody here as representative
        "careplans:person_detail",
        only(),
        kwargs=lambda world: {"person_id": world["other_team_person"].pk},
        id="careplans:person_detail[other team]",
    ),
    Row(  # the carer's consent was withdrawn: they no longer see it
        "careplans:person_detail",
        only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["withdrawn_person"].pk},
        id="careplans:person_detail[consent withdrawn]",
    ),
    Row("careplans:my_plan", {**only(), Role.PERSON: Expect.REDIRECT}),  # to their own plan; 404 without one
    Row("careplans:plan_detail", PLAN_READERS, kwargs=lambda world: {"person_id": world["person"].pk}),
    Row(
        "careplans:plan_detail", only(), kwargs=lambda world: {"person_id": world["other_team_person"].pk},
        id="careplans:plan_detail[other team]",
    ),
    Row(
        "careplans:plan_detail", only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["withdrawn_person"].pk}, id="careplans:plan_detail[consent withdrawn]",
    ),
    Row("careplans:plan_versions", PLAN_READERS, kwargs=lambda world: {"person_id": world["person"].pk}),
    # The plan in other formats: whoever may read the plan, by the same rule as its PDF.
    Row("careplans:plan_copies", PLAN_READERS, kwargs=lambda world: {"person_id": world["person"].pk}),
    Row(
        "careplans:plan_copies", only(), kwargs=lambda world: {"person_id": world["other_team_person"].pk},
        id="careplans:plan_copies[other team]",
    ),
    Row(
        "careplans:plan_copies", only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["withdrawn_person"].pk}, id="careplans:plan_copies[consent withdrawn]",
    ),
    # The person and a consented representative write the plan's sections with the team...
    Row("careplans:section_edit", PLAN_READERS, kwargs=lambda world: {"person_id": world["person"].pk, "key": "goals"}),
    Row(
        "careplans:section_edit", PLAN_READERS, kwargs=lambda world: {"person_id": world["person"].pk, "key": "outcomes"},
        id="careplans:section_edit[with lists]",
    ),
    # ...but not the council's own sections (the budget's amount, say)...
    Row(
        "careplans:section_edit", PLAN_WRITERS, kwargs=lambda world: {"person_id": world["person"].pk, "key": "budget"},
        id="careplans:section_edit[council's section]",
    ),
    # ...and a representative whose consent was withdrawn, or who is involved in best interests, never.
    Row(
        "careplans:section_edit", PLAN_WRITERS, kwargs=lambda world: {"person_id": world["withdrawn_person"].pk, "key": "goals"},
        id="careplans:section_edit[consent withdrawn]",
    ),
    Row(
        "careplans:section_edit", PLAN_WRITERS, kwargs=lambda world: {"person_id": world["best_interests_person"].pk, "key": "goals"},
        id="careplans:section_edit[best interests]",
    ),
    Row(
        "careplans:plan_detail", only(Role.CARER, Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["best_interests_person"].pk}, id="careplans:plan_detail[best interests]",
    ),
    Row("careplans:review", PLAN_WRITERS, kwargs=lambda world: {"person_id": world["person"].pk}),
    # Getting ready for a review: the person and a representative whose basis stands. world["person"]
    # has an agreed version 1 and a draft version 2: the agreed one is reviewed.
    Row("careplans:review_prepare", only(Role.PERSON, Role.CARER), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row(
        "careplans:review_prepare", only(), kwargs=lambda world: {"person_id": world["withdrawn_person"].pk},
        id="careplans:review_prepare[consent withdrawn]",
    ),
    Row("careplans:review_item_add", signed_in(Expect.METHOD_NOT_ALLOWED), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row("careplans:review_finish", signed_in(Expect.METHOD_NOT_ALLOWED), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row("careplans:plan_agree", PLAN_WRITERS, kwargs=lambda world: {"person_id": world["person"].pk}),
    # The person, or a representative whose basis stands, agrees in their own name; never one
    # whose consent was withdrawn or who is involved in best interests.
    Row("careplans:plan_agree_own", only(Role.PERSON, Role.CARER), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row(
        "careplans:plan_agree_own", only(), kwargs=lambda world: {"person_id": world["best_interests_person"].pk},
        id="careplans:plan_agree_own[best interests]",
    ),
    Row(
        "careplans:plan_agree_own", only(), kwargs=lambda world: {"person_id": world["withdrawn_person"].pk},
        id="careplans:plan_agree_own[consent withdrawn]",
    ),
    Row("careplans:involvement", only(Role.PERSON, Role.CARER), kwargs=lambda world: {"person_id": world["person"].pk}),
    # A finished review's outcome: agreed on screen by the person or a representative whose basis
    # stands; recorded by the team when given another way. Providers and commissioners see nothing.
    Row("careplans:review_agree", PLAN_WRITERS, kwargs=lambda world: {"person_id": world["person"].pk, "review_id": world["finished_review"].pk}),
    Row("careplans:review_agree_own", only(Role.PERSON, Role.CARER), kwargs=lambda world: {"person_id": world["person"].pk, "review_id": world["finished_review"].pk}),
    Row(
        "careplans:review_agree_own", only(), kwargs=lambda world: {"person_id": world["withdrawn_person"].pk, "review_id": world["finished_review"].pk},
        id="careplans:review_agree_own[consent withdrawn]",
    ),
    Row(
        "careplans:review_agree_own", only(), kwargs=lambda world: {"person_id": world["best_interests_person"].pk, "review_id": world["finished_review"].pk},
        id="careplans:review_agree_own[best interests]",
    ),
    # The conversation about what matters, and the home postcode local options are found near:
    # whoever may write the plan.
    *plan_writer_rows("careplans:conversation"),
    *plan_writer_rows("careplans:person_postcode"),
    # POST only: the forms on the pages above (tests/careplans/test_plans.py).
    Row("careplans:plan_start", signed_in(Expect.METHOD_NOT_ALLOWED), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row("careplans:plan_pdf", signed_in(Expect.METHOD_NOT_ALLOWED), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row(
        "careplans:comment_add", signed_in(Expect.METHOD_NOT_ALLOWED),
        kwargs=lambda world: {"person_id": world["person"].pk, "key": "goals"},
    ),
    Row(
        "careplans:item_add", signed_in(Expect.METHOD_NOT_ALLOWED),
        kwargs=lambda world: {"person_id": world["person"].pk, "key": "budget", "list_name": "items"},
    ),
    Row(
        "careplans:item_remove", signed_in(Expect.METHOD_NOT_ALLOWED),
        kwargs=lambda world: {"person_id": world["person"].pk, "key": "budget", "list_name": "items", "item_id": "abc"},
    ),
    Row("careplans:person_edit", only(Role.PRACTITIONER, Role.TEAM_MANAGER), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row(
        "careplans:representative_add",
        only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["person"].pk},
    ),
    Row(
        "careplans:representative_withdraw",
        only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["person"].pk, "representative_id": world["representative"].pk},
    ),
    # The checklist. world["draft_checklist"] is the PERSON user's unfinished one; the sent ones
    # are the person's and the practitioner's reflection on their practice with the person.
    Row("checklist:statements", signed_in()),
    Row("checklist:start", only(Role.PERSON)),
    Row("checklist:start_for_person", only(Role.CARER, Role.PRACTITIONER, Role.TEAM_MANAGER), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row("checklist:person_compare", PLAN_READERS, kwargs=lambda world: {"person_id": world["person"].pk}),
    Row(
        "checklist:person_compare", only(), kwargs=lambda world: {"person_id": world["other_team_person"].pk},
        id="checklist:person_compare[other team]",
    ),
    Row("checklist:reflect", only(Role.PRACTITIONER)),
    Row("checklist:reflection", only(Role.PRACTITIONER)),
    Row(
        "checklist:practitioner_reflection", only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"user_id": world["users"][Role.PRACTITIONER].pk},
    ),
    Row("checklist:fill", only(Role.PERSON), kwargs=lambda world: {"checklist_id": world["draft_checklist"].pk}),
    Row("checklist:fill_one", only(Role.PERSON), kwargs=lambda world: {"checklist_id": world["draft_checklist"].pk, "number": 3}),
    Row("checklist:check", only(Role.PERSON), kwargs=lambda world: {"checklist_id": world["draft_checklist"].pk}),
    Row("checklist:discard", only(Role.PERSON), kwargs=lambda world: {"checklist_id": world["draft_checklist"].pk}),
    Row("checklist:detail", PLAN_READERS, kwargs=lambda world: {"checklist_id": world["sent_checklist"].pk}),
    Row(  # a practitioner's reflection: theirs and their manager's, never the person's
        "checklist:detail", only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"checklist_id": world["reflection"].pk}, id="checklist:detail[reflection]",
    ),
    Row("checklist:dashboard", only(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)),
    Row("checklist:teams", only(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)),
    Row(
        "checklist:team_stories", only(Role.TEAM_MANAGER),
        kwargs=lambda world: {"team_id": world["team"].pk, "statement_id": world["story"].statement_id},
    ),
    Row("checklist:shared_stories", only(Role.COMMISSIONER, Role.PRACTITIONER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR)),
    Row("checklist:story_share", only(Role.TEAM_MANAGER), kwargs=lambda world: {"story_id": world["story"].pk}),
    Row("checklist:goals", only(Role.PRACTITIONER, Role.TEAM_MANAGER)),
    Row("checklist:goal_add", only(Role.TEAM_MANAGER)),
    Row("checklist:goal_detail", only(Role.PRACTITIONER, Role.TEAM_MANAGER), kwargs=lambda world: {"goal_id": world["goal"].pk}),
    Row("checklist:rounds", only(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)),
    Row("checklist:round_add", only(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)),
    Row("checklist:round_detail", only(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE), kwargs=lambda world: {"round_id": world["survey_round"].pk}),
    Row("checklist:statement_sets", only(Role.ADMINISTRATOR)),
    Row("checklist:statement_set_publish", only(Role.ADMINISTRATOR)),
    Row("checklist:report", signed_in(Expect.METHOD_NOT_ALLOWED)),
    Row(  # POST only, from the review page; tested in tests/checklist/test_checklist.py
        "checklist:review_questions", signed_in(Expect.METHOD_NOT_ALLOWED),
        kwargs=lambda world: {"person_id": world["person"].pk, "review_id": 1},
    ),  # POST only; tested in tests/checklist/test_reports.py
]

# Commissioning: each app keeps its rows beside its tests.
MATRIX += [*COMMISSIONING_ROWS, *PRIORITIES_ROWS, *BUDGETING_ROWS, *WORKSHOPS_ROWS, *SPECIFICATIONS_ROWS]
MATRIX += [*PANELS_ROWS, *ASSETS_ROWS, *INVOLVEMENT_ROWS, *MONITORING_ROWS, *COASSESSMENT_ROWS, *BOARDS_ROWS, *RECRUITMENT_ROWS, *NETWORKS_ROWS, *TRAINING_ROWS, *RESEARCH_ROWS]
MATRIX += [*GOVERNANCE_ROWS, *NOTIFICATIONS_ROWS, *PRACTICE_GROUP_ROWS, *CASESYSTEM_ROWS]
