"""`manage.py photos_sweep`: remove photo files left behind by a process that died mid-upload."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandParser

from footlog.diary.services import photo_orphans_delete


class Command(BaseCommand):
    help = "Delete stored photo files that no photo references (older than --min-age-minutes, default 60)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--min-age-minutes", type=int, default=60)

    def handle(self, *args: object, min_age_minutes: int, **options: object) -> None:
        count = photo_orphans_delete(dt.timedelta(minutes=min_age_minutes))
        self.stdout.write(f"deleted {count} orphaned photo file(s)")
