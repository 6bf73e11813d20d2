"""Exit 0 when at least one Celery worker answers a ping over the broker, 1 otherwise (the same question as
`celery -A footlog inspect ping`, with an exit code and a timeout a process manager can use)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from footlog.celery import app


class Command(BaseCommand):
    help = "Ping the Celery workers through the broker (exit 1 when none answers)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for answers (default 5)")
        parser.add_argument("--destination", action="append", help="a worker name (-n); repeat for several")

    def handle(self, *args: object, timeout: float, destination: list[str] | None, **options: object) -> None:
        try:
            replies = app.control.ping(timeout=timeout, destination=destination)
        except Exception as exc:
            raise CommandError(f"the broker could not be reached ({type(exc).__name__})") from None
        if not replies:
            raise CommandError(f"no worker answered within {timeout:g} s")
        self.stdout.write(f"ok: {len(replies)} worker(s) answered")
