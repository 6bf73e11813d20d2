"""One gate for every door (issue 22): the domain services and the management commands refuse what the API
refuses, with the same shared rules (footlog/{diary,clinical,timeline}/validation.py).

The one-gate table (tests/accounts/test_one_gate.py: every value the API refuses, per section and field) is
sent here straight to the service each door ends in: `entry_create` (the API, the pages, the offline replay,
seed_demo and the import all store entries through it), `routine_step_create`, `photo_update`,
`site_onset_set`, `visit_record` and `timeline_settings_update`. Each row must raise InvalidInput naming the
field (a safety-floor threshold: ValueError, as before) and store nothing. Values arrive typed as a caller
would hand them over (a date string a caller parsed, a non-finite float), never through a serializer.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from footlog.lib.checks import parse_date
from footlog.lib.errors import InvalidInput
from tests.accounts.test_one_gate import (
    DAY,
    ENTRY,
    OBSERVATION,
    PHOTO,
    RAW,
    ROUTINE,
    SAME,
    STEP,
    THRESHOLDS,
    VISIT,
    changed,
    own_media,  # noqa: F401  # a fixture
    rows,
)
from tests.conftest import logged_in
from tests.exports.builders import add_photo, log_entry

NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf, "1e999": float("1e999")}
ONSET = {"noticed_since": "2026-03-01", "not_sure": False, "note": ""}
DATE_FIELDS = {"date", "noticed_since", "review_on"}


def typed(field: str, value: Any) -> Any:
    """The value as a Python caller holds it: a non-finite float for the JSON tokens, a date for a date string
    that parses (one that does not stays a string, which the rules refuse)."""
    if isinstance(value, str) and value.startswith(RAW):
        return NON_FINITE[value.removeprefix(RAW)]
    if field in DATE_FIELDS:
        return parse_date(value)
    if isinstance(value, dict):
        return {name: typed(name, item) for name, item in value.items()}
    return value


def with_steps(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Routine lines as the services take them: a step the caller looked up (a built-in one by its key)."""
    from footlog.diary.models import RoutineStep

    builtin = {step.key: step for step in RoutineStep.objects.filter(user__isnull=True)}
    return [{**line, "step": builtin.get(line["step"], line["step"])} for line in lines]


def service_call(user: Any, photo: Any, section: str, field: str, value: Any) -> None:
    """Hand `value` for `field` of `section` to the service that stores it; raises what the service raises."""
    from footlog.clinical.services import site_onset_set, visit_record
    from footlog.diary import services as diary
    from footlog.timeline.services import timeline_settings_update

    def body(base: dict[str, Any]) -> dict[str, Any]:
        return {name: typed(name, item) for name, item in changed(base, field, value).items()}

    if section in ("entry", "observation", "routine"):
        fields = body(ENTRY) if section == "entry" else typed("date", dict(ENTRY))
        if section == "observation":
            fields["observations"] = [body(OBSERVATION)]
        if section == "routine":
            fields["routine"] = [body(ROUTINE)]
        if isinstance(fields.get("routine"), list):
            fields["routine"] = with_steps(fields["routine"])
        diary.entry_create(user, diary.EntryData(**fields))
    elif section == "step":
        diary.routine_step_create(user, **body(STEP))
    elif section == "photo":
        diary.photo_update(photo, body(PHOTO))
    elif section == "onset":
        site = value if field == "site" else "left_heel"
        fields = body(ONSET) if field != "site" else typed("*", dict(ONSET))
        site_onset_set(user, site, **fields)
    elif section == "visit":
        visit_record(user, **body(VISIT))
    else:
        timeline_settings_update(user, body(THRESHOLDS))


def test_the_valid_bodies_pass_every_service(make_user, own_media) -> None:  # noqa: F811
    """The table's base values are taken by the services, so every refusal below is the changed field's."""
    from footlog.diary import services as diary
    from footlog.diary.models import Entry

    user = make_user()
    photo = add_photo(user, log_entry(user, "2026-09-30"))
    for section in ("entry", "step", "photo", "onset", "visit", "thresholds"):
        service_call(user, photo, section, "*", {})
    entry = Entry.objects.get(user=user, date=dt.date.fromisoformat(DAY))
    lines = {"observations": [dict(OBSERVATION)], "routine": with_steps([dict(ROUTINE)])}
    diary.entry_update(entry, lines, if_match=None)
    assert entry.observations.count() == 1 and entry.routine.count() == 1


