"""footlog's account export zip read back: checked, and brought to one shape whatever its format version.

Nothing here writes. `read_export(fileobj)` opens the zip through `footlog.lib.safezip` (member names, declared
and inflated sizes), parses footlog-data.json and validates every value the import will store, so that a bad
zip is refused before anything is queued, naming the problem. Versions (footlog/portability/formats.py):

- 1: `history` (bleeding and spreading from Dec 2026 on), `records` (every row, generically), later `photos`
  and `routine_steps`. What the readable part lacks (for_clinician, photo views, settings, site history,
  visits) is taken from `records` when present there.
- 2: all of that in the readable part.
- 3: observations carry `confirmed` (a value the user kept although far from their usual), visits `plan` and
  `review_on`. Older formats have neither: their observations import unmarked, their visits without a plan.

Messages (issue 26): every refusal carries a `Message`, an English msgid and its parameters, rendered by
`render()` in the active language. In the request that is the reader's; the worker speaks English and stores the
`Message` on the ImportJob, which the API renders again when the job is read, in the reader's language. The field
path (`history[3].date`) and the `code` stay as they are.
"""

from __future__ import annotations

import ast
import datetime as dt
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from footlog.clinical import validation as clinical_rules
from footlog.diary import validation as diary_rules
from footlog.lib import safezip
from footlog.lib.checks import Errors
from footlog.lib.dates import is_valid_timezone
from footlog.lib.errors import FootlogError
from footlog.lib.jsonbody import loads_strict
from footlog.portability.formats import DATA_MEMBER, FORMATS
from footlog.timeline.validation import BOUNDS, REFUSED_FIELDS, thresholds_errors

MAX_JSON_BYTES = 64 * 1024 * 1024
REMINDER_FIELDS = ("enabled", "time", "weekdays", "channels", "skip_if_logged", "weekly_photo", "photo_weekday")


# {"msgid": English text with %(name)s (or DRF's {name}) placeholders, "params": {name: value or Message}}: JSON,
# so that the worker can store it on the ImportJob and the API render it when read.
Message = dict[str, Any]


def msg(text: str, /, **params: Any) -> Message:
    """A sentence to render later (`msg` is a makemessages keyword: the literal is a msgid)."""
    return {"msgid": text, "params": params}


def said(text: str) -> Message:
    """A sentence rendered already (a service's error met while the worker writes): the worker's are English, and
    those without parameters are msgids, so they are translated when read; any other stays as it was said."""
    return {"msgid": text, "params": {}}


def joined(*parts: Message, between: str = " ") -> Message:
    """Sentences side by side (not a msgid: the separator is no word)."""
    names = [f"part{i}" for i in range(len(parts))]
    return {"msgid": between.join(f"%({n})s" for n in names), "params": dict(zip(names, parts, strict=True))}


def render(message: Message) -> str:
    """The message in the active language; its nested messages too, its other parameters as they are. A gate's
    message (`spoken`) is taken as it was rendered in that language."""
    params = {
        name: render(value) if isinstance(value, dict) else value for name, value in message.get("params", {}).items()
    }
    spoken = message.get("spoken", {})
    language = translation.get_language()
    if language in spoken:
        return str(spoken[language])
    text = gettext(message["msgid"]) if message["msgid"] else ""
    if not params:
        return text
    return text % params if "%(" in message["msgid"] else text.format(**params)


class ImportRefused(FootlogError):
    """The zip cannot be imported: a stable `code` and a `message` naming the problem, rendered as `detail` in the
    active language when raised (400, or `status`; `extra` goes into the API's answer, like a conflict's dates)."""

    def __init__(
        self, code: str, message: Message, *, status: int = 400, extra: dict[str, object] | None = None
    ) -> None:
        super().__init__(render(message), extra=extra)
        self.code = code
        self.message = message
        self.status_code = status


def zip_refused(exc: safezip.ZipRefused) -> ImportRefused:
    return ImportRefused(exc.code, msg_of(exc.message, exc.params))


def msg_of(text: str, params: dict[str, Any]) -> Message:
    """A msgid marked elsewhere (safezip's), with its parameters."""
    return {"msgid": text, "params": dict(params)}


