"""Domain code (services, selectors, the timeline analysis) raises footlog's own errors and never imports the
REST framework: one exception handler maps the errors to HTTP (footlog.api.errors)."""

from __future__ import annotations

import ast

import pytest

from tests.support.services import ROOT

DOMAIN = sorted(
    [
        *ROOT.glob("*/services.py"),
        *ROOT.glob("*/selectors.py"),
        *ROOT.glob("footlog/*/services.py"),
        *ROOT.glob("footlog/*/selectors.py"),
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
