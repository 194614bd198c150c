"""The import contracts in pyproject.toml: the real tree keeps them, and a wrong import breaks them.

lint-imports reads the source with grimp and imports nothing, so the probe runs on a copy of the
tree in a temporary folder and the real tree is never changed."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("coproduction", "careplans", "checklist", "commissioning")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=300,
    )


def _copy_of_the_tree(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "static", "templates"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_tree_keeps_every_import_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_platform_importing_a_feature_breaks_the_layers(tmp_path):
    tree = _copy_of_the_tree(tmp_path)
    (tree / "coproduction" / "governance" / "contract_probe.py").write_text("from careplans.models import CarePlan  # noqa: F401\n")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "Features stand on the platform, never the reverse BROKEN" in result.stdout
    assert "coproduction.governance.contract_probe -> careplans.models" in result.stdout


def test_two_unrelated_commissioning_apps_importing_each_other_breaks_their_independence(tmp_path):
    tree = _copy_of_the_tree(tmp_path)
    (tree / "commissioning" / "budgeting" / "contract_probe.py").write_text("from commissioning.assets.models import Asset  # noqa: F401\n")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "are independent, except where a real relation exists BROKEN" in result.stdout
