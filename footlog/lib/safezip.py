"""Reading a zip someone uploaded without trusting it: member names, declared sizes and the bytes actually
inflated are all checked, and nothing is ever extracted to disk (members are read into memory, one at a time,
under a limit).

Plain Python but for `gettext_noop`, which only marks the messages for the catalogs: callers turn `ZipRefused`
into their own error, and render `message % params` in the reader's language when they show it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext_noop as _

CHUNK = 64 * 1024
# Past this size a member must not inflate more than MAX_RATIO times: JSON compresses about 10:1, JPEGs 1:1,
# a zip bomb by thousands.
RATIO_FLOOR = 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 100_000
_DRIVE = re.compile(r"^[A-Za-z]:")


class ZipRefused(ValueError):
    """The upload is not a zip we read. `code` is a stable machine name; `message` (an English msgid with
    %(name)s placeholders) and `params` say what is wrong; `str()` is the English sentence."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.code = code
        self.message = message
        self.params = params


@dataclass(frozen=True)
class Limits:
    total: int  # uncompressed bytes of all members together
    member: int  # uncompressed bytes of any one member


def unsafe_name(name: str) -> bool:
    """True for a member name that could leave the directory it were extracted to, or hide as another."""
    if not name or "\x00" in name or name.startswith(("/", "\\")) or _DRIVE.match(name):
        return True
    return any(part == ".." for part in re.split(r"[/\\]", name))


def open_checked(fileobj: IO[bytes], limits: Limits) -> zipfile.ZipFile:
    """Open `fileobj` as a zip after checking every member's name and declared sizes (nothing inflated yet)."""
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ZipRefused("not_a_zip", _("The file is not a zip archive.")) from None
    try:
        _check_members(archive.infolist(), limits)
    except ZipRefused:
        archive.close()
        raise
    return archive


def _check_members(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > MAX_MEMBERS:
        raise ZipRefused("zip_bomb", _("The zip holds more than %(count)s files."), count=MAX_MEMBERS)
    seen: set[str] = set()
    total = 0
    for info in members:
        if unsafe_name(info.filename):
            raise ZipRefused("unsafe_path", _("The zip holds a file whose path leaves the archive (../ or absolute)."))
        if info.filename in seen:
            raise ZipRefused("unsafe_path", _("The zip holds two files of the same name."))
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise ZipRefused("not_a_zip", _("The zip is encrypted."))
        if info.file_size > limits.member:
            raise ZipRefused("zip_bomb", _("A file in the zip is larger than an export's files can be."))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ZipRefused("zip_bomb", _("A file in the zip inflates far more than real data does (a zip bomb)."))
        total += info.file_size
        if total > limits.total:
            raise ZipRefused("zip_bomb", _("The zip's contents are larger than an import may be."))


def read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The inflated bytes of `name`, read in chunks and never more than `limit` nor than its declared size:
    a member that inflates past what its header says is refused."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ZipRefused("not_footlog", _("The zip has no file %(member)s."), member=name) from None
    cap = min(limit, info.file_size)
    chunks: list[bytes] = []
    read = 0
    try:
        with archive.open(info) as member:
            while True:
                chunk = member.read(min(CHUNK, cap + 1 - read))
                if not chunk:
                    break
                read += len(chunk)
                if read > cap:
                    raise ZipRefused(
                        "zip_bomb", _("%(member)s inflates beyond its declared size (a zip bomb)."), member=name
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        # zipfile stops at the declared size and then checks the CRC: data going on past the header's size
        # fails there, so a mismatch is what a tampered header (a zip bomb's trick) looks like.
        if isinstance(exc, zipfile.BadZipFile) and "CRC" in str(exc):
            raise ZipRefused(
                "zip_bomb",
                _("%(member)s does not inflate to its declared size and checksum (tampered, or a zip bomb)."),
                member=name,
            ) from None
        raise ZipRefused(
            "not_a_zip", _("%(member)s in the zip is damaged (%(error)s)."), member=name, error=type(exc).__name__
        ) from None
    return b"".join(chunks)
