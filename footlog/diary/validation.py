"""The state-free rules of the diary's values: one home, used by every door.

The API's serializers (footlog/diary/serializers.py), the pages (which post through those serializers), the
offline replay (which replays API calls) and the account import (accounts/import_document.py) all call these
functions; each returns an error dict ({"field": ["message"]}), empty when the value is fine. The bounds are
module constants, which the serializers' fields (and so the OpenAPI schema) are built from.

Rules that depend on state are not here, on purpose (docs/validation.md lists them): a date after the
account's today (its time zone), one entry per date, a routine step the account knows, the daily photo cap,
outliers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.utils.translation import gettext, gettext_lazy

from footlog.diary.models import EXPOSURES, MAX_NOTES, MAX_TARGET_PER_WEEK, PHOTO_VIEWS
from footlog.diary.sites import SITE_KEYS
from footlog.lib import checks
from footlog.lib.checks import MISSING, Errors

COUNT_MAX = 200
LARGEST_MM_MAX = 30
SCORE_MAX = 10  # itch and pain, 0-10
OBSERVATION_NOTE_MAX = 500
ROUTINE_DETAIL_MAX = 200
ROUTINE_PER_ENTRY_MAX = 200
STEP_KEY_MAX = 64
STEP_LABEL_MAX = 100
STEP_KINDS = ("care", "trigger")
TRIGGER_TARGET = gettext_lazy("A trigger is not scored: its target_per_week can only be 0.")


def observation_errors(item: Mapping[str, object]) -> Errors:
    """One observation of an entry. Left-out optional fields take their defaults; null is refused except for
    largest_mm (not measured)."""
    errors: Errors = {}
    checks.choice(errors, "site", item.get("site"), SITE_KEYS)
    checks.whole(errors, "count", item.get("count"), 0, COUNT_MAX)
    checks.number(errors, "largest_mm", item.get("largest_mm"), 0, LARGEST_MM_MAX, nullable=True)
    for name in ("itch", "pain"):
        checks.whole(errors, name, item.get(name, 0), 0, SCORE_MAX)
    for name in ("redness", "bleeding", "spreading", "confirmed"):
        checks.boolean(errors, name, item.get(name, False))
    checks.text(errors, "note", item.get("note", ""), OBSERVATION_NOTE_MAX)
    return errors


def routine_item_errors(item: Mapping[str, object]) -> Errors:
    """One routine log line of an entry: the step's key (whether the account knows it is state), done, detail."""
    errors: Errors = {}
    checks.text(errors, "step", item.get("step"), STEP_KEY_MAX, blank=False)
    checks.boolean(errors, "done", item.get("done"))
    checks.text(errors, "detail", item.get("detail", ""), ROUTINE_DETAIL_MAX)
    return errors


def entry_errors(
    *,
    date: object = MISSING,
    notes: object = "",
    for_clinician: object = False,
    observations: object = (),
    routine: object = (),
) -> Errors:
    """An entry's own fields and its lists as wholes (each item is checked by the functions above). The date is
    checked against footlog's calendar only; "not after the account's today" is state (lib.dates)."""
    errors: Errors = {}
    if date is not MISSING:
        checks.calendar_date(errors, "date", date)
    checks.text(errors, "notes", notes, MAX_NOTES)
    checks.boolean(errors, "for_clinician", for_clinician)
    if isinstance(observations, list | tuple):
        sites = [o.get("site") for o in observations if isinstance(o, Mapping)]
        if len(observations) > len(SITE_KEYS):
            checks.add(errors, "observations", too_many(len(SITE_KEYS)))
        if dup := duplicates(sites):
            once = gettext("Each site may appear once per entry: %(sites)s.")
            checks.add(errors, "observations", once % {"sites": ", ".join(dup)})
    if isinstance(routine, list | tuple):
        keys = [r.get("step") for r in routine if isinstance(r, Mapping)]
        if len(routine) > ROUTINE_PER_ENTRY_MAX:
            checks.add(errors, "routine", too_many(ROUTINE_PER_ENTRY_MAX))
        if dup := duplicates(keys):
            once = gettext("Each step may appear once per entry: %(steps)s.")
            checks.add(errors, "routine", once % {"steps": ", ".join(dup)})
    return errors


