"""Who may see and do what with decision-making boards. Commissioners run the boards' records
(members, meetings, papers, attendance, decisions); a board's current members see its pages and
their papers; nobody else learns that a board's papers exist."""

import rules

from commissioning.rules import is_commissioner
from coproduction.core.rules_cache import cached_for_request


def current_board_ids(user) -> frozenset[int]:
    """The boards the user is a current member of, read once per request."""
    if not user.is_authenticated:
        return frozenset()

    def load() -> frozenset[int]:
        from .models import BoardMember

        return frozenset(BoardMember.objects.filter(user=user, left_on__isnull=True).order_by().values_list("board_id", flat=True))

    return cached_for_request(user, "boards.current_board_ids", load)


@rules.predicate
def is_on_some_board(user) -> bool:
    return bool(current_board_ids(user))


@rules.predicate
def is_board_member(user, board) -> bool:
    return board is not None and board.pk in current_board_ids(user)


rules.add_perm("boards.view_board_list", is_commissioner | is_on_some_board)
rules.add_perm("boards.add_board", is_commissioner)
# The board's page, its meetings and their papers.
rules.add_perm("boards.view_board", is_commissioner | is_board_member)
# Members, meetings, papers, attendance and decisions.
rules.add_perm("boards.manage_board", is_commissioner)
