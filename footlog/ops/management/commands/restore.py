"""`manage.py restore FILE [--passphrase-file F]`: an archive of `manage.py backup` into an empty data dir
(FOOTLOG_DATA_DIR of this command). Stop nothing: the target is a new install that is not running yet."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from footlog.ops.backup import BackupError, Layout, read_passphrase, restore_backup


class Command(BaseCommand):
    help = "Restore a footlog backup archive into an empty FOOTLOG_DATA_DIR (checksums checked first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--passphrase-file", type=Path, help="the passphrase the archive was encrypted with")

    def handle(self, *args: object, archive: Path, passphrase_file: Path | None, **options: object) -> None:
        layout = Layout.from_settings()
        try:
            passphrase = read_passphrase(passphrase_file) if passphrase_file else None
            manifest = restore_backup(archive, layout, passphrase)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        counts = ", ".join(f"{n} {label}" for label, n in manifest["counts"].items())
        self.stdout.write(f"Restored {archive} made {manifest['created']} into {layout.data_dir} ({counts}).")
        if manifest.get("database") != "sqlite":
            self.stdout.write("The archive holds no database: restore PostgreSQL from its pg_dump (pg_restore).")
        self.stdout.write("Next: `manage.py migrate` (when this code is newer than the backup), then start footlog.")
