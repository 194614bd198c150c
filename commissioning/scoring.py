"""Independent scoring, as procurement panels and recruitment panels both do it: each member
scores on their own, from 0 to the panel's maximum, with a reason; nobody sees another member's
scores until they have sent their own (or scoring has closed); the chair then moderates, and
the agreed score is kept beside every member's own, which never changes. The two panels score
different things (a bid's answer, a candidate against a value), so each keeps its own tables;
the rules of scoring, and how they are explained to members, live here once."""

from django.core.exceptions import ValidationError


def score_error(value, score_max: int, what: str = "") -> str | None:
    """The error for a score outside 0 to score_max (or missing), else None."""
    if value is None or isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= score_max:
        return f"Select a score from 0 to {score_max}" + (f" for {what}" if what else "")
    return None


def checked_score(value, score_max: int, field: str = "value") -> int:
    error = score_error(value, score_max)
    if error:
        raise ValidationError({field: error})
    return value


def checked_reason(reason, *, field: str, message: str) -> str:
    """A score's reason, trimmed: a score without one is never kept."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: message})
    return reason


def may_see_others_scores(*, scores: bool, sent_own: bool, scoring_closed: bool = False) -> bool:
    """Whether someone sees the other members' scores. A member who scores sees them only once
    their own are sent (or scoring has closed), so theirs stay their own; a member who does not
    score (an HR officer, an appointing manager) is never influenced by seeing them."""
    return sent_own or scoring_closed or not scores


def scoring_explained(*, score_max: int, what: str, what_easy_read: str, easy_read: bool) -> str:
    """How independent scoring works, in plain English or Easy Read words. what: the thing
    scored, for example "every answer"; what_easy_read: the same in Easy Read ("each answer")."""
    if easy_read:
        return (
            f"You give {what_easy_read} a score from 0 to {score_max}.\n"
            "You say why you gave that score.\n"
            "You score on your own first. You see the other scores after you send yours.\n"
            "Then the panel talks and agrees a score together.\n"
            "Your own score is kept."
        )
    return (
        f"Each member scores {what} from 0 to {score_max}, on their own, and writes the reason for each score. "
        "Nobody sees another member's scores until they have sent their own. The chair then runs a moderation "
        "meeting: where scores differ, the panel talks and agrees one score with its reasons. Every member's own "
        "score is kept beside the agreed one."
    )
