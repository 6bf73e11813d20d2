"""The timeline's cache: answers per window in fixed slots, the read log month by month (selectors._history).

Whatever is cached, an answer must equal the one computed from nothing: every test compares against
`from_scratch`, which forgets the user's cache first.
"""

from __future__ import annotations

import datetime as dt
import zlib

import pytest

from footlog.diary.models import RoutineStep
from footlog.diary.services import routine_step_target_set
from footlog.timeline.analysis import TimelineResult
from footlog.timeline.selectors import CACHE_SLOTS, timeline_for
from footlog.timeline.services import timeline_cache_forget
from tests.timeline.rows import log_days

URL = "/api/v1/timeline/"
NOV = (dt.date(2026, 11, 1), dt.date(2026, 11, 20))
NEXT_DAY = (dt.date(2026, 11, 2), dt.date(2026, 11, 21))


def from_scratch(user, window: tuple[dt.date, dt.date]) -> TimelineResult:
    timeline_cache_forget(user.pk)
    return timeline_for(user, *window)


@pytest.fixture
def autumn(user) -> None:
    """Sep 1 to Nov 21: bumps at the heel every day, moisturised and exfoliated."""
    log_days(user, dt.date(2026, 9, 1), 82, {"left_heel": 2}, care={"moisturise": True, "exfoliate": True})


def test_a_window_moved_on_a_day_is_analysed_from_the_cached_months(user, autumn, django_assert_num_queries):
    timeline_for(user, *NOV)
    with django_assert_num_queries(3):  # settings, the months' stamps and the visits: no read of the log
        moved = timeline_for(user, *NEXT_DAY)
    assert moved.series[-1].date == NEXT_DAY[1]
    assert moved == from_scratch(user, NEXT_DAY)


def test_an_edit_in_one_month_rereads_that_month_only(user, autumn, api, django_assert_num_queries):
    timeline_for(user, *NOV)
    entry = api.get("/api/v1/entries/", {"from": "2026-09-10", "to": "2026-09-10"}).json()["results"][0]
    patched = api.patch(
        f"/api/v1/entries/{entry['id']}/", {"observations": [{"site": "left_heel", "count": 9}]}, format="json"
    )
    assert patched.status_code == 200, patched.content
    with django_assert_num_queries(5):  # settings, stamps, visits, then September's entries and routine logs
        after = timeline_for(user, *NEXT_DAY)
    assert after == from_scratch(user, NEXT_DAY)
    assert [s.since for s in after.sites] == [dt.date(2026, 9, 1)]


def test_created_updated_and_deleted_days_show_in_every_cached_window(user, autumn, api):
    old = {window: timeline_for(user, *window) for window in (NOV, NEXT_DAY)}
    # api: the diary's own write path (versions and timestamps as in production)
    created = api.post(
        "/api/v1/entries/", {"date": "2026-11-25", "observations": [{"site": "right_toes", "count": 4}]}, format="json"
    )  # after NEXT_DAY's end, yet in its last month: both windows stay right
    assert created.status_code == 201, created.content
    ids = {
        e["date"]: e["id"]
        for e in api.get("/api/v1/entries/", {"from": "2026-11-01", "to": "2026-11-30"}).json()["results"]
    }
    assert api.delete(f"/api/v1/entries/{ids['2026-11-05']}/").status_code == 204
    changed = api.patch(
        f"/api/v1/entries/{ids['2026-11-10']}/",
        {"observations": [{"site": "left_heel", "count": 2, "pain": 6}]},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    for window in (NOV, NEXT_DAY):
        cached = timeline_for(user, *window)
        assert cached != old[window]
        assert not next(p for p in cached.series if p.date == dt.date(2026, 11, 5)).logged
        assert cached.recommendation.level == "urgent"  # pain 6 on 10 Nov
        assert cached == from_scratch(user, window)


def test_deleting_a_whole_month_drops_it_from_the_cached_log(user, autumn):
    from footlog.diary.models import Entry

    timeline_for(user, *NOV)
    Entry.objects.filter(user=user, date__month=9).delete()
    after = timeline_for(user, *NEXT_DAY)
    assert [s.since for s in after.sites] == [dt.date(2026, 10, 1)]
    assert after == from_scratch(user, NEXT_DAY)


def test_a_routine_target_change_reaches_windows_analysed_from_cached_months(
    user, autumn, django_capture_on_commit_callbacks
):
    def exfoliate_target(result: TimelineResult) -> int | None:
        return next(a.target_per_week for a in result.adherence if a.step == "exfoliate")

    assert exfoliate_target(timeline_for(user, *NOV)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        routine_step_target_set(user, RoutineStep.objects.get(key="exfoliate"), 7)
    moved = timeline_for(user, *NEXT_DAY)  # a window never asked for: only the months could be stale
    assert exfoliate_target(moved) == 7
    assert moved == from_scratch(user, NEXT_DAY)


def test_two_windows_sharing_a_slot_each_get_their_own_answer(user, autumn):
    def slot(window: tuple[dt.date, dt.date]) -> int:
        return zlib.crc32(f"{window[0].isoformat()}:{window[1].isoformat()}".encode()) % CACHE_SLOTS

    sharing = next(w for w in ((NOV[0] - dt.timedelta(days=n), NOV[1]) for n in range(1, 500)) if slot(w) == slot(NOV))
    first, second = timeline_for(user, *NOV), timeline_for(user, *sharing)
    assert (first.end, second.end) == (NOV[1], sharing[1])
    assert timeline_for(user, *NOV) == first == from_scratch(user, NOV)
