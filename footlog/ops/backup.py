"""Backup and restore of the default install: the SQLite database, photos, stored files and generated keys.

An archive is a tar file: `database.sqlite3` (a consistent copy made with SQLite's online backup API, safe while
the web, worker and beat keep writing), `photos/…`, `media/…` (report and import files), `keys/…` (the generated
secret key and Web Push key), and last `manifest.json`: format version, creation time, row counts, and every
other member's size and SHA-256. With a passphrase the whole tar is encrypted (`encrypt_stream`): scrypt derives
a Fernet key (AES-128-CBC + HMAC-SHA256) and the tar is sealed in numbered 1 MiB chunks, the last one marked, so
that a changed, reordered or cut-off archive is refused as surely as a wrong passphrase.

PostgreSQL installs back up their database with pg_dump; the archive then holds photos, files and keys only.
Restore refuses a data dir that already holds a database, photos or keys, and an archive whose manifest, sizes
or checksums do not match; nothing is moved into place before everything has been checked.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import struct
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.sqlite3"
KEY_FILES = ("secret_key", "vapid_private.pem")
MAGIC = b"FOOTLOG-BACKUP-ENCRYPTED 1\n"
CHUNK = 1024 * 1024
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
# Counted into the manifest and checked after a restore: table name -> what it holds.
COUNTED = {
    "accounts_user": "users",
    "diary_entry": "entries",
    "diary_photo": "photos",
    "diary_observation": "observations",
}


class BackupError(Exception):
    """A backup or restore refused, with words for the person running it."""


@dataclass(frozen=True)
class Layout:
    """Where an install keeps what a backup holds. `database` is None for PostgreSQL; `photos` is None for S3."""

    data_dir: Path
    database: Path | None
    photos: Path | None
    media: Path

    @classmethod
    def default(cls, data_dir: Path) -> Layout:
        """The layout of an install with nothing configured but FOOTLOG_DATA_DIR (what settings.py makes)."""
        return cls(data_dir, data_dir / "footlog.sqlite3", data_dir / "photos", data_dir / "media")

    @classmethod
    def from_settings(cls) -> Layout:
        # Django's settings only for the configured layout: `Layout.default` serves a bare data dir
        from django.conf import settings
        from django.core.files.storage import FileSystemStorage, storages

        db = settings.DATABASES["default"]
        photos = storages["photos"]
        return cls(
            data_dir=Path(settings.DATA_DIR),
            database=Path(db["NAME"]) if "sqlite" in db["ENGINE"] else None,
            photos=Path(photos.location) if isinstance(photos, FileSystemStorage) else None,
            media=Path(settings.MEDIA_ROOT),
        )


# --- Encryption ------------------------------------------------------------------------------------------


def _fernet(passphrase: bytes, salt: bytes, params: dict[str, int]) -> Fernet:
    # the cipher loads only for an encrypted backup (a passphrase given)
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    key = Scrypt(salt=salt, length=32, **params).derive(passphrase)
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt_stream(source: IO[bytes], target: IO[bytes], passphrase: bytes) -> None:
    salt = os.urandom(16)
    fernet = _fernet(passphrase, salt, SCRYPT)
    header = json.dumps({"kdf": "scrypt", "salt": base64.b64encode(salt).decode(), **SCRYPT}).encode()
    target.write(MAGIC + struct.pack(">I", len(header)) + header)
    index, chunk = 0, source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        last = not following
        token = fernet.encrypt(struct.pack(">Q?", index, last) + chunk)
        target.write(struct.pack(">I", len(token)) + token)
        if last:
            return
        index, chunk = index + 1, following


def decrypt_stream(source: IO[bytes], target: IO[bytes], passphrase: bytes) -> None:
    # the cipher loads only for an encrypted backup (a passphrase given)
    from cryptography.fernet import InvalidToken

    damaged = BackupError("the archive is damaged or the passphrase is wrong: nothing was restored")
    if source.read(len(MAGIC)) != MAGIC:
        raise BackupError("this is not an encrypted footlog backup")
    try:
        (size,) = struct.unpack(">I", source.read(4))
        header = json.loads(source.read(size))
        salt = base64.b64decode(header["salt"])
        params = {k: int(header[k]) for k in ("n", "r", "p")}
    except (struct.error, ValueError, KeyError) as exc:
        raise damaged from exc
    if params["n"] > 2**20 or params["r"] > 32 or params["p"] > 16:
        raise damaged  # a forged header must not make us spend minutes or gigabytes
    fernet = _fernet(passphrase, salt, params)
    index = 0
    while True:
        raw = source.read(4)
        if len(raw) != 4:
            raise damaged  # cut off before the last chunk
        (size,) = struct.unpack(">I", raw)
        token = source.read(size)
        try:
            plain = fernet.decrypt(token)
        except InvalidToken:
            raise damaged from None
        number, last = struct.unpack(">Q?", plain[:9])
        if number != index:
            raise damaged
        target.write(plain[9:])
        if last:
            if source.read(1):
                raise damaged
            return
        index += 1


def read_passphrase(path: Path) -> bytes:
    try:
        value = path.read_bytes().rstrip(b"\r\n")
    except OSError as exc:
        raise BackupError(f"cannot read the passphrase file {path}: {exc.strerror}") from None
    if len(value) < 8:
        raise BackupError(f"the passphrase in {path} is shorter than 8 characters")
    return value


# --- Backup ----------------------------------------------------------------------------------------------


def _files_under(root: Path | None, prefix: str) -> Iterator[tuple[str, Path]]:
    if root is None or not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_file() and not path.is_symlink() and not path.name.startswith(".readyz-"):
            yield f"{prefix}/{name}", path


def _copy_database(source: Path, target: Path) -> dict[str, int]:
    """A consistent copy through SQLite's online backup API, then its row counts."""
    if not source.exists():
        raise BackupError(f"no database at {source}: is this the data dir of a footlog install?")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst, pages=1024)
        dst.execute("PRAGMA journal_mode=DELETE")
        counts = _counts(dst)
    finally:
        src.close()
        dst.close()
    return counts


