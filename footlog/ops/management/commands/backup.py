"""`manage.py backup --output FILE [--passphrase-file F]`: one consistent archive of the default install while it
runs (footlog/ops/backup.py; docs/deploy.md "Backups")."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from footlog.ops.backup import BackupError, Layout, create_backup, read_passphrase


class Command(BaseCommand):
    help = "Back up the SQLite database, photos, stored files and generated keys into one archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, required=True, help="the archive to write (must not exist)")
        parser.add_argument("--passphrase-file", type=Path, help="encrypt the archive with the passphrase in this file")

    def handle(self, *args: object, output: Path, passphrase_file: Path | None, **options: object) -> None:
        layout = Layout.from_settings()
        try:
            passphrase = read_passphrase(passphrase_file) if passphrase_file else None
            manifest = create_backup(layout, output, passphrase)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        if layout.database is None:
            self.stderr.write(
                'The database is PostgreSQL: back it up with pg_dump (docs/deploy.md "Backups"). '
                "This archive holds photos, stored files and keys only."
            )
        if layout.photos is None:
            self.stderr.write("Photos are in the S3 bucket: keep them with bucket versioning or a sync, not here.")
        counts = ", ".join(f"{n} {label}" for label, n in manifest["counts"].items())
        sealed = "encrypted" if passphrase_file else "NOT encrypted: it holds health data, keep it safe"
        self.stdout.write(f"Wrote {output} ({counts}; {sealed}).")
