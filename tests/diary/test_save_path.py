"""POST entries/ does a fixed amount of work: its query count is the same for one site and six sites, one routine
step and six (issue 25: the save path lean, the outlier check reads all sites' medians in one aggregate query)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.exports.builders import log_entry

URL = "/api/v1/entries/"
SITES = ["left_heel", "right_heel", "left_sole", "right_sole", "left_ankle_outer", "right_ankle_outer"]
STEPS = ["moisturise", "wash", "dry", "socks", "shoes", "exfoliate"]


def body(day: dt.date, sites: int, steps: list[str]) -> dict:
    return {
        "date": day.isoformat(),
        "notes": "a day",
        "observations": [{"site": site, "count": 2, "largest_mm": 1.5} for site in SITES[:sites]],
        "routine": [{"step": key, "done": True} for key in steps],
    }


@pytest.fixture
def history(user):
    """Three weeks of present checks at every site, so each site has usual values for the outlier check."""
    for days_ago in range(1, 22):
        day = dt.date(2026, 11, 30) - dt.timedelta(days=days_ago)
        log_entry(user, day.isoformat(), observations=[{"site": site, "count": 2, "largest_mm": 1.5} for site in SITES])


def post(api, payload):
    response = api.post(URL, payload, format="json")
    assert response.status_code == 201, response.content
    return response


# Session, user, the routine steps named, the transaction's savepoint, the entry, its observations, its routine
# marks, the savepoint's release. No read-back: the answer is built from what was written.
SAVE_QUERIES = 8


@pytest.mark.parametrize("sites, steps", [(1, 1), (6, 6), (6, 0), (0, 6)])
@pytest.mark.parametrize("large", [False, True])
def test_query_count_is_constant_in_sites_and_steps(api, user, history, django_assert_num_queries, sites, steps, large):
    from footlog.diary.selectors import routine_steps_for

    keys = list(routine_steps_for(user).values_list("key", flat=True)[:steps])
    payload = body(dt.date(2026, 11, 30), sites, keys)
    for obs in payload["observations"]:
        if large:  # at the margin, so checked (not far enough from the usual 2 to be asked): all sites' usual
            obs["count"] = 10  # values come from one aggregate query
    # No site: no insert; no step: neither the look-up nor an insert.
    expected = SAVE_QUERIES - (sites == 0) - 2 * (steps == 0) + (large and sites > 0)
    with django_assert_num_queries(expected):
        post(api, payload)


def test_a_typical_day_does_not_read_the_usual_values(api, user, history, django_assert_num_queries):
    """Values under the margins (10 bumps, 4 mm) can never be asked about, whatever the usual: no median query."""
    payload = body(dt.date(2026, 11, 30), 6, [])
    payload["observations"][0].update(count=9, largest_mm=3.9)
    with django_assert_num_queries(SAVE_QUERIES - 2):
        post(api, payload)


def test_the_answer_is_what_a_read_gives(api, user, history):
    """The 201 is built from the written rows, not read back: it must equal a GET of the entry, ETag included."""
    from footlog.diary.selectors import routine_steps_for

    keys = list(routine_steps_for(user).values_list("key", flat=True)[:6])
    payload = body(dt.date(2026, 11, 30), 6, list(reversed(keys)))
    payload["observations"] = list(reversed(payload["observations"]))  # stored and answered in site order
    payload["observations"][0]["largest_mm"] = 2
    created = post(api, payload)
    read = api.get(f"{URL}{created.json()['id']}/")
    assert created.json() == read.json()
    assert created["ETag"] == read["ETag"]


def test_entries_answer_as_drf_builds_them_field_by_field(api, user, monkeypatch):
    """The entry serializers read fields built once per class (footlog/api/output.py): a list of entries with
    observations, routine marks, a custom step's mark and a photo with its quality reads exactly as with DRF's
    own fields built anew for every object."""
    from rest_framework import serializers

    from footlog.api.output import FieldsBuiltOnce
    from footlog.diary import serializers as diary_serializers
    from tests.exports.builders import add_photo, custom_step

    step = custom_step(user, "Foot bath")
    log_entry(
        user,
        "2026-11-29",
        observations=[{"site": "left_heel", "count": 3, "largest_mm": 2.5, "itch": 1, "note": "ring"}],
        routine={"moisturise": True, step.key: (False, "forgot")},
        notes="a day",
    )
    add_photo(user, log_entry(user, "2026-11-30", observations=[{"site": "right_sole", "count": 0}]))
    shared = api.get(URL).json()
    shared_classes = [
        cls for cls in vars(diary_serializers).values() if isinstance(cls, type) and issubclass(cls, FieldsBuiltOnce)
    ]
    assert {"EntryOut", "ObservationOut", "RoutineLogOut", "PhotoOut", "PhotoQualityOut"} <= {
        cls.__name__ for cls in shared_classes
    }
    for cls in shared_classes:
        monkeypatch.setattr(cls, "_readable_fields", serializers.Serializer._readable_fields)
    drf = api.get(URL).json()
    assert len(drf["results"]) == 2 and drf["results"][0]["photos"][0]["quality"] is not None
    assert drf["results"][1]["routine"][1]["detail"] == "forgot"
    assert shared == drf