def too_many(limit: int) -> str:
    # DRF's msgid (a ListField's max_length): the API says it one way whichever refused the list.
    return gettext("Ensure this field has no more than {max_length} elements.").format(max_length=limit)


def duplicates(values: Iterable[object]) -> list[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for value in values:
        key = str(value)
        (twice if key in seen else seen).add(key)
    return sorted(twice)


def routine_step_errors(
    *, label: object, kind: object, target_per_week: object = MISSING, key: object = MISSING
) -> Errors:
    """A routine step: its label, kind and weekly target (a trigger takes only 0); `key` where one is given
    (the import; the API derives keys itself)."""
    errors: Errors = {}
    if key is not MISSING:
        checks.text(errors, "key", key, STEP_KEY_MAX, blank=False)
    checks.text(errors, "label", label, STEP_LABEL_MAX, blank=False)
    checks.choice(errors, "kind", kind, STEP_KINDS)
    if target_per_week is not MISSING and target_per_week is not None:
        errors.update(target_errors(kind, target_per_week))
    return errors


def target_errors(kind: object, target_per_week: object) -> Errors:
    errors: Errors = {}
    checks.whole(errors, "target_per_week", target_per_week, 0, MAX_TARGET_PER_WEEK)
    if not errors and kind == "trigger" and target_per_week != 0:
        checks.add(errors, "target_per_week", TRIGGER_TARGET)
    return errors


def photo_fields_errors(item: Mapping[str, object]) -> Errors:
    """A photo's described fields, each optional and nullable: site, view, scale_in_frame, and the measured
    quality_sharp / quality_exposure (taken from an import only; the API measures them)."""
    errors: Errors = {}
    checks.choice(errors, "site", item.get("site"), SITE_KEYS, nullable=True)
    checks.choice(errors, "view", item.get("view"), PHOTO_VIEWS, nullable=True)
    checks.boolean(errors, "scale_in_frame", item.get("scale_in_frame"), nullable=True)
    checks.boolean(errors, "quality_sharp", item.get("quality_sharp"), nullable=True)
    checks.choice(errors, "quality_exposure", item.get("quality_exposure"), EXPOSURES, nullable=True)
    return errors


OBSERVATION_FIELDS = frozenset(
    ("site", "count", "largest_mm", "itch", "pain", "redness", "bleeding", "spreading", "note", "confirmed")
)


def entry_values_errors(
    *,
    date: object = MISSING,
    notes: object = "",
    for_clinician: object = False,
    observations: object = (),
    routine: object = (),
) -> Errors:
    """A whole entry as the diary's services take it (the serializers check it field by field, the same way):
    its own fields, its lists, and every item, named like the import names them (`observations[0].count`).
    Routine lines carry the step's key here; whether the account knows it is state (the service's)."""
    errors = entry_errors(
        date=date, notes=notes, for_clinician=for_clinician, observations=observations, routine=routine
    )
    for name, items, check, known in (
        ("observations", observations, observation_errors, OBSERVATION_FIELDS),
        ("routine", routine, routine_item_errors, frozenset(("step", "done", "detail"))),
    ):
        if not isinstance(items, list | tuple):
            checks.add(errors, name, gettext("Expected a list of items."))
            continue
        for index, item in enumerate(items):
            where = f"{name}[{index}]"
            if not isinstance(item, Mapping):
                checks.add(errors, where, gettext("Expected an object."))
                continue
            for unknown in sorted(set(item) - known):
                checks.add(errors, f"{where}.{unknown}", gettext("Not a field of this item."))
            for field, messages in check(item).items():
                errors.setdefault(f"{where}.{field}", []).extend(messages)
    return errors
