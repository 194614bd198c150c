"""Creating several models in one migration step: the state and the tables come out as creating
them one by one would."""

import pytest
from django.db import connection, migrations, models
from django.db.migrations.state import ModelState, ProjectState

from coproduction.core.migration_operations import CreateModels


def library_state() -> ProjectState:
    state = ProjectState()
    state.add_model(ModelState("lab", "Library", [("id", models.AutoField(primary_key=True))]))
    return state


SHELF_AND_BOOK = [
    migrations.CreateModel("Shelf", [
        ("id", models.AutoField(primary_key=True)),
        ("library", models.ForeignKey("lab.library", models.CASCADE, related_name="shelves")),
    ]),
    migrations.CreateModel("Book", [
        ("id", models.AutoField(primary_key=True)),
        ("shelf", models.ForeignKey("lab.shelf", models.CASCADE, related_name="books")),
    ], options={"indexes": [models.Index(fields=["shelf", "id"], name="lab_book_shelf_idx")]}),
]


def test_creating_models_together_leaves_the_state_creating_them_one_by_one_would():
    one_by_one, together = library_state(), library_state()
    one_by_one.apps, together.apps  # rendered, as when migrating
    for operation in SHELF_AND_BOOK:
        operation.state_forwards("lab", one_by_one)
    CreateModels(SHELF_AND_BOOK).state_forwards("lab", together)
    assert together.models == one_by_one.models
    library = together.apps.get_model("lab", "library")
    assert library.shelves.rel.related_model is together.apps.get_model("lab", "shelf")
    assert together.apps.get_model("lab", "shelf").books.rel.related_model is together.apps.get_model("lab", "book")


@pytest.mark.django_db
def test_creating_models_together_makes_their_tables_and_reversing_takes_them_away():
    before, after = library_state(), library_state()
    operation = CreateModels(SHELF_AND_BOOK)
    operation.state_forwards("lab", after)

    def tables() -> set[str]:
        with connection.cursor() as cursor:
            return {name for name in connection.introspection.table_names(cursor) if name.startswith("lab_")}

    with connection.schema_editor(atomic=False) as editor:
        editor.create_model(before.apps.get_model("lab", "library"))
        operation.database_forwards("lab", editor, before, after)
    assert tables() == {"lab_library", "lab_shelf", "lab_book"}
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "lab_book")
    assert "lab_book_shelf_idx" in indexes

    with connection.schema_editor(atomic=False) as editor:
        operation.database_backwards("lab", editor, after, before)
    assert tables() == {"lab_library"}