@dataclass
class StepData:
    key: str
    label: str
    kind: str
    builtin: bool
    archived: bool = False
    target: int | None = None


@dataclass
class EntryRecord:
    id: uuid.UUID | None
    date: dt.date
    notes: str
    for_clinician: bool
    observations: list[dict[str, Any]]
    routine: list[dict[str, Any]]  # {"step": key in the zip, "done", "detail"}


@dataclass
class PhotoRecord:
    id: uuid.UUID | None
    date: dt.date
    member: str | None  # None: the export said the file was missing
    fields: dict[str, Any]  # site, view, scale_in_frame, quality_sharp, quality_exposure


@dataclass
class ExportDocument:
    format: int
    timezone: str | None
    display_name: str
    steps: dict[str, StepData]
    entries: list[EntryRecord]
    photos: list[PhotoRecord]
    reminders: dict[str, Any] | None = None
    thresholds: dict[str, Any] | None = None
    site_history: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)


def limits() -> safezip.Limits:
    """An import is at most FOOTLOG_IMPORT_MAX_BYTES uploaded and twice that inflated (the JSON compresses)."""
    return safezip.Limits(total=2 * settings.FOOTLOG_IMPORT_MAX_BYTES, member=settings.FOOTLOG_IMPORT_MAX_BYTES)


def open_export(fileobj: IO[bytes]) -> tuple[zipfile.ZipFile, ExportDocument]:
    """The checked zip, still open for its photos (the caller closes it), and its document."""
    try:
        archive = safezip.open_checked(fileobj, limits())
    except safezip.ZipRefused as exc:
        raise zip_refused(exc) from None
    try:
        names = set(archive.namelist())
        if DATA_MEMBER not in names:
            raise ImportRefused(
                "not_footlog", msg("This is not a footlog export: the zip has no %(member)s.", member=DATA_MEMBER)
            )
        try:
            raw = safezip.read_member(archive, DATA_MEMBER, MAX_JSON_BYTES)
        except safezip.ZipRefused as exc:
            raise zip_refused(exc) from None
        document = parse_document(raw)
        for photo in document.photos:
            if photo.member is not None and photo.member not in names:
                raise ImportRefused(
                    "not_footlog", msg("The zip lists the photo %(member)s but does not hold it.", member=photo.member)
                )
    except BaseException:
        archive.close()
        raise
    return archive, document


def parse_document(raw: bytes) -> ExportDocument:
    try:
        data = loads_strict(raw.decode("utf-8"), max_depth=64)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, NotFinite, TooDeep
        refusal = msg("%(member)s is not valid JSON (%(error)s).", member=DATA_MEMBER, error=type(exc).__name__)
        raise ImportRefused("bad_json", refusal) from None
    if not isinstance(data, dict) or "history" not in data or "format" not in data:
        raise ImportRefused(
            "not_footlog", msg("%(member)s is not a footlog export (no format or history).", member=DATA_MEMBER)
        )
    version = data["format"]
    if isinstance(version, bool) or version not in FORMATS:
        raise ImportRefused(
            "unknown_version",
            msg(
                "Export format %(version)s is not one this footlog reads (it reads %(known)s).",
                version=repr(version),
                known=", ".join(map(str, FORMATS)),
            ),
        )
    try:
        return _Reader(data).document()
    except _Bad as exc:
        where = {"msgid": "%(member)s: %(where)s", "params": {"member": DATA_MEMBER, "where": exc.where}}
        raise ImportRefused("invalid_data", joined(where, exc.message, between=": ")) from None


class _Bad(ValueError):
    """A value of the document that is wrong: its path (`history[3].date`, never translated) and why."""

    def __init__(self, where: str, message: Message) -> None:
        super().__init__(where)
        self.where = where
        self.message = message


def _check(condition: bool, where: str, message: Message) -> None:
    if not condition:
        raise _Bad(where, message)


def _gate(where: str, check: Callable[..., Errors], /, *args: Any, **kwargs: Any) -> None:
    """The domain validator's verdict on one row (`check(*args, **kwargs)`: the same functions the API's
    serializers call), named by its place in the document: `history[3].observations[0].count: Must be 0 to 200.`"""
    errors = check(*args, **kwargs)
    if errors:
        name = next(iter(errors))
        raise _Bad(f"{where}.{name}", _in_every_language(lambda: check(*args, **kwargs)[name][0]))


