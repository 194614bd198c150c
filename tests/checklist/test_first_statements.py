"""The first statement set comes back when a database has lost it (as `flush` does to what
migrations put in), so the demo data can always be loaded."""

from checklist.first_statements import STATEMENTS, publish_first_statement_set
from checklist.models import Statement, StatementSet


def test_an_emptied_database_gets_the_first_statements_back_once():
    Statement.objects.all().delete()
    StatementSet.objects.all().delete()

    published = publish_first_statement_set(StatementSet, Statement)
    again = publish_first_statement_set(StatementSet, Statement)

    assert again == published
    assert StatementSet.objects.count() == 1
    assert published.statements.filter(part="planning").order_by("number").first().wording.startswith(
        "I'm trusted to write my own care and support plan"
    )
    assert published.statements.count() == len(STATEMENTS)
