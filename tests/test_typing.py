"""The diary and the timeline are typed strictly (pyproject.toml's mypy override): their functions take the user
as a `User`, never `Any`, so mypy checks every use of it (a `None` passed where a user is needed, a field typo)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.services import ROOT

STRICT = sorted([*ROOT.glob("footlog/diary/**/*.py"), *ROOT.glob("footlog/timeline/**/*.py")])
STRICT = [path for path in STRICT if "migrations" not in path.parts]


def user_parameters_typed_any(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
                annotation = ast.unparse(arg.annotation) if arg.annotation else None
                if arg.arg in ("user", "owner") and annotation in (None, "Any", "object"):
                    found.append(f"{node.name}({arg.arg}: {annotation})")
    return found


def test_there_is_strictly_typed_code_to_check() -> None:
    assert len(STRICT) >= 20


@pytest.mark.parametrize("path", STRICT, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_user_is_a_user_not_any(path: Path) -> None:
    assert user_parameters_typed_any(path) == []
