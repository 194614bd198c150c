"""Views read through selectors: no view module touches a model's manager itself.

A query written in a view escapes the selectors' tests and query counts, and its scoping is
easy to get wrong, so every read a page needs is a named selector. The check reads the source
(nothing is imported), so a line added anywhere in a view module is caught."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("careplans", "checklist", "commissioning", "coproduction")


def is_view_module(path: Path) -> bool:
    """views.py, a *_views.py beside it, or any module of a views/ package."""
    return path.name == "views.py" or path.name.endswith("_views.py") or "views" in path.parent.parts[-1:]


def view_modules(root: Path) -> list[Path]:
    return sorted(
        path for package in PACKAGES if (root / package).is_dir()
        for path in (root / package).rglob("*.py")
        if is_view_module(path) and "__pycache__" not in path.parts
    )


def manager_uses(path: Path, root: Path) -> list[str]:
    """Each place the module reads `.objects` (also split over lines), as "file:line: code"."""
    source = path.read_text()
    lines = source.splitlines()
    found = {node.lineno for node in ast.walk(ast.parse(source, filename=str(path)))
             if isinstance(node, ast.Attribute) and node.attr == "objects"}
    return [f"{path.relative_to(root)}:{line}: {lines[line - 1].strip()}" for line in sorted(found)]


def manager_uses_in_views(root: Path) -> list[str]:
    return [use for path in view_modules(root) for use in manager_uses(path, root)]


def test_no_view_module_queries_a_model_manager():
    uses = manager_uses_in_views(ROOT)
    assert not uses, "Move these queries into the app's selectors.py:\n" + "\n".join(uses)


def test_the_check_finds_the_view_modules():
    names = {path.relative_to(ROOT).as_posix() for path in view_modules(ROOT)}
    assert {"careplans/views.py", "coproduction/accounts/manage_views.py", "commissioning/panels/scoring/views.py"} <= names


def test_a_query_in_a_view_module_is_reported_with_its_file_and_line(tmp_path):
    app = tmp_path / "commissioning" / "probe"
    (app / "views").mkdir(parents=True)
    (app / "views.py").write_text("def page(request):\n    return Thing.objects.filter(pk=1)\n")
    (app / "probe_views.py").write_text("def page(request):\n    return (Thing\n            .objects\n            .all())\n")
    (app / "views" / "pages.py").write_text("# fine\nthings = Thing.objects.none()\n")
    (app / "selectors.py").write_text("def things():\n    return Thing.objects.all()\n")
    assert manager_uses_in_views(tmp_path) == [
        "commissioning/probe/probe_views.py:2: return (Thing",
        "commissioning/probe/views/pages.py:2: things = Thing.objects.none()",
        "commissioning/probe/views.py:2: return Thing.objects.filter(pk=1)",
    ]
