"""The layers and the domain's independence from DRF, checked on real imports.

Domain code (services, selectors, the timeline analysis) raises footlog's own errors and never imports the
REST framework: one exception handler maps the errors to HTTP (footlog.api.errors). The apps form layers, bottom
to top: lib → accounts (identity) → diary → clinical → timeline → reminders → exports → sharing → portability →
pwa; an import (function-level ones included) only ever points down. Both are import-linter contracts in
pyproject.toml, run here with `lint-imports`; a copy of the code with one bad import injected shows that each
contract fails on it."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.services import ROOT

DOMAIN = sorted(
    [
        *ROOT.glob("*/services.py"),
        *ROOT.glob("*/selectors.py"),
        *ROOT.glob("footlog/*/services.py"),
        *ROOT.glob("footlog/*/selectors.py"),
        # An app whose services grew into a package (reminders/services/dispatch.py, ...).
        *ROOT.glob("*/services/*.py"),
        *ROOT.glob("*/selectors/*.py"),
        *ROOT.glob("footlog/timeline/analysis/*.py"),
    ]
)


def imported_modules(path) -> set[str]:  # type: ignore[no-untyped-def]
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_there_is_domain_code_to_check() -> None:
    assert len(DOMAIN) >= 10


@pytest.mark.parametrize("path", DOMAIN, ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_code_does_not_import_the_rest_framework(path) -> None:  # type: ignore[no-untyped-def]
    offending = {name for name in imported_modules(path) if name.split(".")[0] == "rest_framework"}
    offending |= {name for name in imported_modules(path) if name == "footlog.api.errors"}
    assert not offending, f"{path.relative_to(ROOT)} imports {sorted(offending)}"


def ruff_on(path: str, source: str) -> subprocess.CompletedProcess[str]:
    """Lint `source` as if it were the file at `path`, with the project's ruff configuration."""
    ruff = Path(sys.executable).with_name("ruff")
    return subprocess.run(
        [str(ruff), "check", "--select", "TID251", "--stdin-filename", path, "-"],
        cwd=ROOT,
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
    )


DRF_IMPORTS = "from rest_framework.exceptions import ValidationError\nfrom footlog.api.errors import Conflict\n"


@pytest.mark.parametrize(
    "path",
    [
        "footlog/diary/services.py",
        "footlog/exports/selectors.py",
        "footlog/sharing/services.py",
        "accounts/services.py",
        "reminders/services/dispatch.py",
        "footlog/timeline/analysis/episodes.py",
    ],
)
def test_ruff_refuses_the_rest_framework_in_domain_code(path: str) -> None:
    result = ruff_on(path, DRF_IMPORTS)
    assert result.returncode == 1
    assert result.stdout.count("TID251") == 2, result.stdout


@pytest.mark.parametrize("path", ["footlog/diary/views.py", "footlog/api/errors.py", "accounts/serializers.py"])
def test_ruff_lets_the_api_layer_import_the_rest_framework(path: str) -> None:
    result = ruff_on(path, DRF_IMPORTS)
    assert result.returncode == 0, result.stdout


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin"}
    )


def test_the_import_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("path", "injected", "contract"),
    [
        # identity reaching up into a feature app (the package cycle of issue 24)
        ("accounts/services.py", "from reminders.services import reminders_follow_timezone\n", "Layers"),
        # a function-level import counts as much as one at the top
        ("footlog/diary/services.py", "def _f():\n    from footlog.timeline import services\n", "Layers"),
        ("footlog/lib/dates.py", "def _f():\n    import accounts.models\n", "Layers"),
        ("footlog/exports/report_jobs.py", "from footlog.exports import tasks\n", None),  # allowed: same app
        ("footlog/exports/report.py", "from footlog.sharing import services\n", "Layers"),
        ("footlog/sharing/services.py", "from footlog.portability import services\n", "Layers"),
        ("footlog/portability/services.py", "from footlog.pwa import views\n", "Layers"),
        ("reminders/services/dispatch.py", "from rest_framework.exceptions import ValidationError\n", "Domain code"),
        ("footlog/portability/services.py", "import rest_framework\n", "Domain code"),
        ("footlog/timeline/analysis/episodes.py", "from footlog.api.errors import Conflict\n", "Domain code"),
    ],
)
def test_each_contract_fails_on_an_injected_import(
    tmp_path: Path, path: str, injected: str, contract: str | None
) -> None:
    for package in ("footlog", "accounts", "reminders"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("static", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / path
    target.write_text(target.read_text() + "\n\n" + injected)
    result = lint_imports(tmp_path)
    if contract is None:
        assert result.returncode == 0, result.stdout
        return
    assert result.returncode == 1, result.stdout + result.stderr
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout
