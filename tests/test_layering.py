"""Domain code (services, selectors, the timeline analysis) raises footlog's own errors and never imports the
REST framework: one exception handler maps the errors to HTTP (footlog.api.errors)."""

from __future__ import annotations

import ast
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