def test_what_the_api_refuses_every_service_refuses(make_user, own_media) -> None:  # noqa: F811
    from footlog.clinical.models import SiteOnset, Visit
    from footlog.diary.models import Entry, RoutineStep
    from footlog.timeline.models import TimelineSettings

    owner = make_user()
    photo = add_photo(owner, log_entry(owner, "2026-09-30"))
    before = (photo.site, photo.view, photo.scale_in_frame)
    writer = make_user()
    disagreements = []
    for section, field, value, import_value in rows():
        label = f"{section}.{field}={str(value)[:30]!r}"
        given = value if import_value is SAME or section != "onset" else import_value
        target = writer if section != "photo" else owner
        try:
            service_call(target, photo, section, field, given)
        except InvalidInput as exc:
            if field != "*" and not any(name.split(".")[-1] == field for name in exc.errors):
                disagreements.append(f"{label}: refused, but not naming {field}: {exc.errors}")
        except ValueError as exc:  # the safety floor: not a setting at all (test_timeline_settings_api)
            if field != "stale_after_days":
                disagreements.append(f"{label}: ValueError {exc}")
        else:
            disagreements.append(f"{label}: the service took it")
    assert not disagreements, "\n".join(disagreements)
    photo.refresh_from_db()
    assert (photo.site, photo.view, photo.scale_in_frame) == before
    stored = [
        Entry.objects.filter(user=writer).exists(),
        RoutineStep.objects.filter(user=writer).exists(),
        SiteOnset.objects.filter(user=writer).exists(),
        Visit.objects.filter(user=writer).exists(),
        TimelineSettings.objects.filter(user=writer).exists(),
    ]
    assert stored == [False] * 5


def test_an_update_runs_the_same_rules(make_user) -> None:
    """entry_update (PUT/PATCH, and any caller) refuses an item the API refuses, naming it, and keeps the entry."""
    from footlog.diary import services as diary

    user = make_user()
    entry = log_entry(user, "2026-09-30")
    for changes, where in [
        ({"observations": [changed(OBSERVATION, "count", 201)]}, "observations[0].count"),
        ({"observations": [changed(OBSERVATION, "largest_mm", math.inf)]}, "observations[0].largest_mm"),
        ({"notes": "x" * 6000}, "notes"),
        ({"date": dt.date(1, 1, 1)}, "date"),
        ({"routine": [{"step": "wash", "done": True, "detail": ""}]}, "routine[0].step"),
    ]:
        with pytest.raises(InvalidInput) as refused:
            diary.entry_update(entry, changes, if_match=None)
        assert where in refused.value.errors, refused.value.errors
    entry.refresh_from_db()
    assert entry.version == 1 and entry.date == dt.date(2026, 9, 30)


def test_seed_demo_refuses_the_zone_the_api_refuses(make_user) -> None:
    """The command's one free value, the time zone, meets the account's rule: the API's 400 is the command's
    error, and no account is made."""
    from accounts.models import User

    answer = logged_in(make_user()).patch("/api/v1/account/", {"timezone": "Mars/Olympus"}, format="json")
    assert answer.status_code == 400
    with pytest.raises(CommandError, match="Mars/Olympus"):
        call_command("seed_demo", "--email", "demo-gate@footlog.local", "--timezone", "Mars/Olympus")
    assert not User.objects.filter(email="demo-gate@footlog.local").exists()


def test_a_revoked_share_still_answers_its_owner_as_documented(api, user, make_user) -> None:
    """Issue 22's last conformance finding, decided: a revoked share's owner still reads it (200, `status:
    "revoked"`, so the access log stays visible); its link is a 404 to everyone, and another user gets 404 for
    the id. docs/exports.md says so (and ../shared/API.md)."""
    from urllib.parse import urlsplit

    log_entry(user, "2026-10-05", observations=[{"site": "left_heel", "count": 4}])
    body = {"from": "2026-10-01", "to": "2026-10-20", "include_photos": False, "expires_in_days": 7}
    created = api.post("/api/v1/shares/", body, format="json").json()
    detail = f"/api/v1/shares/{created['id']}/"
    assert api.delete(detail).status_code == 204
    owner_view = api.get(detail)
    assert owner_view.status_code == 200 and owner_view.json()["status"] == "revoked"
    assert logged_in(make_user()).get(detail).status_code == 404
    from django.test import Client

    assert Client().get(urlsplit(created["url"]).path).status_code == 404
    docs = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text()
    assert "GET/DELETE /api/v1/shares/{id}/" in docs and "revoked" in docs
