"""Implausible values are questioned, not silently stored (issue 21, item 6): the rule, its one aggregate query,
and the API's `confirm_outlier` answer with the `confirmed` mark."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from footlog.diary import outliers
from footlog.diary.models import Entry, Observation
from footlog.diary.services import EntryData, entry_create

URL = "/api/v1/entries/"
DAY = dt.date(2026, 11, 20)
SITE = "left_top"


def history(user, sizes, *, site=SITE, counts=None, end=DAY, step=2):
    """Entries before `end`, one every `step` days (the last one `step` days before `end`), stored as the import
    would (no questions)."""
    counts = counts or [3] * len(sizes)
    for back, (size, count) in enumerate(zip(reversed(sizes), reversed(counts), strict=True), start=1):
        day = end - dt.timedelta(days=step * back)
        obs = {"site": site, "count": count, "largest_mm": size}
        entry_create(user, EntryData(date=day, observations=[obs]), ask_outliers=False)


def post(api, largest_mm=30.0, count=3, **extra):
    obs = {"site": SITE, "count": count, "largest_mm": largest_mm, **extra}
    return api.post(URL, {"date": DAY.isoformat(), "observations": [obs]}, format="json")


# --- The rule, pure ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "usual", "asked"),
    [
        ("largest_mm", 6.0, 2.0, True),  # 3 m and m + 4 exactly
        ("largest_mm", 5.9, 2.0, False),
        ("largest_mm", 4.9, 1.0, False),  # 3 m, but not m + 4
        ("largest_mm", 5.0, 1.0, True),
        ("largest_mm", 30.0, 2.0, True),
        ("count", 12, 2, True),  # 5 m = 10, m + 10 = 12
        ("count", 11, 2, False),
        ("count", 15, 3, True),
        ("count", 14, 3, False),
    ],
)
def test_the_thresholds_are_exactly_three_times_plus_4_mm_and_five_times_plus_10(field, value, usual, asked):
    assert outliers.is_outlier(field, value, usual) is asked


def test_count_needs_both_five_times_and_ten_more():
    assert outliers.is_outlier("count", 10, 1) is False  # ≥ 5 m but < m + 10
    assert outliers.is_outlier("count", 11, 1) is True
    assert outliers.is_outlier("count", 30, 10) is False  # ≥ m + 10 but < 5 m
    assert outliers.is_outlier("count", 50, 10) is True


def test_a_tenfold_size_gets_a_suggestion_near_the_usual():
    assert outliers.suggestion("largest_mm", 30.0, 2.0) == 3.0
    assert outliers.suggestion("largest_mm", 25.0, 20.0) is None  # 2.5 is far from 20
    assert outliers.suggestion("count", 40, 3) is None


def test_the_question_states_the_two_numbers_in_the_issues_words():
    assert (
        outliers.outlier_message("largest_mm", 30.0, 2.0)
        == "30 mm is much larger than your usual 2 mm at this spot — keep it?"
    )


def test_the_sqlite_median_is_the_statistical_median():
    median = outliers.SqliteMedian()
    for value in (5, None, 1, 3, 2):
        median.step(value)
    assert median.finalize() == 2.5
    assert outliers.SqliteMedian().finalize() is None


# --- The usual value: one aggregate query ---------------------------------------------------------------------


def test_usual_values_of_every_site_come_from_one_query(user, django_assert_num_queries):
    history(user, [2.0, 2.0, 3.0, 2.0], site="left_top")
    history(user, [1.0, 1.0, 1.0], site="right_heel", counts=[4, 6, 8], end=DAY - dt.timedelta(days=1))
    history(user, [9.0, 9.0], site="left_sole", end=DAY - dt.timedelta(days=30))  # two checks: no usual value
    with django_assert_num_queries(1):
        usual = outliers.usual_values(user.pk, DAY, ["left_top", "right_heel", "left_sole", "left_toes"])
    assert usual["left_top"] == outliers.Usual(count=3.0, largest_mm=2.0)
    assert usual["right_heel"] == outliers.Usual(count=6.0, largest_mm=1.0)
    assert usual["left_sole"] == outliers.Usual(count=None, largest_mm=None)
    assert "left_toes" not in usual


def test_usual_counts_present_checks_of_the_90_days_before_only(user, other_user):
    def at(days_back, count, size, who=user):
        obs = {"site": SITE, "count": count, "largest_mm": size}
        entry_create(who, EntryData(date=DAY - dt.timedelta(days=days_back), observations=[obs]), ask_outliers=False)

    for back in (90, 50, 10):  # day - 90 is inside the window
        at(back, 2, 2.0)
    at(91, 40, 20.0)  # outside: older than 90 days
    at(5, 0, None)  # a check without bumps is not "present"
    at(3, 50, 25.0, who=other_user)  # another user's log
    entry_create(
        user, EntryData(date=DAY, observations=[{"site": SITE, "count": 60, "largest_mm": 30.0}]), ask_outliers=False
    )  # the day itself is not "before"
    assert outliers.usual_values(user.pk, DAY, [SITE])[SITE] == outliers.Usual(count=2.0, largest_mm=2.0)
    # A size is only needed on the checks that give one; a sizeless present check still counts for the count.
    at(20, 2, None)
    assert outliers.usual_values(user.pk, DAY, [SITE])[SITE] == outliers.Usual(count=2.0, largest_mm=2.0)


def test_the_entry_being_edited_is_left_out(user):
    history(user, [2.0, 2.0, 2.0])
    edited = Entry.objects.filter(user=user).order_by("date").first()
    assert outliers.usual_values(user.pk, DAY, [SITE], leave_out=edited.pk)[SITE].largest_mm is None


def test_nothing_to_ask_about_costs_no_query(user, django_assert_num_queries):
    with django_assert_num_queries(0):
        outliers.outliers_check(user.pk, DAY, [{"site": SITE, "count": 0, "largest_mm": None}])
        outliers.outliers_check(user.pk, DAY, [{"site": SITE, "count": 9, "outlier_confirmed": True}])


# --- Through the API -----------------------------------------------------------------------------------------


def test_thirty_mm_on_a_stable_two_mm_history_is_asked_and_nothing_is_stored(api, user):
    history(user, [2.0, 2.0, 2.5, 2.0, 1.5])
    response = post(api, 30.0)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "confirm_outlier"
    assert body["outliers"] == [
        {
            "index": 0,
            "site": SITE,
            "field": "largest_mm",
            "value": 30.0,
            "usual": 2.0,
            "suggest": 3.0,
            "message": "30 mm is much larger than your usual 2 mm at this spot — keep it?",
        }
    ]
    assert body["errors"] == {"observations": [{"largest_mm": [body["outliers"][0]["message"]]}]}
    assert not Entry.objects.filter(user=user, date=DAY).exists()


def test_confirmed_outlier_is_stored_with_its_mark_and_returned(api, user):
    history(user, [2.0, 2.0, 2.0])
    response = post(api, 30.0, confirmed=True)
    assert response.status_code == 201, response.content
    assert response.json()["observations"][0]["confirmed"] is True
    assert Observation.objects.get(entry__date=DAY).outlier_confirmed is True


def test_a_count_far_above_the_usual_is_asked_and_a_moderate_rise_is_not(api, user):
    history(user, [None] * 4, counts=[3, 2, 3, 4])
    asked = post(api, None, count=16)  # 5 × 3 = 15, 3 + 10 = 13
    assert asked.status_code == 400 and asked.json()["outliers"][0]["field"] == "count"
    assert "suggest" not in asked.json()["outliers"][0]
    assert post(api, None, count=14).status_code == 201


def test_no_question_without_three_earlier_present_checks(api, user):
    history(user, [2.0, 2.0])
    assert post(api, 30.0).status_code == 201


def test_other_validation_answers_first(api, user):
    history(user, [2.0, 2.0, 2.0])
    response = post(api, 30.0, pain=11)
    assert response.status_code == 400
    assert "code" not in response.json()
    assert "pain" in str(response.json()["errors"])


def test_the_mark_is_not_part_of_the_replay_fingerprint(api, user):
    history(user, [2.0, 2.0, 2.0])
    entry_id = str(uuid.uuid4())
    obs = {"site": SITE, "count": 3, "largest_mm": 30.0}
    first = api.post(
        URL, {"id": entry_id, "date": DAY.isoformat(), "observations": [{**obs, "confirmed": True}]}, format="json"
    )
    assert first.status_code == 201
    # The same body replayed (a lost answer) without the mark is the stored entry, not a question.
    again = api.post(URL, {"id": entry_id, "date": DAY.isoformat(), "observations": [obs]}, format="json")
    assert again.status_code == 200, again.content
    assert Observation.objects.get(entry_id=entry_id).outlier_confirmed is True


def test_a_taken_date_is_still_a_409_not_a_question(api, user):
    history(user, [2.0, 2.0, 2.0])
    assert post(api, 2.0).status_code == 201
    assert post(api, 30.0).status_code == 409


def test_an_edit_asks_only_about_values_that_changed_and_keeps_the_mark(api, user):
    history(user, [2.0, 2.0, 2.0])
    created = post(api, 30.0, confirmed=True).json()
    url = f"{URL}{created['id']}/"
    same = {"site": SITE, "count": 3, "largest_mm": 30.0, "note": "bigger today"}
    kept = api.put(url, {"date": DAY.isoformat(), "observations": [same]}, format="json")
    assert kept.status_code == 200, kept.content
    assert kept.json()["observations"][0]["confirmed"] is True
    assert api.patch(url, {"notes": "no question"}, format="json").status_code == 200
    changed = api.put(url, {"date": DAY.isoformat(), "observations": [{**same, "largest_mm": 25.0}]}, format="json")
    assert changed.status_code == 400 and changed.json()["code"] == "confirm_outlier"
    assert Observation.objects.get(entry_id=created["id"]).largest_mm == 30.0  # nothing written
    back = api.put(url, {"date": DAY.isoformat(), "observations": [{**same, "largest_mm": 3.0}]}, format="json")
    assert back.status_code == 200
    assert back.json()["observations"][0]["confirmed"] is False  # a usual value carries no mark


def test_an_edit_of_an_unconfirmed_value_to_an_outlier_is_asked(api, user):
    history(user, [2.0, 2.0, 2.0])
    created = post(api, 2.0).json()
    url = f"{URL}{created['id']}/"
    obs = {"site": SITE, "count": 3, "largest_mm": 30.0}
    assert api.patch(url, {"observations": [obs]}, format="json").json()["code"] == "confirm_outlier"
    done = api.patch(url, {"observations": [{**obs, "confirmed": True}]}, format="json")
    assert done.status_code == 200 and done.json()["observations"][0]["confirmed"] is True


def test_the_import_is_exempt(user):
    history(user, [2.0, 2.0, 2.0])
    data = EntryData(date=DAY, observations=[{"site": SITE, "count": 3, "largest_mm": 30.0}])
    with pytest.raises(outliers.OutlierNeedsConfirmation):
        entry_create(user, data)
    entry, created = entry_create(user, data, ask_outliers=False)
    assert created and entry.observations.get().outlier_confirmed is False
