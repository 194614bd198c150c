"""Migration operations of our own.

`CreateModels` makes several models in one step. Django's `CreateModel` re-renders the
migration state of every model related to the new one, and nearly every model is related to
the user: made one by one, a hundred models cost a hundred renders of nearly every model,
which is most of the time a new database takes to migrate. Together they cost one.
"""

from django.db.migrations.operations.base import Operation


class CreateModels(Operation):
    """The given `CreateModel` operations, in order, with the migration state re-rendered once.

    The tables are made in the order given, so a model comes after those its foreign keys
    point at (or the key is added afterwards with `AddField`). Django's optimiser cannot merge
    later operations into these models: squashing them again means writing them out again."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, operations):
        self.operations = operations

    def deconstruct(self):
        return (self.__class__.__qualname__, [], {"operations": self.operations})

    def state_forwards(self, app_label, state):
        # With the state's models rendered, each CreateModel would re-render everything related
        # to it: set the rendered models aside while adding the new ones, then re-render once
        # what CreateModel would have (the new models and all those related to them).
        rendered = state.__dict__.pop("apps", None)
        try:
            for operation in self.operations:
                operation.state_forwards(app_label, state)
        finally:
            if rendered is not None:
                state.__dict__["apps"] = rendered
        if rendered is not None:
            state.reload_models([(app_label, operation.name_lower) for operation in self.operations], delay=False)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for operation in self.operations:
            operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        for operation in reversed(self.operations):
            operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def references_model(self, name, app_label):
        return any(operation.references_model(name, app_label) for operation in self.operations)

    def describe(self):
        return "Create models " + ", ".join(operation.name for operation in self.operations)

    @property
    def migration_name_fragment(self):
        return "_".join(operation.name_lower for operation in self.operations)[:40]
