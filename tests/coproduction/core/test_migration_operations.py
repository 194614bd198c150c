"""A new database is made by the squashed migrations, which create each app's models in one step;
a database that ran the original migrations carries on from them. Both must end the same."""

import pytest
from django.db import connection, migrations, models
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ModelState, ProjectState

from coproduction.core.migration_operations import CreateModels


def final_state(*, squashed: bool) -> ProjectState:
    loader = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=squashed)
    if not squashed:  # as for a database that ran the originals before the squashed ones existed
        for key, migration in loader.replacements.items():
            loader.graph.remove_replacement_node(key, migration.replaces)
    return loader.project_state()


def test_a_new_database_ends_with_the_same_models_as_one_that_ran_the_original_migrations():
    squashed, originals = final_state(squashed=True), final_state(squashed=False)
    assert MigrationAutodetector(originals, squashed)._detect_changes() == {}  # makemigrations would make none
    assert squashed.models.keys() == originals.models.keys()
    for key, model in originals.models.items():
        assert list(squashed.models[key].fields) == list(model.fields), f"{key}: columns in another order"


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