def _add(tar: tarfile.TarFile, name: str, path: Path, files: dict[str, dict[str, object]]) -> None:
    """Add one file, read twice (checksum, then copy): photos, stored files and the database copy never change
    once written, so both reads see the same bytes."""
    try:
        digest, size = hashlib.sha256(), 0
        with path.open("rb") as handle:
            while block := handle.read(CHUNK):
                digest.update(block)
                size += len(block)
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(path.stat().st_mtime), 0o600
        with path.open("rb") as handle:
            tar.addfile(info, handle)
    except FileNotFoundError:
        return  # deleted since listed (a photo deleted mid-backup): not part of this backup
    files[name] = {"size": size, "sha256": digest.hexdigest()}


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {
        label: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608 (constant names)
        for table, label in COUNTED.items()
    }


def create_backup(layout: Layout, output: Path, passphrase: bytes | None = None) -> dict[str, Any]:
    """Write the archive to `output` (refusing to overwrite) and return its manifest."""
    if output.exists():
        raise BackupError(f"{output} exists already: choose a new file name")
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".footlog-backup-") as scratch:
        work = Path(scratch)
        files: dict[str, dict[str, object]] = {}
        counts: dict[str, int] = {}
        tar_path = work / "backup.tar"
        with tarfile.open(tar_path, "w", format=tarfile.PAX_FORMAT) as tar:
            if layout.database is not None:
                counts = _copy_database(layout.database, work / DATABASE)
                _add(tar, DATABASE, work / DATABASE, files)
                (work / DATABASE).unlink()
            for name, path in [*_files_under(layout.photos, "photos"), *_files_under(layout.media, "media")]:
                _add(tar, name, path, files)
            for key in KEY_FILES:
                if (layout.data_dir / key).is_file():
                    _add(tar, f"keys/{key}", layout.data_dir / key, files)
            counts["files"] = len(files)
            manifest = {
                "format": FORMAT,
                "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "database": "sqlite" if layout.database is not None else "not included (PostgreSQL: use pg_dump)",
                "photos": "included" if layout.photos is not None else "not included (S3 bucket)",
                "counts": counts,
                "files": files,
            }
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
        partial = work / "output"
        with tar_path.open("rb") as source, _private_file(partial) as target:
            if passphrase is None:
                shutil.copyfileobj(source, target)
            else:
                encrypt_stream(source, target, passphrase)
        os.replace(partial, output)
    return manifest


@contextlib.contextmanager
def _private_file(path: Path) -> Iterator[IO[bytes]]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        yield handle


# --- Restore ---------------------------------------------------------------------------------------------


def holds_data(layout: Layout) -> list[str]:
    """What in the target already holds data. A secret key alone does not count: settings.py makes one on the
    first start of any command (restore included), and restore replaces it with the archive's."""
    found = []
    if layout.database is not None and layout.database.exists() and layout.database.stat().st_size > 0:
        found.append(str(layout.database))
    for root in (layout.photos, layout.media):
        if root is not None and any(p.is_file() for p in root.rglob("*")):
            found.append(f"files in {root}")
    if (layout.data_dir / "vapid_private.pem").exists():
        found.append(str(layout.data_dir / "vapid_private.pem"))
    return found


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name == path.as_posix()