def _in_every_language(say: Callable[[], str]) -> Message:
    """A gate's message, rendered when its check runs, so its numbers are in it: rendered once per shipped
    language (the check run again: only when it refused), so that the worker's stored one reads in the reader's."""
    spoken = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            spoken[code] = say()
    return {"msgid": spoken.get(settings.LANGUAGE_CODE, ""), "params": {}, "spoken": spoken}


def _text(value: Any, where: str, max_length: int, *, blank: bool = True) -> str:
    if value is None and blank:
        return ""
    _check(isinstance(value, str), where, msg("Not a valid string."))
    _check(
        len(value) <= max_length,
        where,
        msg("Ensure this field has no more than {max_length} characters.", max_length=max_length),
    )
    _check(blank or bool(value.strip()), where, msg("This field may not be blank."))
    return str(value)


def _bool(value: Any, where: str, *, default: bool | None = False) -> Any:
    if value is None:
        return default
    _check(isinstance(value, bool), where, msg("Must be true or false."))
    return value


def _int(value: Any, where: str, low: int, high: int) -> int:
    _check(isinstance(value, int) and not isinstance(value, bool), where, msg("A valid integer is required."))
    _check(low <= value <= high, where, msg("Must be %(low)s to %(high)s.", low=low, high=high))
    return int(value)


def _date(value: Any, where: str) -> dt.date:
    _check(isinstance(value, str), where, msg("Must be a date YYYY-MM-DD."))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Bad(where, msg("%(value)s is not a date YYYY-MM-DD.", value=repr(value[:20]))) from None


def _uuid(value: Any, where: str) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise _Bad(where, msg("Not an id.")) from None


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    _check(isinstance(value, list), where, msg("Expected a list of items."))
    return list(value)


def _dict(value: Any, where: str) -> dict[str, Any]:
    _check(isinstance(value, dict), where, msg("Expected an object."))
    return dict(value)


