"""Keeping the running totals (RatingTotal, GapTotal) in step with the answers.

`totals_add_checklist` runs inside `checklist_submit`'s transaction; `totals_rebuild` recomputes
everything from the answers (demo data, bulk loads, or to check the running totals)."""

from django.db import connection

from .models import Checklist

# The answers' sums per team, statement, perspective and quarter; a WHERE and GROUP BY follow.
_TOTALS_FROM_ANSWERS = """
    (team_id, statement_id, perspective, quarter, answered, skipped, score_sum, n1, n2, n3, n4, n5)
    SELECT team_id, statement_id, perspective, date_trunc('quarter', submitted_on)::date,
           COUNT(score), COUNT(*) - COUNT(score), COALESCE(SUM(score), 0),
           COUNT(*) FILTER (WHERE score = 1), COUNT(*) FILTER (WHERE score = 2), COUNT(*) FILTER (WHERE score = 3),
           COUNT(*) FILTER (WHERE score = 4), COUNT(*) FILTER (WHERE score = 5)
    FROM checklist_rating
"""

_PAIRS = """
    SELECT r.statement_id,
           AVG(r.score) FILTER (WHERE r.perspective = 'person') AS person,
           AVG(r.score) FILTER (WHERE r.perspective = 'practitioner') AS practitioner
    FROM checklist_rating r
    WHERE r.plan_id = %s AND r.score IS NOT NULL AND r.submitted_on >= %s AND r.submitted_on < %s + interval '3 months'
      AND r.checklist_id <> %s
    GROUP BY r.statement_id
"""


def _pairs(cursor, plan_id: int, quarter, leave_out: int) -> dict[int, float]:
    """Per statement, the practitioner's minus the person's average for one plan in one quarter."""
    cursor.execute(_PAIRS, [plan_id, quarter, quarter, leave_out])
    return {statement_id: float(ours) - float(theirs) for statement_id, theirs, ours in cursor.fetchall() if theirs is not None and ours is not None}


def totals_add_checklist(*, checklist: Checklist) -> None:
    """Add a just-sent checklist's answers to the totals. The caller holds a lock on the plan,
    so two checklists for the same plan never pair against each other's half-written totals."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO checklist_ratingtotal AS t" + _TOTALS_FROM_ANSWERS + """ WHERE checklist_id = %s GROUP BY 1, 2, 3, 4
            ON CONFLICT (team_id, statement_id, perspective, quarter) DO UPDATE SET
                answered = t.answered + EXCLUDED.answered, skipped = t.skipped + EXCLUDED.skipped,
                score_sum = t.score_sum + EXCLUDED.score_sum, n1 = t.n1 + EXCLUDED.n1, n2 = t.n2 + EXCLUDED.n2,
                n3 = t.n3 + EXCLUDED.n3, n4 = t.n4 + EXCLUDED.n4, n5 = t.n5 + EXCLUDED.n5
            """,
            [checklist.pk],
        )
        if checklist.plan_id is None:
            return
        cursor.execute("SELECT date_trunc('quarter', %s::date)::date", [checklist.submitted_at.date()])
        quarter = cursor.fetchone()[0]
        before = _pairs(cursor, checklist.plan_id, quarter, leave_out=checklist.pk)
        after = _pairs(cursor, checklist.plan_id, quarter, leave_out=0)
        for statement_id in before.keys() | after.keys():
            plans = (statement_id in after) - (statement_id in before)
            gap = after.get(statement_id, 0.0) - before.get(statement_id, 0.0)
            cursor.execute(
                """
                INSERT INTO checklist_gaptotal AS g (team_id, statement_id, quarter, plans, gap_sum) VALUES (%s, %s, %s, %s, %s)
                ON CONFLICT (team_id, statement_id, quarter) DO UPDATE SET plans = g.plans + EXCLUDED.plans, gap_sum = g.gap_sum + EXCLUDED.gap_sum
                """,
                [checklist.team_id, statement_id, quarter, plans, gap],
            )


def totals_rebuild() -> None:
    """Recompute every total from the answers, in one transaction."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM checklist_ratingtotal")
        cursor.execute("DELETE FROM checklist_gaptotal")
        cursor.execute(
            "INSERT INTO checklist_ratingtotal" + _TOTALS_FROM_ANSWERS + " WHERE submitted_on IS NOT NULL GROUP BY 1, 2, 3, 4"
        )
        cursor.execute(
            """
            INSERT INTO checklist_gaptotal (team_id, statement_id, quarter, plans, gap_sum)
            SELECT team_id, statement_id, quarter, COUNT(*), SUM(practitioner - person)
            FROM (  -- one row per plan rated from both sides in a quarter
                SELECT MAX(r.team_id) AS team_id, r.statement_id, date_trunc('quarter', r.submitted_on)::date AS quarter, r.plan_id,
                       AVG(r.score) FILTER (WHERE r.perspective = 'person') AS person,
                       AVG(r.score) FILTER (WHERE r.perspective = 'practitioner') AS practitioner
                FROM checklist_rating r
                WHERE r.submitted_on IS NOT NULL AND r.plan_id IS NOT NULL AND r.score IS NOT NULL
                GROUP BY r.statement_id, 3, r.plan_id
            ) per_plan
            WHERE person IS NOT NULL AND practitioner IS NOT NULL
            GROUP BY 1, 2, 3
            """
        )
