"""What the timeline reads from the diary: the red-flag fields and each step's target for the user, in the same
number of queries (selectors._day_logs)."""

from __future__ import annotations

import datetime as dt

from footlog.diary.models import Entry, RoutineLog, RoutineStep, RoutineStepTarget
from footlog.diary.services import routine_step_create
from footlog.timeline.selectors import _day_logs
from tests.timeline.rows import log_days

DAY = dt.date(2026, 11, 2)


def test_bleeding_and_spreading_reach_the_analysis(user, other_user) -> None:
    log_days(user, DAY, 1, {"left_heel": 2}, bleeding=True)
    log_days(user, DAY + dt.timedelta(days=1), 1, {"left_heel": 2}, spreading=True)
    log_days(other_user, DAY, 1, {"left_heel": 2}, spreading=True)
    first, second = _day_logs(user, DAY, DAY + dt.timedelta(days=1))
    assert (first.observations[0].bleeding, first.observations[0].spreading) == (True, False)
    assert (second.observations[0].bleeding, second.observations[0].spreading) == (False, True)


def test_each_routine_mark_carries_the_users_own_target_in_two_queries(
    user, other_user, django_assert_num_queries
) -> None:
    own = routine_step_create(user, "Urea cream", "care", target_per_week=3)
    RoutineStepTarget.objects.create(user=user, step=RoutineStep.objects.get(key="wash"), target_per_week=4)
    RoutineStepTarget.objects.create(user=other_user, step=RoutineStep.objects.get(key="wash"), target_per_week=1)
    RoutineStepTarget.objects.create(user=other_user, step=RoutineStep.objects.get(key="moisturise"), target_per_week=1)
    care = {"wash": True, "exfoliate": False, "moisturise": True, "new_product": True}
    log_days(user, DAY, 3, {"left_heel": 1}, care=care)
    log_days(other_user, DAY, 3, {"left_heel": 1}, care=care)
    RoutineLog.objects.create(entry=Entry.objects.get(user=user, date=DAY), step=own, done=True)
    with django_assert_num_queries(2):  # entries with observations, routine logs: no query for the targets
        days = _day_logs(user, DAY, DAY + dt.timedelta(days=2))
    targets = {mark.step: mark.target_per_week for mark in days[0].routine}
    assert targets == {"wash": 4, "exfoliate": 2, "moisturise": 7, "new_product": 0, own.key: 3}
    assert {mark.step: mark.target_per_week for mark in days[2].routine} == {
        "wash": 4,
        "exfoliate": 2,
        "moisturise": 7,
        "new_product": 0,
    }


def test_the_queries_built_once_read_each_users_own_days_and_targets(user, other_user) -> None:
    """The two queries are built by the ORM once per database and then only filled in (issue 25): a later call for
    another user and other dates reads that user's rows of those dates, with that user's targets."""
    RoutineStepTarget.objects.create(user=other_user, step=RoutineStep.objects.get(key="wash"), target_per_week=2)
    log_days(user, DAY, 4, {"left_heel": 1}, care={"wash": True})
    log_days(other_user, DAY, 4, {"right_toes": 5}, care={"wash": False})
    mine = _day_logs(user, DAY, DAY + dt.timedelta(days=3))
    theirs = _day_logs(other_user, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2))
    assert [d.date for d in mine] == [DAY + dt.timedelta(days=i) for i in range(4)]
    assert {o.site for d in mine for o in d.observations} == {"left_heel"}
    assert [m.target_per_week for d in mine for m in d.routine] == [7] * 4
    assert [d.date for d in theirs] == [DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2)]
    assert [(o.site, o.count) for d in theirs for o in d.observations] == [("right_toes", 5)] * 2
    assert [(m.done, m.target_per_week) for d in theirs for m in d.routine] == [(False, 2)] * 2