def _record_value(value: Any) -> Any:
    """A value of version 1's generic `records`, where lists were written as Python's repr."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return value
    return value


class _Reader:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.version = int(data["format"])
        records = data.get("records")
        self.records: dict[str, list[Any]] = records if isinstance(records, dict) else {}

    def rows(self, label: str) -> list[dict[str, Any]]:
        return [
            {k: _record_value(v) for k, v in row.items()}
            for row in _list(self.records.get(label), f"records.{label}")
            if isinstance(row, dict)
        ]

    def document(self) -> ExportDocument:
        account = _dict(self.data.get("account") or {}, "account")
        zone = account.get("timezone")
        steps = self.steps()
        entries = self.entries(steps)
        return ExportDocument(
            format=self.version,
            timezone=zone if isinstance(zone, str) and is_valid_timezone(zone) else None,
            display_name=_text(account.get("display_name"), "account.display_name", 80),
            steps=steps,
            entries=entries,
            photos=self.photos({e.date for e in entries}),
            reminders=self.reminders(),
            thresholds=self.thresholds(),
            site_history=self.site_history(),
            visits=self.visits(),
        )

    # --- routine steps ---------------------------------------------------------------------------

    def steps(self) -> dict[str, StepData]:
        steps: dict[str, StepData] = {}
        for i, raw in enumerate(_list(self.data.get("routine_steps"), "routine_steps")):
            where = f"routine_steps[{i}]"
            item = _dict(raw, where)
            target = item.get("target_per_week")
            key, label, kind = item.get("key"), item.get("label"), item.get("kind")
            _gate(where, diary_rules.routine_step_errors, key=key, label=label, kind=kind, target_per_week=target)
            steps[str(key)] = StepData(
                key=str(key),
                label=str(label),
                kind=str(kind),
                builtin=_bool(item.get("builtin"), f"{where}.builtin"),
                archived=_bool(item.get("archived"), f"{where}.archived"),
                target=target,
            )
        return steps

    # --- entries ---------------------------------------------------------------------------------

    def entries(self, steps: dict[str, StepData]) -> list[EntryRecord]:
        flags = {str(r.get("id")): r.get("for_clinician") for r in self.rows("diary.entry")}
        entries: list[EntryRecord] = []
        dates: set[dt.date] = set()
        for i, raw in enumerate(_list(self.data.get("history"), "history")):
            where = f"history[{i}]"
            item = _dict(raw, where)
            day = _date(item.get("date"), f"{where}.date")
            _check(day not in dates, f"{where}.date", msg("%(day)s appears twice.", day=day.isoformat()))
            dates.add(day)
            entry_id = _uuid(item.get("id"), f"{where}.id")
            # Version 1 had no for_clinician in `history`: then `records` says, or it was not there yet (False).
            clinician = item["for_clinician"] if "for_clinician" in item else flags.get(str(entry_id)) or False
            notes = item.get("notes", "")
            observations = _list(item.get("observations"), f"{where}.observations")
            routine = _list(item.get("routine"), f"{where}.routine")
            _gate(
                where,
                diary_rules.entry_errors,
                date=day,
                notes=notes,
                for_clinician=clinician,
                observations=observations,
                routine=routine,
            )
            entries.append(
                EntryRecord(
                    id=entry_id,
                    date=day,
                    notes=notes,
                    for_clinician=clinician,
                    observations=self.observations(observations, where),
                    routine=self.routine(routine, where, steps),
                )
            )
        return entries

    def observations(self, value: list[Any], where: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for j, raw in enumerate(value):
            at = f"{where}.observations[{j}]"
            item = _dict(raw, at)
            _gate(at, diary_rules.observation_errors, item)
            largest = item.get("largest_mm")
            found.append(
                {
                    "site": item["site"],
                    "count": item["count"],
                    "largest_mm": None if largest is None else float(largest),
                    "itch": item.get("itch", 0),
                    "pain": item.get("pain", 0),
                    "redness": item.get("redness", False),
                    "bleeding": item.get("bleeding", False),
                    "spreading": item.get("spreading", False),
                    "note": item.get("note", ""),
                    "outlier_confirmed": item.get("confirmed", False),
                }
            )
        return found

    def routine(self, value: list[Any], where: str, steps: dict[str, StepData]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for j, raw in enumerate(value):
            at = f"{where}.routine[{j}]"
            item = _dict(raw, at)
            _gate(at, diary_rules.routine_item_errors, item)
            key = item["step"]
            if key not in steps:
                # Version 1 before routine_steps: the log names the step and its label; kind is unknown.
                label = item.get("label") or key
                _gate(at, diary_rules.routine_step_errors, label=label, kind="care")
                steps[key] = StepData(key=key, label=label, kind="care", builtin=False)
            found.append({"step": key, "done": item["done"], "detail": item.get("detail", "")})
        return found

    # --- photos ----------------------------------------------------------------------------------

    def photos(self, dates: set[dt.date]) -> list[PhotoRecord]:
        rows = {str(r.get("id")): r for r in self.rows("diary.photo")}
        found: list[PhotoRecord] = []
        for i, raw in enumerate(_list(self.data.get("photos"), "photos")):
            where = f"photos[{i}]"
            item = _dict(raw, where)
            day = _date(item.get("date"), f"{where}.date")
            _check(day in dates, f"{where}.date", msg("Names a day with no entry in the history."))
            photo_id = _uuid(item.get("id"), f"{where}.id")
            row = rows.get(str(photo_id), {})
            quality = item.get("quality")
            sharp, exposure = (
                (quality.get("sharp"), quality.get("exposure"))
                if isinstance(quality, dict)
                else (row.get("quality_sharp"), row.get("quality_exposure"))
            )
            fields = {
                "site": item.get("site"),
                "view": item.get("view", row.get("view")),
                "scale_in_frame": item.get("scale_in_frame", row.get("scale_in_frame")),
                "quality_sharp": sharp,
                "quality_exposure": exposure,
            }
            _gate(where, diary_rules.photo_fields_errors, fields)
            member = item.get("file")
            if member is not None:
                under_photos = isinstance(member, str) and member.startswith("photos/")
                _check(under_photos, f"{where}.file", msg("Must be a file under photos/."))
                _check(not safezip.unsafe_name(member), f"{where}.file", msg("Leaves the archive."))
            found.append(PhotoRecord(id=photo_id, date=day, member=member, fields=fields))
        return found

    # --- settings, site history, visits ----------------------------------------------------------

    def reminders(self) -> dict[str, Any] | None:
        section = self.data.get("settings")
        raw = section.get("reminders") if isinstance(section, dict) else None
        if raw is None and self.version == 1:
            rows = self.rows("reminders.reminderpreference")
            raw = rows[0] if rows else None
        if raw is None:
            return None
        item = _dict(raw, "settings.reminders")
        time = item.get("time")
        _check(isinstance(time, str), "settings.reminders.time", msg("Must be a time HH:MM."))
        try:
            at = dt.time.fromisoformat(str(time))
        except ValueError:
            raise _Bad("settings.reminders.time", msg("Must be a time HH:MM.")) from None
        weekdays = [_int(d, "settings.reminders.weekdays", 0, 6) for d in _list(item.get("weekdays"), "weekdays")]
        channels = _list(item.get("channels"), "settings.reminders.channels")
        where = "settings.reminders"
        _check(all(c in ("email", "push") for c in channels), f"{where}.channels", msg("Must be email or push."))
        _check(len(set(channels)) == len(channels), f"{where}.channels", msg("Each channel may appear once."))
        _check(len(weekdays) <= 7, f"{where}.weekdays", msg("Has more than 7 days."))
        return {
            "enabled": _bool(item.get("enabled"), "settings.reminders.enabled"),
            "time": at.replace(second=0, microsecond=0),
            "weekdays": weekdays,
            "channels": channels,
            "skip_if_logged": _bool(item.get("skip_if_logged"), "settings.reminders.skip_if_logged", default=True),
            "weekly_photo": _bool(item.get("weekly_photo"), "settings.reminders.weekly_photo", default=True),
            "photo_weekday": _int(item.get("photo_weekday", 6), "settings.reminders.photo_weekday", 0, 6),
        }

    def thresholds(self) -> dict[str, Any] | None:
        section = self.data.get("settings")
        raw = section.get("timeline") if isinstance(section, dict) else None
        if raw is None and self.version == 1:
            rows = self.rows("timeline.timelinesettings")
            raw = rows[0] if rows else None
        if raw is None:
            return None
        generic = not (isinstance(section, dict) and raw is section.get("timeline"))
        item = _dict(raw, "settings.timeline")
        # A generic row of version 1 also holds id, user and columns long gone; `settings.timeline` holds the
        # thresholds only, so a safety-floor name there is refused as the API refuses it.
        taken = BOUNDS.keys() if generic else BOUNDS.keys() | REFUSED_FIELDS
        values = {name: value for name, value in item.items() if name in taken}
        _gate("settings.timeline", thresholds_errors, values)
        return values

    def site_history(self) -> list[dict[str, Any]]:
        raw = self.data.get("site_history")
        if raw is None and self.version == 1:
            raw = self.rows("clinical.siteonset")
        found = []
        for i, value in enumerate(_list(raw, "site_history")):
            where = f"site_history[{i}]"
            item = _dict(value, where)
            since = item.get("noticed_since")
            since = None if since in (None, "None") else _date(since, f"{where}.noticed_since")
            row = {
                "site": item.get("site"),
                "noticed_since": since,
                "not_sure": item.get("not_sure", False),
                "note": item.get("note", ""),
            }
            _gate(where, clinical_rules.site_onset_errors, **row)
            found.append(row)
        return found

    def visits(self) -> list[dict[str, Any]]:
        raw = self.data.get("visits")
        if raw is None and self.version == 1:
            raw = self.rows("clinical.visit")
        found = []
        for i, value in enumerate(_list(raw, "visits")):
            where = f"visits[{i}]"
            item = _dict(value, where)
            review = item.get("review_on")
            row = {
                "kind": item.get("kind"),
                "date": _date(item.get("date"), f"{where}.date"),
                "note": item.get("note", ""),
                "plan": item.get("plan", ""),
                "review_on": None if review in (None, "None") else _date(review, f"{where}.review_on"),
            }
            _gate(where, clinical_rules.visit_errors, **row)
            found.append(row)
        return found
