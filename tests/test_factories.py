"""A factory for every model of ours, so every later test can arrange data the same way."""

import importlib
import pkgutil

import factory
from django.apps import apps

import tests

OUR_APPS = ("coproduction", "careplans", "checklist", "commissioning")


def _factory_models() -> set:
    found = set()
    for module_info in pkgutil.walk_packages(tests.__path__, "tests."):
        if module_info.name.endswith(".factories"):
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, factory.django.DjangoModelFactory) and value._meta.model:
                    found.add(value._meta.model)
    return found


def test_every_model_has_a_factory():
    ours = {model for model in apps.get_models() if model.__module__.startswith(OUR_APPS)}
    missing = sorted(model._meta.label for model in ours - _factory_models())
    assert missing == [], f"Add factories for: {missing}"