def _target(layout: Layout, name: str) -> Path:
    top, _, rest = name.partition("/")
    if name == DATABASE and layout.database is not None:
        return layout.database
    if top == "photos" and layout.photos is not None:
        return layout.photos / rest
    if top == "media":
        return layout.media / rest
    if top == "keys" and rest in KEY_FILES:
        return layout.data_dir / rest
    if name == DATABASE:
        raise BackupError("this archive holds a SQLite database but this install uses PostgreSQL: not restored")
    raise BackupError(f"the archive holds an unexpected member {name!r}: not restored")


def restore_backup(archive: Path, layout: Layout, passphrase: bytes | None = None) -> dict[str, Any]:
    """Check the whole archive, then move its contents into `layout`; returns the manifest."""
    busy = holds_data(layout)
    if busy:
        raise BackupError(
            "the data dir is not empty (" + ", ".join(busy) + "): restore into a new, empty FOOTLOG_DATA_DIR"
        )
    if not archive.is_file():
        raise BackupError(f"no archive at {archive}")
    layout.data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=layout.data_dir, prefix=".footlog-restore-") as scratch:
        work = Path(scratch)
        tar_path = _plain_tar(archive, work, passphrase)
        staged = work / "staged"
        manifest = _unpack_checked(tar_path, staged)
        if manifest.get("database") == "sqlite":
            _check_database(staged / DATABASE, manifest["counts"])
        moves = [(staged / name, _target(layout, name)) for name in manifest["files"]]
        for source, target in moves:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    return manifest


def _plain_tar(archive: Path, work: Path, passphrase: bytes | None) -> Path:
    with archive.open("rb") as handle:
        encrypted = handle.read(len(MAGIC)) == MAGIC
    if not encrypted:
        return archive
    if passphrase is None:
        raise BackupError("the archive is encrypted: give its passphrase with --passphrase-file")
    plain = work / "archive.tar"
    with archive.open("rb") as source, plain.open("wb") as target:
        decrypt_stream(source, target, passphrase)
    return plain


def _unpack_checked(tar_path: Path, staged: Path) -> dict[str, Any]:
    damaged = "the archive is damaged ({}): nothing was restored"
    try:
        with tarfile.open(tar_path, "r:") as tar:
            members = tar.getmembers()
            names = [m.name for m in members]
            if MANIFEST not in names:
                raise BackupError(damaged.format("no manifest"))
            extracted = tar.extractfile(MANIFEST)
            assert extracted is not None
            manifest: dict[str, Any] = json.loads(extracted.read())
            if manifest.get("format") != FORMAT:
                raise BackupError(f"the archive's format {manifest.get('format')!r} is not {FORMAT}: not restored")
            files: dict[str, dict[str, Any]] = manifest["files"]
            seen = set()
            for member in members:
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not _safe_name(member.name) or member.name not in files:
                    raise BackupError(damaged.format(f"unexpected member {member.name!r}"))
                source = tar.extractfile(member)
                assert source is not None
                target = staged / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with target.open("wb") as out:
                    while block := source.read(CHUNK):
                        digest.update(block)
                        out.write(block)
                expected = files[member.name]
                if digest.hexdigest() != expected["sha256"] or target.stat().st_size != expected["size"]:
                    raise BackupError(damaged.format(f"{member.name} does not match its checksum"))
                seen.add(member.name)
            missing = set(files) - seen
            if missing:
                raise BackupError(damaged.format(f"{len(missing)} files missing, e.g. {sorted(missing)[0]}"))
    except (tarfile.TarError, EOFError, OSError, ValueError, KeyError, TypeError) as exc:
        raise BackupError(damaged.format(type(exc).__name__)) from None
    return manifest


def _check_database(path: Path, counts: dict[str, int]) -> None:
    # Django's private SQLite functions: only to check a restored SQLite file
    from django.db.backends.sqlite3._functions import register

    connection = sqlite3.connect(path)
    register(connection)  # the check evaluates constraints that call Django's SQL functions (django_date_extract)
    try:
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError("the archive's database fails SQLite's integrity check: nothing was restored")
        for label, found in _counts(connection).items():
            if found != counts.get(label):
                raise BackupError(f"the archive's database holds {found} {label}, its manifest {counts.get(label)}")
    finally:
        connection.close()
