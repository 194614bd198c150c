"""The first statement set comes back when a database has lost it (as `flush` does to what
migrations put in), so the demo data can always be loaded."""

from importlib import import_module

from django.core.management import call_command

from careplans.models import ReviewTheme
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


def test_a_flushed_test_database_has_the_statements_and_review_themes_back(transactional_db):
    """tests/harness/reference_data.py: a test after a flush still finds statements to rate."""
    call_command("flush", verbosity=0, interactive=False)

    assert StatementSet.objects.get().statements.count() == len(STATEMENTS)
    themes = import_module("careplans.migrations.0004_review_themes").THEMES
    assert sorted(ReviewTheme.objects.values_list("name", flat=True)) == sorted(themes)
