"""The incremental timeline through the database and the cache (issue 25, item 2): after an edit of today the
window is analysed from its kept parts (the months it read, each site's parts, the visits), and the answer equals
the one computed from nothing. The pure equality on generated histories is tests/timeline/test_incremental.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from footlog.timeline.analysis import TimelineResult
from footlog.timeline.selectors import timeline_for
from footlog.timeline.services import timeline_cache_forget
from tests.timeline.rows import log_days

URL = "/api/v1/timeline/"
TODAY = dt.date(2026, 11, 21)
WINDOW = (dt.date(2026, 10, 1), TODAY)
SITES = {"left_heel": 2, "right_toes": 1, "left_top": 3}


def from_scratch(user, window: tuple[dt.date, dt.date]) -> TimelineResult:
    timeline_cache_forget(user.pk)
    return timeline_for(user, *window)


@pytest.fixture
def three_sites(user) -> None:
    """Sep 1 to today (Nov 21): bumps at three sites every day, moisturised."""
    log_days(user, dt.date(2026, 9, 1), 82, SITES, care={"moisturise": True})


def edit_today(api, **counts: int) -> None:
    """Today's entry through the diary's own write path, with some sites' counts changed."""
    entry = api.get("/api/v1/entries/", {"from": TODAY.isoformat(), "to": TODAY.isoformat()}).json()["results"][0]
    observations = [{"site": site, "count": counts.get(site, count)} for site, count in SITES.items()]
    patched = api.patch(f"/api/v1/entries/{entry['id']}/", {"observations": observations}, format="json")
    assert patched.status_code == 200, patched.content


@pytest.mark.time_machine(dt.datetime(2026, 11, 21, 18, tzinfo=dt.UTC))
def test_an_edit_of_today_is_analysed_from_the_kept_parts(
    user, three_sites, api, django_assert_num_queries, monkeypatch
):
    from footlog.timeline.analysis import core

    timeline_for(user, *WINDOW)
    edit_today(api, left_heel=7)
    analysed: list[str] = []
    site_parts = core.site_parts

    def counted(site: str, *rest: Any) -> core.SiteParts:
        analysed.append(site)
        return site_parts(site, *rest)

    monkeypatch.setattr(core, "site_parts", counted)
    # settings, stamps, then November's entries and routine logs: the visits come with the kept parts
    with django_assert_num_queries(4):
        after = timeline_for(user, *WINDOW)
    assert analysed == ["left_heel"]  # the other two sites' parts came back from the cache, equal
    assert after.series[-1].by_site["left_heel"] == 7
    assert after == from_scratch(user, WINDOW)


@pytest.mark.time_machine(dt.datetime(2026, 11, 21, 18, tzinfo=dt.UTC))
def test_the_api_answer_after_an_edit_is_stored_once_sent_and_equals_a_fresh_one(user, three_sites, api):
    params = {"from": WINDOW[0].isoformat(), "to": WINDOW[1].isoformat()}
    assert api.get(URL, params).status_code == 200
    edit_today(api, right_toes=0, left_top=9)
    after = api.get(URL, params)
    assert after.status_code == 200
    assert after.json()["series"][-1]["by_site"] == {"left_heel": 2, "right_toes": 0, "left_top": 9}
    again = api.get(URL, params)  # the answer stored when the first response closed: a hit, the same bytes
    assert again.content == after.content
    timeline_cache_forget(user.pk)
    assert api.get(URL, params).content == after.content


@pytest.mark.time_machine(dt.datetime(2026, 11, 21, 18, tzinfo=dt.UTC))
def test_a_visit_recorded_after_the_parts_were_kept_is_read(user, three_sites, api, django_capture_on_commit_callbacks):
    from footlog.clinical.services import visit_record

    timeline_for(user, *WINDOW)
    edit_today(api, left_heel=4)
    timeline_for(user, *WINDOW)  # parts kept with no visit
    with django_capture_on_commit_callbacks(execute=True):  # the service forgets the user's caches on commit
        visit_record(user, kind="visited", date=dt.date(2026, 11, 15), plan="as planned")
    edit_today(api, left_heel=5)
    after = timeline_for(user, *WINDOW)
    assert after.recommendation.seen_on == dt.date(2026, 11, 15)
    assert after == from_scratch(user, WINDOW)


@pytest.mark.time_machine(dt.datetime(2026, 11, 21, 18, tzinfo=dt.UTC))
def test_an_answer_stored_after_the_caches_were_forgotten_is_never_read(
    user, three_sites, api, django_capture_on_commit_callbacks
):
    """A request analyses the log, a visit is recorded and forgets the caches, then the request's deferred store
    runs (the API view stores after sending the body): what it stores predates the visit, which the month stamps
    do not show, so no later request may read it; edits after it must not carry its visit-less parts on."""
    from footlog.clinical.services import visit_record
    from footlog.timeline.selectors import timeline_json_then_store

    _, store = timeline_json_then_store(user, *WINDOW)  # analysed before the visit, not stored yet
    with django_capture_on_commit_callbacks(execute=True):
        visit_record(user, kind="visited", date=dt.date(2026, 11, 15), plan="as planned")
    store()  # lands after the forget
    assert timeline_for(user, *WINDOW).recommendation.seen_on == dt.date(2026, 11, 15)
    edit_today(api, left_heel=5)
    after = timeline_for(user, *WINDOW)
    assert after.recommendation.seen_on == dt.date(2026, 11, 15)
    assert after == from_scratch(user, WINDOW)
