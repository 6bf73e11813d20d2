"""Run the project's migrations to a given state inside a test (for tests of data migrations)."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets: list[tuple[str, str | None]]) -> Any:
    """Migrate the test database to `targets` (`(app, None)` unapplies an app whole); return that state's apps
    (historical models)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def migrate_to_latest() -> Any:
    """Back to every app's newest migration (call in `finally`, so later tests see the real schema)."""
    return migrate_to(MigrationExecutor(connection).loader.graph.leaf_nodes())
