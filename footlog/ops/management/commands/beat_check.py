"""Exit 0 when `reminders.tick` (enqueued by beat once a minute, run by a worker) ran recently, 1 otherwise.

For a process manager or a cron-driven alert: `manage.py beat_check --max-age 180`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from footlog.ops.heartbeat import last_tick_age


class Command(BaseCommand):
    help = "Check that beat's reminder tick ran within --max-age seconds (exit 1 when not)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--max-age", type=int, default=180, help="seconds (default 180: three missed ticks)")

    def handle(self, *args: object, max_age: int, **options: object) -> None:
        age = last_tick_age()
        if age is None:
            raise CommandError("no reminder tick recorded yet: is beat running, and a worker taking its tasks?")
        if age > max_age:
            raise CommandError(
                f"the last reminder tick ran {age:.0f} s ago (over {max_age} s): beat or the workers stopped"
            )
        self.stdout.write(f"ok: the last reminder tick ran {age:.0f} s ago")
