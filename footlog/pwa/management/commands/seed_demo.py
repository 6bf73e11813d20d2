"""`python manage.py seed_demo`: a verified demo account with eight weeks of entries and photos."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor

from footlog.lib.errors import InvalidInput
from footlog.pwa.demo import create_demo


class Command(BaseCommand):
    help = "Create (or re-create) a demo account with eight weeks of entries and generated photos."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", default="demo@footlog.local")
        parser.add_argument("--password", default=None, help="default: a new random one, printed")
        parser.add_argument("--timezone", default="Europe/Berlin")

    def handle(self, *args: Any, **options: Any) -> None:
        _require_migrated_database()
        password = options["password"] or secrets.token_urlsafe(12)
        try:
            user, entries, photos = create_demo(options["email"], password, timezone=options["timezone"])
        except InvalidInput as exc:  # the shared rules refused a value: the API's words, one line per field
            raise CommandError("; ".join(f"{name}: {' '.join(words)}" for name, words in exc.errors.items())) from None
        self.stdout.write(f"Demo account ready: {entries} entries, {photos} photos over eight weeks.")
        self.stdout.write(f"  email:    {user.email}")
        self.stdout.write(f"  password: {password}")
        self.stdout.write("Sign in at /accounts/login/ (any existing account with this email was replaced).")


def _require_migrated_database() -> None:
    """A fresh clone has an empty database: say so in one sentence instead of an OperationalError's traceback."""
    connection = connections[DEFAULT_DB_ALIAS]
    name = connection.settings_dict["NAME"]
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as exc:  # e.g. a PostgreSQL database that was never created
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CommandError(f"footlog cannot open the database {name}: {first_line}") from None
    if pending:
        raise CommandError(
            f"The database ({name}) is not set up yet: run "
            "`python manage.py migrate` (or `make run`, which does it) first, then seed_demo again."
        )
